package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.DeviceSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.KernelSpec;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ScheduleStepSpec;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.AddressSpace;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.FaultBehavior;
import dev.pinscope.model.scenario.KernelConfig;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.PowerState;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.model.scenario.Schedule;
import dev.pinscope.model.scenario.ScheduleStep;
import dev.pinscope.model.scenario.ThpMode;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.ZapTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's ScenarioSpec as the EMF scenario it stands for, so a spec built in code (tests, SpecBuilder, the
 * SPIN comparison) is checked by the model's ScenarioValidator, the one place the scenario rules live, exactly as
 * a file is. What the validator cannot see is how a spec names its elements: by index. An index that names nothing
 * is reported here, in the validator's words for an unset reference.
 */
final class SpecScenario {
    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    /** The scenario, or the spec's dangling indices (then no scenario). */
    record Result(Scenario scenario, List<String> errors) {
    }

    private SpecScenario() {
    }

    static Result of(ScenarioSpec spec) {
        List<String> errors = new ArrayList<>();
        Scenario s = F.createScenario();
        s.setName(spec.name());
        s.setDescription(spec.description());
        if (spec.policy() != null) {
            s.setPolicy(RetryPolicy.getByName(spec.policy().name()));
        }
        s.setMaxRetries(spec.maxRetries());
        if (spec.maxSteps() > 0) { // 0: the engine's default
            s.setMaxSteps(spec.maxSteps());
        }
        if (spec.kernel() != null) {
            s.setKernel(kernel(spec.kernel()));
        }
        for (DeviceSpec d : spec.devices()) {
            s.getDevices().add(device(d));
        }
        AddressSpace as = F.createAddressSpace();
        s.setAddressSpace(as);
        for (VmaSpec v : spec.vmas()) {
            as.getVmas().add(vma(v, s, errors));
        }
        for (EntrySpec e : spec.entries()) {
            PageTableEntry p = F.createPageTableEntry();
            p.setVaddr(e.vaddr());
            p.setLevel(PageLevel.getByName(e.level().name()));
            p.setPfn(e.pfn());
            p.setWritable(e.writable());
            p.setSpecial(e.special());
            as.getEntries().add(p);
        }
        for (ActorSpec a : spec.actors()) {
            s.getActors().add(actor(a));
        }
        // references between actors and to VMAs once every element exists
        for (int i = 0; i < spec.actors().size(); i++) {
            link(spec.actors().get(i), s.getActors().get(i), s, errors);
        }
        if (spec.schedule() != null) {
            Schedule sch = F.createSchedule();
            for (int k = 0; k < spec.schedule().size(); k++) {
                ScheduleStepSpec st = spec.schedule().get(k);
                ScheduleStep step = F.createScheduleStep();
                Actor a = at(s.getActors(), st.actor());
                if (a == null) {
                    errors.add("Schedule step " + (k + 1) + " names actor #" + st.actor() + ", but the scenario has "
                            + spec.actors().size() + " actors; name one of them");
                }
                step.setActor(a);
                step.setCount(st.count());
                step.setUntil(st.until());
                step.setOptional(st.optional());
                sch.getSteps().add(step);
            }
            s.setSchedule(sch);
        }
        for (ExpectationSpec e : spec.expectations()) {
            s.getExpectations().add(expectation(e, s, errors));
        }
        return new Result(errors.isEmpty() ? s : null, errors);
    }

    private static KernelConfig kernel(KernelSpec k) {
        KernelConfig c = F.createKernelConfig();
        c.setThpMode(ThpMode.getByName(k.thpMode().name()));
        c.setPudPfnmap(k.pudPfnmap());
        c.setPmdPfnmap(k.pmdPfnmap());
        c.setRecheckUnderLock(k.recheckUnderLock());
        c.setDisableHugepages(k.disableHugepages());
        c.setBatchCapacity(k.batchCapacity());
        return c;
    }

    private static Device device(DeviceSpec d) {
        Device dev = F.createDevice();
        dev.setName(d.name());
        dev.setMemoryEnabled(d.memoryEnabled());
        dev.setPowerState(PowerState.getByName(d.powerState().name()));
        dev.setNoCommandMemory(d.noCommandMemory());
        dev.setPmRuntimeEngaged(d.pmRuntimeEngaged());
        for (BarSpec b : d.bars()) {
            Bar bar = F.createBar();
            bar.setIndex(b.index());
            bar.setPhysicalAddress(b.physicalAddress());
            bar.setSize(b.size());
            bar.setHasStructPage(b.hasStructPage());
            bar.setPageReserved(b.pageReserved());
            dev.getBars().add(bar);
        }
        return dev;
    }

