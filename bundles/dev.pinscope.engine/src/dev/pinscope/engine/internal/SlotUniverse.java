package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Which page-table slots can ever matter: those on the walk to a page some actor touches (pinner ranges, CPU
 * accesses, initial entries). Below a PUD (PMD) slot that a fault fills with a leaf and no initial entry makes a
 * table, no lower slot can ever exist: once a table is installed it stays until munmap (KERNEL-MODEL.md §4.2
 * "structural facts"), and whether a fault takes the PUD/PMD order is static (THP mode, pfnmap support,
 * alignment). So the universe is exact, not an approximation, and a 1 GiB PUD mapping is one slot.
 */
final class SlotUniverse {
    /** Most slots a scenario may model (a limit of the engine, not of the kernel). */
    static final int MAX_SLOTS = 4_000_000;

    private SlotUniverse() {
    }

    /** One slot: its level, address and whether a fault can install a leaf there. */
    record Slot(Level level, long vaddr, boolean capable) {
    }

    /** Slots in address order, PUD before PMD before PTE at one address. */
    static List<Slot> of(ScenarioSpec spec) {
        return new ArrayList<>(build(spec).values());
    }

    static long count(ScenarioSpec spec) {
        return build(spec).size();
    }

    private static TreeMap<Long, Slot> build(ScenarioSpec spec) {
        TreeMap<Long, Slot> out = new TreeMap<>();
        for (long[] r : spec.walkedRanges()) {
            addRange(spec, out, r[0], r[1]);
        }
        return out;
    }

    private static void addRange(ScenarioSpec spec, TreeMap<Long, Slot> out, long lo, long hi) {
        long pudSize = Level.PUD.size();
        for (long pud = lo & ~(pudSize - 1); pud < hi; pud += pudSize) {
            boolean capPud = capable(spec, Level.PUD, pud);
            put(out, Level.PUD, pud, capPud);
            boolean lowerInit = hasInitialBelow(spec, Level.PUD, pud);
            if ((capPud || !installs(spec, pud)) && !lowerInit) {
                // a NO_INSTALL provider never fills a slot, so below an untouched PUD nothing ever appears
                continue;
            }
            long pmdLo = Math.max(lo, pud) & ~(Level.PMD.size() - 1);
            long pmdHi = Math.min(hi, pud + pudSize);
            for (long pmd = pmdLo; pmd < pmdHi; pmd += Level.PMD.size()) {
                boolean capPmd = capable(spec, Level.PMD, pmd);
                put(out, Level.PMD, pmd, capPmd);
                if (capPmd && !hasInitialBelow(spec, Level.PMD, pmd)) {
                    continue;
                }
                long pteLo = Math.max(lo, pmd);
                long pteHi = Math.min(pmdHi, pmd + Level.PMD.size());
                for (long pte = pteLo; pte < pteHi; pte += 4096) {
                    put(out, Level.PTE, pte, true);
                }
                if (out.size() > MAX_SLOTS) {
                    throw new IllegalStateException("too many page-table slots (over 4,000,000)");
                }
            }
        }
    }

    private static boolean installs(ScenarioSpec spec, long va) {
        int v = vmaIndexAt(spec, va);
        return v < 0 || spec.vmas().get(v).faultBehavior() != FaultBehavior.NO_INSTALL;
    }

    private static void put(TreeMap<Long, Slot> out, Level lvl, long va, boolean capable) {
        // order by address, then PUD before PMD before PTE at the same address
        long key = (va >>> 12) * 4 + (2 - lvl.ordinal());
        out.putIfAbsent(key, new Slot(lvl, va, capable));
    }

    static boolean hasInitialBelow(ScenarioSpec spec, Level lvl, long base) {
        for (EntrySpec e : spec.entries()) {
            if (e.level().ordinal() < lvl.ordinal() && e.vaddr() >= base && e.vaddr() < base + lvl.size()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Can a fault install a leaf of this level at base? __handle_mm_fault() tries PUD_ORDER then PMD_ORDER when
     * the THP gate allows special VMAs (§4.2: mode never / madvise without VM_HUGEPAGE refuse), the arch supports
     * that pfnmap order, and is_aligned_for_order() holds (§5.2: inside the VMA, PFN aligned).
     */
    static boolean capable(ScenarioSpec spec, Level lvl, long base) {
        if (lvl == Level.PTE) {
            return true;
        }
        int vi = vmaIndexAt(spec, base);
        if (vi < 0) {
            return false;
        }
        VmaSpec v = spec.vmas().get(vi);
        if (v.faultBehavior() == FaultBehavior.NO_INSTALL) {
            return false;
        }
        ThpMode thp = spec.kernel().thpMode();
        if (thp == ThpMode.NEVER || (thp == ThpMode.MADVISE && !v.has(VmFlags.VM_HUGEPAGE))) {
            return false;
        }
        if (lvl == Level.PUD && !spec.kernel().pudPfnmap() || lvl == Level.PMD && !spec.kernel().pmdPfnmap()) {
            return false;
        }
        if (base < v.start() || base + lvl.size() > v.end()) {
            return false;
        }
        BarSpec bar = barOf(spec, v);
        long pfn = (bar == null ? 0 : bar.physicalAddress() >>> 12) + v.pgoff() + ((base - v.start()) >>> 12);
        return pfn % lvl.pages() == 0;
    }

    static BarSpec barOf(ScenarioSpec spec, VmaSpec v) {
        if (v.device() < 0 || v.device() >= spec.devices().size()) {
            return null;
        }
        for (BarSpec b : spec.devices().get(v.device()).bars()) {
            if (b.index() == v.bar()) {
                return b;
            }
        }
        return null;
    }

    static int vmaIndexAt(ScenarioSpec spec, long addr) {
        for (int i = 0; i < spec.vmas().size(); i++) {
            VmaSpec v = spec.vmas().get(i);
            if (v.start() <= addr && addr < v.end()) {
                return i;
            }
        }
        return -1;
    }
}
