package dev.pinscope.diagram.internal.layout;

import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Sizes;

/** Address arithmetic the editor needs beyond the model's units (KERNEL-MODEL.md section 8.1). */
public final class ScenarioMath {

    public static final long PAGE = Sizes.PAGE_SIZE;

    private ScenarioMath() {
    }

    public static long levelSize(PageLevel level) {
        return Sizes.of(level);
    }

    public static long alignDown(long value, long align) {
        return value & -align;
    }

    /** Rounds to the nearest multiple of {@code align}. */
    public static long alignNearest(long value, long align) {
        return alignDown(value + align / 2, align);
    }

    /** PFN that {@code vaddr} maps to through {@code vma}'s BAR and pgoff, or -1 without a BAR. */
    public static long pfnFor(Vma vma, long vaddr) {
        Bar bar = vma == null ? null : vma.getBar();
        if (bar == null) {
            return -1;
        }
        return (bar.getPhysicalAddress() >>> 12) + vma.getPgoff() + ((vaddr - vma.getStart()) >>> 12);
    }

    /** The VMA of {@code scenario} containing {@code vaddr}, or null. */
    public static Vma vmaAt(Scenario scenario, long vaddr) {
        if (scenario == null || scenario.getAddressSpace() == null) {
            return null;
        }
        for (Vma v : scenario.getAddressSpace().getVmas()) {
            if (v.getStart() <= vaddr && vaddr < v.getEnd()) {
                return v;
            }
        }
        return null;
    }

    /** The BAR of any device of {@code scenario} containing physical frame {@code pfn}, or null. */
    public static Bar barOfPfn(Scenario scenario, long pfn) {
        long pa = pfn << 12;
        for (Device d : scenario.getDevices()) {
            for (Bar b : d.getBars()) {
                if (b.getPhysicalAddress() <= pa && pa < b.getPhysicalAddress() + b.getSize()) {
                    return b;
                }
            }
        }
        return null;
    }

    public static long end(PageTableEntry e) {
        return e.getVaddr() + levelSize(e.getLevel());
    }

    /** The level whose leaf size is closest (in log scale) to {@code bytes}. */
    public static PageLevel levelClosestTo(long bytes) {
        PageLevel best = PageLevel.PTE;
        double bestDistance = Double.MAX_VALUE;
        for (PageLevel l : PageLevel.values()) {
            double d = Math.abs(Math.log(Math.max(1, bytes)) - Math.log(levelSize(l)));
            if (d < bestDistance) {
                bestDistance = d;
                best = l;
            }
        }
        return best;
    }
}
