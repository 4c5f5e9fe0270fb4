package dev.pinscope.engine;

import dev.pinscope.engine.spec.ScheduleStepSpec;
import java.util.List;

/** How {@link Run#runWith} picks the next actor. Interactive use calls {@link Run#step(int)} directly. */
public sealed interface Scheduler {
    /** One step per runnable actor in turn. */
    record RoundRobin() implements Scheduler {
    }

    /** Uniformly among the runnable actors, from a seed: the same seed gives the same trace. */
    record SeededRandom(long seed) implements Scheduler {
    }

    /** The scenario's (or the given) schedule, then round-robin. */
    record Scripted(List<ScheduleStepSpec> steps) implements Scheduler {
        public Scripted {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    static Scheduler roundRobin() {
        return new RoundRobin();
    }

    static Scheduler random(long seed) {
        return new SeededRandom(seed);
    }
}
