package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

class UnitsTest {

    private static final long[] EDGES = {0L, 1L, 0xfffL, 0x1000L, 0x7f0000000000L, 0x7ffffffff000L, Long.MAX_VALUE,
            Long.MIN_VALUE, -1L, -4096L, 0x8000000000000001L};

    @Test
    void hexRoundTripsAt64BitEdges() {
        for (long v : EDGES) {
            assertEquals(v, Hex.parse(Hex.format(v)), Hex.format(v));
        }
        assertEquals("0x7f0000000000", Hex.format(0x7f0000000000L));
        assertEquals("0xffffffffffffffff", Hex.format(-1L));
        assertEquals("0x8000000000000000", Hex.format(Long.MIN_VALUE));
    }

    @Test
    void hexParsesDecimalAndSeparators() {
        assertEquals(0x38_0000_0000L, Hex.parse("0x38_0000_0000"));
        assertEquals(0x38_0000_0000L, Hex.parse(" 0X3800000000 "));
        assertEquals(139637976727552L, Hex.parse("139637976727552"));
        assertEquals(-1L, Hex.parse("18446744073709551615"));
        assertEquals(-5L, Hex.parse("-5"));
    }

    @Test
    void hexRejectsBadTextWithAMessage() {
        for (String bad : new String[] {"", "0x", "banana", "0x1_0000_0000_0000_0000", "18446744073709551616", "0x-1", "1.5"}) {
            NumberFormatException e = assertThrows(NumberFormatException.class, () -> Hex.parse(bad), bad);
            assertTrue(e.getMessage().contains("0x7f0000000000"), e.getMessage());
        }
    }

    @Test
    void sizesPrintInKernelUnits() {
        assertEquals("4K", Sizes.format(4096));
        assertEquals("2M", Sizes.format(2L << 20));
        assertEquals("1G", Sizes.format(1L << 30));
        assertEquals("3G", Sizes.format(3L << 30));
        assertEquals("1536", Sizes.format(1536));
        assertEquals("0", Sizes.format(0));
        assertEquals("8E", Sizes.format(Long.MIN_VALUE));
        assertEquals("18446744073709551615", Sizes.format(-1L));
        assertEquals("16383P", Sizes.format(-(1L << 50)));
    }

    @Test
    void sizesRoundTripAt64BitEdges() {
        long[] values = {0, 1, 4096, 1L << 21, 1L << 30, 3L << 30, 1L << 40, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -(1L << 10)};
        for (long v : values) {
            assertEquals(v, Sizes.parse(Sizes.format(v)), Sizes.format(v));
        }
    }

    @Test
    void sizesParseAllForms() {
        assertEquals(4096, Sizes.parse("4K"));
        assertEquals(4096, Sizes.parse("4KiB"));
        assertEquals(4096, Sizes.parse("4kb"));
        assertEquals(2L << 20, Sizes.parse("2M"));
        assertEquals(1L << 30, Sizes.parse("1G"));
        assertEquals(0x1000, Sizes.parse("0x1000"));
        assertEquals(4096, Sizes.parse("4096"));
        assertEquals(Long.MIN_VALUE, Sizes.parse("8E"));
        assertThrows(NumberFormatException.class, () -> Sizes.parse("16E"));
        assertThrows(NumberFormatException.class, () -> Sizes.parse("17179869184G"));
        assertThrows(NumberFormatException.class, () -> Sizes.parse("-4K"));
        assertThrows(NumberFormatException.class, () -> Sizes.parse("4Q"));
        assertThrows(NumberFormatException.class, () -> Sizes.parse("K"));
    }

    @Test
    void builderHelpersAndLevels() {
        assertEquals(4L << 30, Sizes.GiB(4));
        assertEquals(4096, Sizes.KiB(4));
        assertEquals(2L << 20, Sizes.MiB(2));
        assertEquals(1L << 40, Sizes.TiB(1));
        assertThrows(ArithmeticException.class, () -> Sizes.GiB(1L << 34));
        assertEquals(Sizes.PUD_SIZE, Sizes.of(PageLevel.PUD));
        assertEquals(Sizes.PMD_SIZE, Sizes.of(PageLevel.PMD));
        assertEquals(Sizes.PAGE_SIZE, Sizes.of(PageLevel.PTE));
        assertEquals(262144, Sizes.pages(Sizes.GiB(1)));
    }
}
