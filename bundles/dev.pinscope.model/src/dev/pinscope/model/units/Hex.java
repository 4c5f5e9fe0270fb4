package dev.pinscope.model.units;

/**
 * Addresses and PFNs as kernel developers write them: {@code 0x7f0000000000}.
 *
 * <p>Values are 64-bit and treated as unsigned, so {@code 0xffffffffffffffff} round-trips through
 * {@code long} -1. Parsing also accepts plain decimal and {@code _} digit separators
 * ({@code 0x38_0000_0000}).
 */
public final class Hex {

    private Hex() {
    }

    /** Formats {@code value} as lower-case unsigned hex with a {@code 0x} prefix. */
    public static String format(long value) {
        return "0x" + Long.toHexString(value);
    }

    /**
     * Parses {@code 0x…} hex (unsigned, up to 16 digits) or decimal (unsigned up to 2^64-1, or
     * negative down to {@link Long#MIN_VALUE}).
     *
     * @throws NumberFormatException with a message naming the text and the accepted forms
     */
    public static long parse(String text) {
        if (text == null) {
            throw new NumberFormatException("null is not a number; write hex like 0x7f0000000000 or decimal");
        }
        String s = text.strip().replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                String digits = s.substring(2);
                if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-")) {
                    throw new NumberFormatException();
                }
                return Long.parseUnsignedLong(digits, 16);
            }
            if (s.startsWith("-")) {
                return Long.parseLong(s);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not a 64-bit number; write hex like 0x7f0000000000 or decimal");
        }
    }
}
