package dev.pinscope.model.tests;

import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;

import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.validation.ScenarioRule;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * The alignment and containment rules of DESIGN.md "Validation", stated again in {@link BigInteger}
 * arithmetic, independently of {@link ScenarioValidator}: no shifts, no masks, no wrap-around. A
 * value stored in a {@code long} is read as unsigned where the kernel reads it as an address
 * ({@link #u}) and as signed where a negative value is itself the mistake ({@link #s}).
 */
final class GeometryOracle {

    /** One VMA mapping one BAR, one leaf entry in it, one pinner: every 64-bit field free. */
    record Geometry(long barPhys, long barSize, long vmaStart, long vmaEnd, long pgoff, PageLevel level, long entryVaddr,
            long entryPfn, long pinVaddr, long pinSize) {
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger PAGE = BigInteger.valueOf(4096);
    private static final BigInteger PHYS_LIMIT = BigInteger.TWO.pow(52);
    private static final BigInteger MMAP_MIN = BigInteger.valueOf(0x10000);
    private static final BigInteger TASK_SIZE = new BigInteger("7ffffffff000", 16);

    private GeometryOracle() {
    }

    static BigInteger u(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }

    static BigInteger s(long v) {
        return BigInteger.valueOf(v);
    }

    static BigInteger levelSize(PageLevel level) {
        return switch (level) {
            case PTE -> PAGE;
            case PMD -> BigInteger.TWO.pow(21);
            case PUD -> BigInteger.TWO.pow(30);
        };
    }

    private static boolean isPowerOfTwo(BigInteger x) {
        return x.signum() > 0 && x.bitCount() == 1;
    }

    private static boolean divides(BigInteger d, BigInteger x) {
        return x.mod(d).signum() == 0;
    }

    /** The violated rules, as "rule@element" with element one of bar, vma, entry, pinner. */
    static Set<String> violations(Geometry g) {
        Set<String> out = new TreeSet<>();
        // BAR
        BigInteger phys = u(g.barPhys());
        BigInteger size = u(g.barSize());
        if (g.barPhys() < 0 || g.barSize() < 0) {
            out.add(ScenarioRule.NOT_NEGATIVE.id() + "@bar");
        }
        if (s(g.barPhys()).signum() < 0 || s(g.barSize()).signum() < 0 || s(g.barPhys()).add(s(g.barSize())).compareTo(PHYS_LIMIT) > 0) {
            out.add(ScenarioRule.BAR_PHYS_RANGE.id() + "@bar");
        }
        boolean sizeOk = isPowerOfTwo(size) && size.compareTo(PAGE) >= 0;
        if (!sizeOk) {
            out.add(ScenarioRule.BAR_SIZE.id() + "@bar");
        } else if (!divides(size, phys)) {
            out.add(ScenarioRule.BAR_ALIGNED.id() + "@bar");
        }
        // VMA
        BigInteger start = u(g.vmaStart());
        BigInteger end = u(g.vmaEnd());
        if (g.vmaStart() < 0 || g.vmaEnd() < 0 || g.pgoff() < 0) {
            out.add(ScenarioRule.NOT_NEGATIVE.id() + "@vma");
        }
        if (start.compareTo(end) >= 0) {
            out.add(ScenarioRule.VMA_RANGE.id() + "@vma");
        } else if (s(g.pgoff()).signum() < 0 || s(g.pgoff()).multiply(PAGE).add(end.subtract(start)).compareTo(size) > 0) {
            out.add(ScenarioRule.VMA_INSIDE_BAR.id() + "@vma");
        }
        if (!divides(PAGE, start) || !divides(PAGE, end)) {
            out.add(ScenarioRule.VMA_PAGE_ALIGNED.id() + "@vma");
        }
        if (start.compareTo(MMAP_MIN) < 0 || end.compareTo(TASK_SIZE) > 0) {
            out.add(ScenarioRule.VMA_USER_SPACE.id() + "@vma");
        }
        // entry
        BigInteger va = u(g.entryVaddr());
        BigInteger leaf = levelSize(g.level());
        if (g.entryVaddr() < 0 || g.entryPfn() < 0) {
            out.add(ScenarioRule.NOT_NEGATIVE.id() + "@entry");
        }
        if (!divides(leaf, va) || !divides(leaf.divide(PAGE), u(g.entryPfn()))) {
            out.add(ScenarioRule.ENTRY_ALIGNED.id() + "@entry");
        }
        if (start.compareTo(va) > 0 || va.add(leaf).compareTo(end) > 0) {
            out.add(ScenarioRule.ENTRY_IN_VMA.id() + "@entry");
        } else {
            BigInteger expected = phys.divide(PAGE).add(s(g.pgoff())).add(va.subtract(start).divide(PAGE));
            if (!s(g.entryPfn()).equals(expected)) {
                out.add(ScenarioRule.ENTRY_PFN.id() + "@entry");
            }
        }
        // pinner
        BigInteger pva = u(g.pinVaddr());
        BigInteger psize = u(g.pinSize());
        if (g.pinVaddr() < 0 || g.pinSize() < 0) {
            out.add(ScenarioRule.NOT_NEGATIVE.id() + "@pinner");
        }
        if (!divides(PAGE, pva) || !divides(PAGE, psize) || psize.signum() == 0) {
            out.add(ScenarioRule.PINNER_ALIGNED.id() + "@pinner");
        } else if (start.compareTo(pva) > 0 || pva.add(psize).compareTo(end) > 0) {
            out.add(ScenarioRule.PINNER_MAPPED.id() + "@pinner");
        }
        return out;
    }

    /** The rules this oracle states; the validator's other rules are not compared. */
    static final Set<ScenarioRule> RULES = Set.of(ScenarioRule.NOT_NEGATIVE, ScenarioRule.BAR_PHYS_RANGE, ScenarioRule.BAR_SIZE,
            ScenarioRule.BAR_ALIGNED, ScenarioRule.VMA_RANGE, ScenarioRule.VMA_INSIDE_BAR, ScenarioRule.VMA_PAGE_ALIGNED,
            ScenarioRule.VMA_USER_SPACE, ScenarioRule.ENTRY_ALIGNED, ScenarioRule.ENTRY_IN_VMA, ScenarioRule.ENTRY_PFN,
            ScenarioRule.PINNER_ALIGNED, ScenarioRule.PINNER_MAPPED);
}
