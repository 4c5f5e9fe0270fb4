package dev.pinscope.engine.spec;

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

    public int actorIndex(String actorName) {
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).name().equals(actorName)) {
                return i;
            }
        }
        return -1;
    }
}
