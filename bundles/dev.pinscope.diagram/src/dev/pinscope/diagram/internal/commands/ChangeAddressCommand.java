package dev.pinscope.diagram.internal.commands;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * The EMF commands behind dragging and resizing on the address axis. Moves snap: a VMA by a
 * multiple of the largest leaf it holds (so its leaves stay aligned; at least a page), a leaf to its
 * level size, everything else to a page. Each answers null for a no-op or an impossible change.
 */
public final class ChangeAddressCommand {

    private static final ScenarioPackage P = ScenarioPackage.eINSTANCE;

    private ChangeAddressCommand() {
    }

    /** The alignment a VMA move keeps: the largest leaf inside it, at least a page. */
    public static long vmaMoveAlignment(Scenario s, Vma v) {
        long align = ScenarioMath.PAGE;
        if (s.getAddressSpace() != null) {
            for (PageTableEntry e : s.getAddressSpace().getEntries()) {
                if (e.getVaddr() >= v.getStart() && e.getVaddr() < v.getEnd()) {
                    align = Math.max(align, ScenarioMath.levelSize(e.getLevel()));
                }
            }
        }
        return align;
    }

    /** Where a VMA asked to start at {@code wantedStart} does start: moved by a multiple of its alignment. */
    public static long snappedVmaStart(Scenario s, Vma v, long wantedStart) {
        long align = vmaMoveAlignment(s, v);
        return v.getStart() + ScenarioMath.alignNearest(wantedStart - v.getStart(), align);
    }

    /**
     * Why {@code v} cannot move to start near {@code wantedStart} (it would overlap another VMA or
     * leave the user address space), or null when it can.
     */
    public static String vmaMoveRefusal(Scenario s, Vma v, long wantedStart) {
        long start = snappedVmaStart(s, v, wantedStart);
        long end = start + (v.getEnd() - v.getStart());
        if (start < 0) {
            return v.getName() + " cannot start below 0x0";
        }
        if (end > USER_TOP) {
            return v.getName() + " would end above the user address space (" + Hex.format(USER_TOP) + ")";
        }
        if (s.getAddressSpace() != null) {
            for (Vma o : s.getAddressSpace().getVmas()) {
                if (o != v && o.getStart() < end && start < o.getEnd()) {
                    return v.getName() + " at " + Hex.format(start) + " would overlap " + o.getName() + " [" + Hex.format(o.getStart())
                            + ", " + Hex.format(o.getEnd()) + "): drag it into free address space";
                }
            }
        }
        return null;
    }

    /** Top of the x86_64 user address space with 4-level paging (TASK_SIZE). */
    static final long USER_TOP = 0x7fff_ffff_f000L;

    /** Why a leaf cannot go where it was asked to: it would not lie inside a VMA at its level's alignment. */
    public static String entryMoveRefusal(Scenario s, PageTableEntry e) {
        Vma v = ScenarioMath.vmaAt(s, e.getVaddr());
        return "a " + e.getLevel() + " leaf moves only to a " + CreateElementCommand.alignmentName(e.getLevel())
                + "-aligned address inside its VMA" + (v == null ? "" : "; " + v.getName() + " is [" + Hex.format(v.getStart()) + ", "
                + Hex.format(v.getEnd()) + ")");
    }

    /** Moves {@code v} (and the leaves inside it, which move with their mapping) to start near {@code wantedStart}. */
    public static Command moveVma(EditingDomain domain, Scenario s, Vma v, long wantedStart) {
        long start = snappedVmaStart(s, v, wantedStart);
        long delta = start - v.getStart();
        if (delta == 0 || start < 0) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand("Move " + v.getName() + " to " + Hex.format(start));
        cc.append(SetCommand.create(domain, v, P.getVma_Start(), start));
        cc.append(SetCommand.create(domain, v, P.getVma_End(), v.getEnd() + delta));
        if (s.getAddressSpace() != null) {
            for (PageTableEntry e : s.getAddressSpace().getEntries()) {
                if (e.getVaddr() >= v.getStart() && e.getVaddr() < v.getEnd()) {
                    cc.append(SetCommand.create(domain, e, P.getPageTableEntry_Vaddr(), e.getVaddr() + delta));
                }
            }
        }
        return cc;
    }