    private static Vma vma(VmaSpec v, Scenario s, List<String> errors) {
        Vma vma = F.createVma();
        vma.setName(v.name());
        vma.setStart(v.start());
        vma.setEnd(v.end());
        vma.setPgoff(v.pgoff());
        vma.setFaultBehavior(FaultBehavior.getByName(v.faultBehavior().name()));
        for (String flag : VmFlags.toString(v.flags()).split("\\|")) {
            VmFlag f = VmFlag.getByName(flag);
            if (f != null) {
                vma.getFlags().add(f);
            }
        }
        if (v.device() >= 0) {
            Device d = at(s.getDevices(), v.device());
            Bar bar = d == null ? null : d.getBars().stream().filter(b -> b.getIndex() == v.bar()).findFirst().orElse(null);
            if (bar == null) {
                errors.add("VMA '" + v.name() + "' maps BAR " + v.bar() + " of device #" + v.device()
                        + ", which the scenario does not have; point it to a BAR of one of its " + s.getDevices().size()
                        + " devices");
            }
            vma.setBar(bar);
        }
        return vma;
    }

    private static Actor actor(ActorSpec a) {
        return switch (a) {
            case ActorSpec.Pinner p -> {
                Pinner x = F.createPinner();
                x.setVaddr(p.vaddr());
                x.setSize(p.size());
                x.setWrite(p.write());
                yield named(x, a);
            }
            case ActorSpec.Zapper z -> {
                var x = F.createZapper();
                x.setTrigger(ZapTrigger.getByName(z.trigger().name()));
                x.setRepeat(z.repeat());
                yield named(x, a);
            }
            case ActorSpec.Walker w -> {
                var x = F.createPageTableWalker();
                x.setRepeat(w.repeat());
                yield named(x, a);
            }
            case ActorSpec.CpuAccess c -> {
                var x = F.createCpuAccess();
                x.setVaddr(c.vaddr());
                x.setWrite(c.write());
                x.setRepeat(c.repeat());
                yield named(x, a);
            }
            case ActorSpec.SignalSender ss -> named(F.createSignalSender(), a);
            case ActorSpec.Unmapper u -> named(F.createUnmapper(), a);
        };
    }

    private static Actor named(Actor x, ActorSpec a) {
        x.setName(a.name());
        return x;
    }

    private static void link(ActorSpec a, Actor x, Scenario s, List<String> errors) {
        List<Vma> vmas = s.getAddressSpace().getVmas();
        switch (a) {
            case ActorSpec.Zapper z -> ((dev.pinscope.model.scenario.Zapper) x).setDevice(at(s.getDevices(), z.device()));
            case ActorSpec.Walker w -> ((dev.pinscope.model.scenario.PageTableWalker) x).setVma(at(vmas, w.vma()));
            case ActorSpec.Unmapper u -> ((dev.pinscope.model.scenario.Unmapper) x).setVma(at(vmas, u.vma()));
            case ActorSpec.SignalSender ss -> {
                // the model's target is a Pinner: any other actor (or none) is an unset target to the validator
                if (at(s.getActors(), ss.target()) instanceof Pinner p) {
                    ((dev.pinscope.model.scenario.SignalSender) x).setTarget(p);
                }
            }
            default -> {
            }
        }
    }

    private static Expectation expectation(ExpectationSpec e, Scenario s, List<String> errors) {
        Expectation x = F.createExpectation();
        x.setPolicy(RetryPolicy.getByName(e.policy().name()));
        x.setScope(e.allSchedules() ? ExpectationScope.ALL_SCHEDULES : ExpectationScope.THIS_SCHEDULE);
        for (Errno r : e.results()) {
            x.getResults().add(dev.pinscope.model.scenario.Errno.getByName(r.name()));
        }
        if (e.pinnedPages() != null) {
            x.setPinnedPages(e.pinnedPages());
        }
        x.setLivelock(e.livelock());
        x.setViolation(e.violation());
        if (e.starvation() != null) {
            x.setStarvation(e.starvation());
        }
        if (e.actor() >= 0) {
            if (at(s.getActors(), e.actor()) instanceof Pinner p) {
                x.setActor(p);
            } else {
                errors.add("An expectation for " + e.policy() + " names actor #" + e.actor() + ", which is not a pinner"
                        + " of the scenario; name one of its pinners");
            }
        }
        return x;
    }

    private static <T> T at(List<T> list, int i) {
        return i >= 0 && i < list.size() ? list.get(i) : null;
    }
}
