package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine itself cannot take, checked after the model's ScenarioValidator (the one place the scenario's
 * rules live) has accepted the scenario: the size of the state it would model and the facts only its semantics
 * rely on. Each message is one sentence for the user, naming the element, the limit and what to do.
 */
final class EngineLimits {
    /** The cycle analysis keeps which actors stepped or were disabled on a cycle as bits of a long. */
    static final int MAX_ACTORS = 62;
    /** Page-table slots the packed state may hold. */
    static final long MAX_SLOTS = 4_000_000;
    /** Pages one pinner may ask for (8T): the largest range the engine models. */
    static final long MAX_PINNER_PAGES = 1L << 31;

    private EngineLimits() {
    }

    /** {@code maxRetries}: the limit the run uses, the file's or an override (a launch configuration's). */
    static List<String> check(ScenarioSpec spec, int maxRetries) {
        List<String> errs = new ArrayList<>();
        if (maxRetries < 0) {
            // the file's own value the validator has checked; this is an override the file does not hold
            errs.add("The retry limit " + maxRetries + " is negative; use 0 or more");
        }
        if (spec.actors().isEmpty()) {
            errs.add("Scenario '" + spec.name() + "' has no actors, so there is nothing to simulate; add a pinner");
        }
        if (spec.actors().size() > MAX_ACTORS) {
            errs.add("Scenario '" + spec.name() + "' has " + spec.actors().size() + " actors, but the engine models at most "
                    + MAX_ACTORS + "; split it into smaller scenarios");
        }
        for (ActorSpec a : spec.actors()) {
            if (a instanceof ActorSpec.Pinner p && (p.size() >>> 12) > MAX_PINNER_PAGES) {
                errs.add("Pinner '" + p.name() + "' pins " + Sizes.format(p.size()) + ", more than the "
                        + Sizes.format(MAX_PINNER_PAGES << 12) + " the engine models; pin a smaller range");
            }
        }
        for (VmaSpec v : spec.vmas()) {
            // vfio_pci_mmap_huge_fault() finds the device through vma->vm_private_data
            if (v.faultBehavior() == FaultBehavior.VFIO_PCI && v.has(VmFlags.VM_PFNMAP) && v.device() < 0) {
                errs.add("VMA '" + v.name() + "' faults through the vfio-pci handler but maps no device BAR; set its bar,"
                        + " or use another fault behaviour");
            }
        }
        for (EntrySpec e : spec.entries()) {
            // the validator checks the PFN of entries in a BAR's VMA; without a BAR the engine derives the PFN from pgoff
            int v = SlotUniverse.vmaIndexAt(spec, e.vaddr());
            if (v < 0) {
                continue;
            }
            VmaSpec vs = spec.vmas().get(v);
            BarSpec bar = SlotUniverse.barOf(spec, vs);
            long expect = vs.pgoff() + ((e.vaddr() - vs.start()) >>> 12);
            if (bar == null && e.pfn() != expect) {
                errs.add("The " + e.level() + " entry at " + Hex.format(e.vaddr()) + " has pfn " + Hex.format(e.pfn())
                        + ", but VMA '" + vs.name() + "' maps no BAR, so the engine takes its pfn from pgoff: use pfn "
                        + Hex.format(expect));
            }
        }
        if (errs.isEmpty()) {
            try {
                long slots = SlotUniverse.count(spec);
                if (slots > MAX_SLOTS) {
                    errs.add("Scenario '" + spec.name() + "' would model " + slots + " page-table slots, more than the "
                            + MAX_SLOTS + " the engine holds; map fewer pages or use larger leaves");
                }
            } catch (RuntimeException e) {
                errs.add("Scenario '" + spec.name() + "': " + e.getMessage());
            }
        }
        return errs;
    }
}
