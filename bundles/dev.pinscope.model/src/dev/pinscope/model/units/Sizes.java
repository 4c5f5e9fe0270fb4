package dev.pinscope.model.units;

import dev.pinscope.model.scenario.PageLevel;

/**
 * Sizes as the kernel prints them: {@code 4K}, {@code 2M}, {@code 1G}, and the page geometry of
 * x86_64 (KERNEL-MODEL.md section 8.1).
 *
 * <p>Sizes are 64-bit unsigned byte counts. {@link #format(long)} picks the largest binary unit that
 * divides the value exactly and falls back to plain decimal bytes; {@link #parse(String)} reads
 * those forms back, plus {@code 0x…} hex, plain decimal and the suffixes {@code KiB}/{@code KB}.
 */
public final class Sizes {

    public static final int PAGE_SHIFT = 12;
    public static final int PMD_SHIFT = 21;
    public static final int PUD_SHIFT = 30;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PMD_SIZE = 1L << PMD_SHIFT;
    public static final long PUD_SIZE = 1L << PUD_SHIFT;

    private static final char[] UNITS = {'K', 'M', 'G', 'T', 'P', 'E'};

    private Sizes() {
    }

    public static long KiB(long n) {
        return scale(n, 10);
    }

    public static long MiB(long n) {
        return scale(n, 20);
    }

    public static long GiB(long n) {
        return scale(n, 30);
    }

    public static long TiB(long n) {
        return scale(n, 40);
    }

    /** Number of 4 KiB pages in {@code n} bytes. */
    public static long pages(long bytes) {
        return bytes >>> PAGE_SHIFT;
    }

    /** Bytes mapped by one leaf at {@code level}: 4K, 2M or 1G. */
    public static long of(PageLevel level) {
        return switch (level) {
            case PTE -> PAGE_SIZE;
            case PMD -> PMD_SIZE;
            case PUD -> PUD_SIZE;
        };
    }

    /** Formats a byte count: {@code 4096 -> "4K"}, {@code 3 << 30 -> "3G"}, {@code 1536 -> "1536"}. */
    public static String format(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        for (int i = UNITS.length - 1; i >= 0; i--) {
            int shift = 10 * (i + 1);
            if ((bytes & ((1L << shift) - 1)) == 0) {
                return Long.toUnsignedString(bytes >>> shift) + UNITS[i];
            }
        }
        return Long.toUnsignedString(bytes);
    }

    /**
     * Parses {@code 4K}, {@code 2M}, {@code 1G}, {@code 1T}, {@code 1P}, {@code 8E} (also with
     * {@code iB}/{@code B}, any case), {@code 0x…} hex or plain decimal.
     *
     * @throws NumberFormatException when the text is not a size or does not fit in 64 bits
     */
    public static long parse(String text) {
        if (text == null) {
            throw new NumberFormatException("null is not a size; write 4K, 2M, 1G, 0x1000 or 4096");
        }
        String s = text.strip().replace("_", "");
        String upper = s.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("0X")) {
            return Hex.parse(s);
        }
        if (upper.endsWith("IB")) {
            upper = upper.substring(0, upper.length() - 2);
        } else if (upper.endsWith("B") && upper.length() > 1 && !Character.isDigit(upper.charAt(upper.length() - 2))) {
            upper = upper.substring(0, upper.length() - 1);
        }
        int shift = 0;
        if (!upper.isEmpty()) {
            int unit = new String(UNITS).indexOf(upper.charAt(upper.length() - 1));
            if (unit >= 0) {
                shift = 10 * (unit + 1);
                upper = upper.substring(0, upper.length() - 1);
            }
        }
        long n;
        try {
            if (upper.isEmpty() || upper.startsWith("-") || upper.startsWith("+")) {
                throw new NumberFormatException();
            }
            n = Long.parseUnsignedLong(upper);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not a size; write 4K, 2M, 1G, 0x1000 or 4096");
        }
        if (shift > 0 && Long.compareUnsigned(n, -1L >>> shift) > 0) {
            throw new NumberFormatException("'" + text + "' does not fit in 64 bits; the largest size is 16E - 1 byte");
        }
        return n << shift;
    }

    private static long scale(long n, int shift) {
        if (n < 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new ArithmeticException(n + " << " + shift + " does not fit in a signed 64-bit size");
        }
        return n << shift;
    }
}
