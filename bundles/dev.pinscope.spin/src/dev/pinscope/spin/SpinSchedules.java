package dev.pinscope.spin;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ScheduleStepSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A SPIN trail as a Pinscope schedule. Every Promela step of the export is one atomic step of the engine, so a
 * trail's {@code @actor} sequence is a schedule the engine replays step for step: a SPIN-only finding opens in the
 * debugger (scenario with this schedule) and {@link #replay} checks that the engine reaches the same result.
 */
public final class SpinSchedules {
    private SpinSchedules() {
    }

    /** Runs of one actor as scripted steps ("run qemu 7 steps, then numa_maps 1 step, ..."). */
    public static List<ScheduleStepSpec> toSchedule(ScenarioSpec spec, List<String> witness) {
        List<ScheduleStepSpec> out = new ArrayList<>();
        int cur = -1;
        int n = 0;
        for (String name : witness) {
            int a = spec.actorIndex(name);
            if (a < 0) {
                throw new IllegalArgumentException("the trail names an actor '" + name + "' the scenario does not have");
            }
            if (a != cur && n > 0) {
                out.add(ScheduleStepSpec.steps(cur, n));
                n = 0;
            }
            cur = a;
            n++;
        }
        if (n > 0) {
            out.add(ScheduleStepSpec.steps(cur, n));
        }
        return out;
    }

    /** The scenario with its schedule replaced by the witness (and its policy set), ready for the debugger. */
    public static ScenarioSpec withSchedule(ScenarioSpec spec, Policy policy, List<String> witness) {
        return new ScenarioSpec(spec.name(), spec.description(), policy, spec.maxRetries(), spec.maxSteps(),
                spec.kernel(), spec.vmas(), spec.entries(), spec.devices(), spec.actors(), toSchedule(spec, witness),
                spec.expectations());
    }

    /** What the engine does with the witness, step by step. */
    public record Replay(boolean ok, String message, Errno result, boolean stalePfn) {
    }

    /**
     * Plays the witness in the engine; ok when every step was runnable. result/stalePfn: the pinner's outcome at
     * the end (null while it runs).
     */
    public static Replay replay(ScenarioSpec spec, Policy policy, SimulationOptions options, List<String> witness,
            String pinner) {
        Simulation sim = Simulation.compile(spec, options.withPolicy(policy)).orThrow();
        Run run = sim.newRun();
        int i = 0;
        for (String name : witness) {
            int a = sim.actorIndex(name);
            if (a < 0 || !run.isRunnable(a)) {
                return new Replay(false, "step " + (i + 1) + ": " + name + " cannot move in the engine", null, false);
            }
            run.step(a);
            i++;
        }
        ActorView v = run.actor(sim.actorIndex(pinner));
        return new Replay(true, null, v.result(), v.stalePfn());
    }
}
