package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import dev.pinscope.model.validation.ScheduleLabels;
import java.util.ArrayList;
import java.util.List;

/** What a scenario must satisfy before it compiles: the engine's own limits and the facts its semantics rely on. */
final class ScenarioChecks {
    private ScenarioChecks() {
    }

    /** Engine-side checks of things the semantics rely on; each message names the element and the rule. */
    static List<String> check(ScenarioSpec spec, Policy policy) {
        List<String> errs = new ArrayList<>();
        if (spec.kernel() == null) {
            errs.add("scenario: kernel configuration missing");
            return errs;
        }
        for (int i = 0; i < spec.vmas().size(); i++) {
            VmaSpec v = spec.vmas().get(i);
            String n = "VMA '" + v.name() + "'";
            if (v.start() % 4096 != 0 || v.end() % 4096 != 0 || v.end() <= v.start()) {
                errs.add(n + ": start/end must be page-aligned with start < end");
            }
            if (v.device() >= spec.devices().size() || (v.device() >= 0 && SlotUniverse.barOf(spec, v) == null)) {
                errs.add(n + ": BAR reference does not resolve");
            }
            if (v.faultBehavior() == FaultBehavior.VFIO_PCI && v.has(VmFlags.VM_PFNMAP) && v.device() < 0) {
                errs.add(n + ": a VFIO_PCI fault handler needs the VMA to map a device BAR");
            }
            for (int j = 0; j < i; j++) {
                VmaSpec o = spec.vmas().get(j);
                if (v.start() < o.end() && o.start() < v.end()) {
                    errs.add(n + ": overlaps VMA '" + o.name() + "'");
                }
            }
        }
        for (EntrySpec e : spec.entries()) {
            String n = String.format("entry %s at 0x%x", e.level(), e.vaddr());
            int v = SlotUniverse.vmaIndexAt(spec, e.vaddr());
            if (e.vaddr() % e.level().size() != 0) {
                errs.add(n + ": not aligned to its level size");
            }
            if (v < 0 || e.vaddr() + e.level().size() > spec.vmas().get(v).end()) {
                errs.add(n + ": not inside one VMA");
                continue;
            }
            VmaSpec vs = spec.vmas().get(v);
            BarSpec bar = SlotUniverse.barOf(spec, vs);
            long expect = (bar == null ? 0 : bar.physicalAddress() >>> 12) + vs.pgoff() + ((e.vaddr() - vs.start()) >>> 12);
            if (e.pfn() != expect) {
                errs.add(String.format("%s: pfn 0x%x does not match the VMA's BAR and pgoff (expected 0x%x)", n,
                        e.pfn(), expect));
            }
        }
        int pinners = 0;
        for (int a = 0; a < spec.actors().size(); a++) {
            ActorSpec as = spec.actors().get(a);
            String n = "actor '" + as.name() + "'";
            if (as.name() == null || as.name().isBlank()) {
                errs.add("actor #" + a + ": has no name");
            } else if (spec.actorIndex(as.name()) != a) {
                errs.add(n + ": name is used twice");
            }
            switch (as) {
                case ActorSpec.Pinner p -> {
                    pinners++;
                    if (p.vaddr() % 4096 != 0 || p.size() % 4096 != 0 || p.size() <= 0) {
                        errs.add(n + ": vaddr/size must be page-aligned and size > 0");
                    } else if ((p.size() >>> 12) > (1L << 31)) {
                        errs.add(n + ": range larger than 8 TiB is not modelled");
                    }
                }
                case ActorSpec.Zapper z -> {
                    if (z.device() < 0 || z.device() >= spec.devices().size()) {
                        errs.add(n + ": device reference does not resolve");
                    }
                    if (z.repeat() < -1) {
                        errs.add(n + ": repeat must be -1 (forever) or >= 0");
                    }
                }
                case ActorSpec.Walker w -> {
                    if (w.vma() < 0 || w.vma() >= spec.vmas().size()) {
                        errs.add(n + ": VMA reference does not resolve");
                    }
                    if (w.repeat() < -1) {
                        errs.add(n + ": repeat must be -1 (forever) or >= 0");
                    }
                }
                case ActorSpec.CpuAccess c -> {
                    if (c.repeat() < -1) {
                        errs.add(n + ": repeat must be -1 (forever) or >= 0");
                    }
                }
                case ActorSpec.SignalSender s -> {
                    if (s.target() < 0 || s.target() >= spec.actors().size()
                            || !(spec.actors().get(s.target()) instanceof ActorSpec.Pinner)) {
                        errs.add(n + ": target must be a pinner");
                    }
                }
                case ActorSpec.Unmapper u -> {
                    if (u.vma() < 0 || u.vma() >= spec.vmas().size()) {
                        errs.add(n + ": VMA reference does not resolve");
                    }
                }
            }
        }
        if (spec.actors().size() > 62) {
            errs.add("scenario: more than 62 actors are not supported");
        }
        if (policy == Policy.BOUNDED && spec.maxRetries() < 0) {
            errs.add("scenario: maxRetries must be >= 0 for BOUNDED");
        }
        if (spec.schedule() != null) {
            for (int k = 0; k < spec.schedule().size(); k++) {
                var st = spec.schedule().get(k);
                if (st.actor() < 0 || st.actor() >= spec.actors().size()) {
                    errs.add("schedule step " + (k + 1) + ": actor reference does not resolve");
                }
                if (st.until() != null && !st.until().isEmpty() && !ScheduleLabels.ALL.contains(st.until())) {
                    errs.add("schedule step " + (k + 1) + " " + ScheduleLabels.unknown(st.until()));
                }
            }
        }
        if (errs.isEmpty() && pinners == 0 && spec.actors().isEmpty()) {
            errs.add("scenario: no actors");
        }
        if (errs.isEmpty()) {
            try {
                long slots = SlotUniverse.count(spec);
                if (slots > 4_000_000) {
                    errs.add("scenario: " + slots + " page-table slots would be modelled (limit 4,000,000)");
                }
            } catch (RuntimeException e) {
                errs.add("scenario: " + e.getMessage());
            }
        }
        return errs;
    }
}
