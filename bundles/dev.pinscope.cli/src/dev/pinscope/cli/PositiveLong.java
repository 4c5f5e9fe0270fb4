package dev.pinscope.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-steps}/{@code --max-states}: a positive count, {@code _} allowed as a digit separator (1_000_000). */
public final class PositiveLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String s) {
        try {
            long v = Long.parseLong(s.replace("_", ""));
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("needs a positive number, not '" + s + "'");
    }
}