    /** Sets a VMA's range to [start, end) rounded to pages. */
    public static Command resizeVma(EditingDomain domain, Vma v, long wantedStart, long wantedEnd) {
        long start = ScenarioMath.alignNearest(wantedStart, ScenarioMath.PAGE);
        long end = ScenarioMath.alignNearest(wantedEnd, ScenarioMath.PAGE);
        if (end <= start || start < 0 || (start == v.getStart() && end == v.getEnd())) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand("Resize " + v.getName() + " to [" + Hex.format(start) + ", " + Hex.format(end) + ")");
        if (start != v.getStart()) {
            cc.append(SetCommand.create(domain, v, P.getVma_Start(), start));
        }
        if (end != v.getEnd()) {
            cc.append(SetCommand.create(domain, v, P.getVma_End(), end));
        }
        return cc;
    }

    /**
     * Puts leaf {@code e} at {@code wantedVaddr} with {@code level}, aligned to the level, and
     * points its PFN where the VMA there maps it. Refused outside a VMA.
     */
    public static Command placeEntry(EditingDomain domain, Scenario s, PageTableEntry e, long wantedVaddr, PageLevel level) {
        long size = ScenarioMath.levelSize(level);
        long vaddr = ScenarioMath.alignNearest(wantedVaddr, size);
        Vma v = ScenarioMath.vmaAt(s, vaddr);
        if (v == null || vaddr + size > v.getEnd() || vaddr < v.getStart()) {
            vaddr = ScenarioMath.alignDown(wantedVaddr, size);
            v = ScenarioMath.vmaAt(s, vaddr);
            if (v == null || vaddr + size > v.getEnd() || vaddr < v.getStart()) {
                return null;
            }
        }
        if (vaddr == e.getVaddr() && level == e.getLevel()) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand((level == e.getLevel() ? "Move " : "Change ") + level + " entry to " + Hex.format(vaddr));
        cc.append(SetCommand.create(domain, e, P.getPageTableEntry_Vaddr(), vaddr));
        if (level != e.getLevel()) {
            cc.append(SetCommand.create(domain, e, P.getPageTableEntry_Level(), level));
        }
        long pfn = ScenarioMath.pfnFor(v, vaddr);
        if (pfn >= 0 && pfn != e.getPfn()) {
            cc.append(SetCommand.create(domain, e, P.getPageTableEntry_Pfn(), pfn));
        }
        return cc;
    }

    /** Sets a pinner's range to [vaddr, vaddr + size) rounded to pages. */
    public static Command pinnerRange(EditingDomain domain, Pinner p, long wantedVaddr, long wantedEnd) {
        long vaddr = ScenarioMath.alignNearest(wantedVaddr, ScenarioMath.PAGE);
        long end = ScenarioMath.alignNearest(wantedEnd, ScenarioMath.PAGE);
        if (end <= vaddr || vaddr < 0 || (vaddr == p.getVaddr() && end - vaddr == p.getSize())) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand("Pin [" + Hex.format(vaddr) + ", " + Hex.format(end) + ") by " + p.getName());
        if (vaddr != p.getVaddr()) {
            cc.append(SetCommand.create(domain, p, P.getPinner_Vaddr(), vaddr));
        }
        if (end - vaddr != p.getSize()) {
            cc.append(SetCommand.create(domain, p, P.getPinner_Size(), end - vaddr));
        }
        return cc;
    }

    public static Command cpuAddress(EditingDomain domain, CpuAccess c, long wantedVaddr) {
        long vaddr = ScenarioMath.alignDown(wantedVaddr, ScenarioMath.PAGE);
        if (vaddr == c.getVaddr() || vaddr < 0) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand("Move " + c.getName() + " to " + Hex.format(vaddr));
        cc.append(SetCommand.create(domain, c, P.getCpuAccess_Vaddr(), vaddr));
        return cc;
    }

    /** Resizes a BAR to the power of two a figure of that width stands for. */
    public static Command barSize(EditingDomain domain, Bar b, long size) {
        long pow = Long.highestOneBit(Math.max(Sizes.PAGE_SIZE, size));
        if (size - pow > pow / 2) {
            pow <<= 1;
        }
        if (pow == b.getSize()) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand("Resize BAR" + b.getIndex() + " to " + Sizes.format(pow));
        cc.append(SetCommand.create(domain, b, P.getBar_Size(), pow));
        if ((b.getPhysicalAddress() & (pow - 1)) != 0) { // a BAR is aligned to its size
            cc.append(SetCommand.create(domain, b, P.getBar_PhysicalAddress(), (b.getPhysicalAddress() + pow - 1) & -pow));
        }
        return cc;
    }
}
