package dev.pinscope.engine.spec;

import java.util.ArrayList;
import java.util.List;

/** The engine's own compact, immutable input; Simulation.compile(Scenario, …) adapts the EMF model to it. */
public record ScenarioSpec(String name, String description, Policy policy, int maxRetries, long maxSteps,
        KernelSpec kernel, List<VmaSpec> vmas, List<EntrySpec> entries, List<DeviceSpec> devices,
        List<ActorSpec> actors, List<ScheduleStepSpec> schedule, List<ExpectationSpec> expectations) {
    public ScenarioSpec {
        vmas = List.copyOf(vmas);
        entries = List.copyOf(entries);
        devices = List.copyOf(devices);
        actors = List.copyOf(actors);
        schedule = schedule == null ? null : List.copyOf(schedule);
        expectations = List.copyOf(expectations);
    }

    public ScenarioSpec withPolicy(Policy p) {
        return new ScenarioSpec(name, description, p, maxRetries, maxSteps, kernel, vmas, entries, devices, actors,
                schedule, expectations);
    }

    /**
     * The address ranges {@code [lo, hi)} the page-table walks of this scenario reach: every pinner's range, the
     * page of every CPU access and every initial entry, each clipped to every VMA it meets (outside a VMA no walk
     * reaches page tables). The engine's slot universe and the SPIN export's are built from these.
     */
    public List<long[]> walkedRanges() {
        List<long[]> touched = new ArrayList<>();
        for (ActorSpec a : actors) {
            if (a instanceof ActorSpec.Pinner p && p.size() > 0) {
                touched.add(new long[] {p.vaddr() & ~0xfffL, p.vaddr() + p.size()});
            } else if (a instanceof ActorSpec.CpuAccess c) {
                touched.add(new long[] {c.vaddr() & ~0xfffL, (c.vaddr() & ~0xfffL) + 4096});
            }
        }
        for (EntrySpec e : entries) {
            touched.add(new long[] {e.vaddr(), e.vaddr() + e.level().size()});
        }
        List<long[]> out = new ArrayList<>();
        for (long[] r : touched) {
            for (VmaSpec v : vmas) {
                long lo = Math.max(r[0], v.start());
                long hi = Math.min(r[1], v.end());
                if (lo < hi) {
                    out.add(new long[] {lo, hi});
                }
            }
        }
        return out;
    }

    public int actorIndex(String actorName) {
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).name().equals(actorName)) {
                return i;
            }
        }
        return -1;
    }
}
