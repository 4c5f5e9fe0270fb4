package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.DeviceSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.KernelSpec;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.PowerState;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ScheduleStepSpec;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import dev.pinscope.engine.spec.ZapTrigger;
import dev.pinscope.model.scenario.Actor;
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
import dev.pinscope.model.scenario.ScheduleStep;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.validation.ScenarioValidator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.emf.common.util.Diagnostic;

/** The thin adapter from the EMF scenario (DESIGN.md "Model") to the engine's own ScenarioSpec. */
public final class EmfAdapter {
    private EmfAdapter() {
    }

    /** Errors of the model's EValidator, one line each ("element: rule message"). */
    public static List<String> validate(Scenario s) {
        List<String> out = new ArrayList<>();
        Diagnostic d = ScenarioValidator.validate(s);
        collect(d, out);
        return out;
    }

    /**
     * Errors of the model's EValidator for a spec built in code, checked as the scenario it stands for; a spec index
     * that names nothing is reported first (see {@link SpecScenario}).
     */
    public static List<String> validate(ScenarioSpec spec) {
        SpecScenario.Result r = SpecScenario.of(spec);
        return r.scenario() == null ? r.errors() : validate(r.scenario());
    }

    private static void collect(Diagnostic d, List<String> out) {
        if (d.getChildren().isEmpty()) {
            if (d.getSeverity() >= Diagnostic.ERROR) {
                out.add(d.getMessage());
            }
            return;
        }
        for (Diagnostic c : d.getChildren()) {
            collect(c, out);
        }
    }

    public static ScenarioSpec toSpec(Scenario s) {
        KernelConfig k = s.getKernel();
        KernelSpec kernel = k == null ? KernelSpec.defaults()
                : new KernelSpec(ThpMode.valueOf(k.getThpMode().getName()), k.isPudPfnmap(), k.isPmdPfnmap(),
                        k.isRecheckUnderLock(), k.isDisableHugepages(), k.getBatchCapacity());
        List<Vma> vmaList = s.getAddressSpace() == null ? List.of() : s.getAddressSpace().getVmas();
        List<VmaSpec> vmas = new ArrayList<>();
        for (Vma v : vmaList) {
            int flags = 0;
            for (VmFlag f : v.getFlags()) {
                flags |= VmFlags.byName(f.getName());
            }
            Bar bar = v.getBar();
            int dev = -1;
            int barIndex = -1;
            if (bar != null && bar.eContainer() instanceof Device d) {
                dev = s.getDevices().indexOf(d);
                barIndex = bar.getIndex();
            }
            vmas.add(new VmaSpec(v.getName(), v.getStart(), v.getEnd(), flags, dev, barIndex, v.getPgoff(),
                    FaultBehavior.valueOf(v.getFaultBehavior().getName())));
        }
        List<EntrySpec> entries = new ArrayList<>();
        if (s.getAddressSpace() != null) {
            for (PageTableEntry e : s.getAddressSpace().getEntries()) {
                entries.add(new EntrySpec(e.getVaddr(), Level.valueOf(e.getLevel().getName()), e.getPfn(),
                        e.isWritable(), e.isSpecial()));
            }
        }
        List<DeviceSpec> devices = new ArrayList<>();
        for (Device d : s.getDevices()) {
            List<BarSpec> bars = new ArrayList<>();
            for (Bar b : d.getBars()) {
                bars.add(new BarSpec(b.getIndex(), b.getPhysicalAddress(), b.getSize(), b.isHasStructPage(),
                        b.isPageReserved()));
            }
            devices.add(new DeviceSpec(d.getName(), d.isMemoryEnabled(), PowerState.valueOf(d.getPowerState().getName()),
                    d.isNoCommandMemory(), d.isPmRuntimeEngaged(), bars));
        }
        List<ActorSpec> actors = new ArrayList<>();
        for (Actor a : s.getActors()) {
            String n = a.getName();
            ActorSpec as = switch (a) {
                case Pinner p -> new ActorSpec.Pinner(n, p.getVaddr(), p.getSize(), p.isWrite());
                case Zapper z -> new ActorSpec.Zapper(n, s.getDevices().indexOf(z.getDevice()),
                        ZapTrigger.valueOf(z.getTrigger().getName()), z.getRepeat());
                case PageTableWalker w -> new ActorSpec.Walker(n, vmaList.indexOf(w.getVma()), w.getRepeat());
                case CpuAccess c -> new ActorSpec.CpuAccess(n, c.getVaddr(), c.isWrite(), c.getRepeat());
                case SignalSender ss -> new ActorSpec.SignalSender(n, s.getActors().indexOf(ss.getTarget()));
                case Unmapper u -> new ActorSpec.Unmapper(n, vmaList.indexOf(u.getVma()));
                default -> throw new IllegalArgumentException("unknown actor type " + a.eClass().getName());
            };
            actors.add(as);
        }
        List<ScheduleStepSpec> schedule = null;
        if (s.getSchedule() != null) {
            schedule = new ArrayList<>();
            for (ScheduleStep st : s.getSchedule().getSteps()) {
                schedule.add(new ScheduleStepSpec(s.getActors().indexOf(st.getActor()), st.getCount(), st.getUntil(),
                        st.isOptional()));
            }
        }
        List<ExpectationSpec> exps = new ArrayList<>();
        for (Expectation e : s.getExpectations()) {
            EnumSet<Errno> rs = EnumSet.noneOf(Errno.class);
            for (var r : e.getResults()) {
                rs.add(Errno.valueOf(r.getName()));
            }
            exps.add(new ExpectationSpec(Policy.valueOf(e.getPolicy().getName()),
                    e.getScope() == ExpectationScope.ALL_SCHEDULES, rs,
                    e.isSetPinnedPages() ? e.getPinnedPages() : null, e.isLivelock(), e.isViolation(),
                    e.getActor() == null ? -1 : s.getActors().indexOf(e.getActor()),
                    e.isSetStarvation() ? Boolean.valueOf(e.isStarvation()) : null));
        }
        return new ScenarioSpec(s.getName() == null ? "scenario" : s.getName(),
                s.getDescription() == null ? "" : s.getDescription(), Policy.valueOf(s.getPolicy().getName()),
                s.getMaxRetries(), s.getMaxSteps(), kernel, vmas, entries, devices, actors, schedule, exps);
    }
}
