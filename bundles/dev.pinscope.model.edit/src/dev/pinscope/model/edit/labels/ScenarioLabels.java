package dev.pinscope.model.edit.labels;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.AddressSpace;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.KernelConfig;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Schedule;
import dev.pinscope.model.scenario.ScheduleStep;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * Tree and diagram labels a kernel developer reads at a glance, e.g.
 * {@code vma bar0 [0x7f0000000000-0x7f0040000000) PFNMAP|IO|SHARED} and
 * {@code PUD 0x7f0000000000 -> pfn 0x3800000 rw}. The generated item providers' {@code getText}
 * delegate here.
 */
public final class ScenarioLabels {

    /** The vm_flags that change the race, in the order labels show them; the rest is noise. */
    private static final List<VmFlag> SHOWN_FLAGS = List.of(VmFlag.VM_PFNMAP, VmFlag.VM_IO, VmFlag.VM_SHARED,
            VmFlag.VM_MIXEDMAP, VmFlag.VM_HUGEPAGE);

    private ScenarioLabels() {
    }

    public static String text(Object object) {
        if (!(object instanceof EObject o)) {
            return String.valueOf(object);
        }
        return switch (o) {
            case Scenario s -> "scenario " + name(s.getName()) + " (" + s.getPolicy() + ")";
            case KernelConfig k -> "kernel THP=" + lower(k.getThpMode()) + (k.isPudPfnmap() ? " pud_pfnmap" : "")
                    + (k.isPmdPfnmap() ? " pmd_pfnmap" : "") + (k.isRecheckUnderLock() ? " recheck" : " no-recheck")
                    + (k.isDisableHugepages() ? " disable_hugepages" : "") + " batch=" + k.getBatchCapacity();
            case AddressSpace a -> "mm: " + a.getVmas().size() + " VMAs, " + a.getEntries().size() + " entries";
            case Vma v -> vma(v);
            case PageTableEntry e -> e.getLevel() + " " + Hex.format(e.getVaddr()) + " -> pfn " + Hex.format(e.getPfn())
                    + (e.isWritable() ? " rw" : " ro") + (e.isSpecial() ? "" : " !special");
            case Device d -> "device " + name(d.getName()) + " " + d.getPowerState()
                    + (d.isMemoryEnabled() || d.isNoCommandMemory() ? " MEM" : " MEM=0")
                    + (d.isPmRuntimeEngaged() ? " low-power" : "");
            case Bar b -> "BAR" + b.getIndex() + " " + Hex.format(b.getPhysicalAddress()) + " " + Sizes.format(b.getSize());
            case Pinner p -> "pinner " + name(p.getName()) + " MAP_DMA [" + Hex.format(p.getVaddr()) + "+" + Sizes.format(p.getSize())
                    + ")" + (p.isWrite() ? " rw" : " ro");
            case Zapper z -> "zapper " + name(z.getName()) + " " + z.getTrigger()
                    + (z.getDevice() != null ? " " + z.getDevice().getName() : "") + repeat(z.getRepeat());
            case PageTableWalker w -> "walker " + name(w.getName()) + " splits "
                    + (w.getVma() != null ? name(w.getVma().getName()) : "?") + repeat(w.getRepeat());
            case CpuAccess c -> "cpu " + name(c.getName()) + (c.isWrite() ? " write " : " read ") + Hex.format(c.getVaddr())
                    + repeat(c.getRepeat());
            case SignalSender s -> "SIGKILL " + name(s.getName()) + " -> " + (s.getTarget() != null ? name(s.getTarget().getName()) : "?");
            case Unmapper u -> "munmap " + name(u.getName()) + " " + (u.getVma() != null ? name(u.getVma().getName()) : "?");
            case Schedule s -> "schedule: " + s.getSteps().size() + " steps";
            case ScheduleStep st -> step(st);
            case Expectation e -> expectation(e);
            case Actor a -> a.eClass().getName() + " " + name(a.getName());
            default -> o.eClass().getName();
        };
    }

    private static String vma(Vma v) {
        String flags = SHOWN_FLAGS.stream().filter(v.getFlags()::contains)
                .map(f -> f.getLiteral().substring("VM_".length())).collect(Collectors.joining("|"));
        return "vma " + name(v.getName()) + " [" + Hex.format(v.getStart()) + "-" + Hex.format(v.getEnd()) + ")"
                + (flags.isEmpty() ? "" : " " + flags) + (v.getFlags().contains(VmFlag.VM_WRITE) ? "" : " ro");
    }

    private static String step(ScheduleStep st) {
        String who = st.getActor() != null ? name(st.getActor().getName()) : "?";
        String what;
        if (st.getUntil() != null && !st.getUntil().isEmpty()) {
            what = " until " + st.getUntil();
        } else if (st.getCount() < 0) {
            what = " to completion";
        } else {
            what = " " + st.getCount() + (st.getCount() == 1 ? " step" : " steps");
        }
        return who + what + (st.isOptional() ? " (optional)" : "");
    }

    private static String expectation(Expectation e) {
        String results = e.getResults().isEmpty() ? "no result"
                : e.getScope() == ExpectationScope.ALL_SCHEDULES
                        ? e.getResults().stream().map(Object::toString).collect(Collectors.joining(", ", "{", "}"))
                        : e.getResults().get(0).toString();
        return e.getPolicy() + (e.getScope() == ExpectationScope.ALL_SCHEDULES ? " all schedules: " : " this schedule: ")
                + results + (e.isSetPinnedPages() ? " " + e.getPinnedPages() + " pages" : "")
                + (e.isLivelock() ? " livelock" : "") + (e.isViolation() ? " stale-PFN" : "")
                + (e.getActor() != null ? " [" + e.getActor().getName() + "]" : "");
    }

    private static String repeat(int n) {
        return n < 0 ? " x forever" : " x" + n;
    }

    private static String name(String n) {
        return n == null || n.isEmpty() ? "(unnamed)" : n;
    }

    private static String lower(Enum<?> e) {
        return e == null ? "?" : e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
