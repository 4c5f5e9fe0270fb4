package dev.pinscope.model.validation;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.AddressSpace;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.KernelConfig;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.Schedule;
import dev.pinscope.model.scenario.ScheduleStep;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Hex;

/** How diagnostics name a model element: short, in kernel terms, unique enough to find it. */
public final class ElementLabels {

    private ElementLabels() {
    }

    public static String of(EObject o) {
        if (o == null) {
            return "nothing";
        }
        return switch (o) {
            case Scenario s -> "scenario " + quoted(s.getName());
            case KernelConfig k -> "the kernel configuration";
            case AddressSpace a -> "the address space";
            case Vma v -> v.getName() != null && !v.getName().isEmpty() ? "VMA " + quoted(v.getName())
                    : "VMA [" + Hex.format(v.getStart()) + "-" + Hex.format(v.getEnd()) + ")";
            case PageTableEntry e -> (e.getLevel() == null ? "entry" : e.getLevel() + " entry") + " at " + Hex.format(e.getVaddr());
            case Device d -> "device " + (d.getName() == null || d.getName().isEmpty() ? "(unnamed)" : d.getName());
            case Bar b -> "BAR " + b.getIndex() + (b.eContainer() instanceof Device d ? " of " + of(d) : "");
            case Pinner p -> "pinner " + quoted(p.getName());
            case Zapper z -> "zapper " + quoted(z.getName());
            case PageTableWalker w -> "walker " + quoted(w.getName());
            case CpuAccess c -> "CPU access " + quoted(c.getName());
            case SignalSender s -> "signal sender " + quoted(s.getName());
            case Unmapper u -> "unmapper " + quoted(u.getName());
            case Schedule s -> "the schedule";
            // eGet(.., false): naming an element must never resolve (open) a reference
            case ScheduleStep st -> "schedule step " + (indexIn(st) + 1)
                    + (st.eGet(ScenarioPackage.Literals.SCHEDULE_STEP__ACTOR, false) instanceof Actor a && !a.eIsProxy()
                            ? " (" + a.getName() + ")" : "");
            case Expectation e -> "expectation " + (indexIn(e) + 1) + " (" + e.getPolicy() + ", " + e.getScope() + ")";
            default -> o.eClass().getName();
        };
    }

    private static String quoted(String name) {
        return name == null || name.isEmpty() ? "(unnamed)" : "'" + name + "'";
    }

    private static int indexIn(EObject o) {
        if (o.eContainer() == null || o.eContainmentFeature() == null || !o.eContainmentFeature().isMany()) {
            return 0;
        }
        return ((java.util.List<?>) o.eContainer().eGet(o.eContainmentFeature())).indexOf(o);
    }
}
