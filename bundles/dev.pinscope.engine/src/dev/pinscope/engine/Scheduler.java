package dev.pinscope.engine;

import dev.pinscope.engine.spec.ScheduleStepSpec;
import java.util.List;

/**
 * Who moves next: the one strategy the CLI ({@code pinscope run --scheduler}), {@link Run#runWith} and the
 * debugger's Resume share, so the same scheduler and seed give the same steps everywhere.
 *
 * <p>A scheduler is a pure function of what it sees ({@link Choices}) and of its own state, one {@code long}
 * that the {@link Run} keeps in its trace (at every checkpoint, with a mark on each step the scheduler chose).
 * Going back in the trace therefore rewinds the scheduler too: Step Back and Resume again take the same
 * steps as before, also for the seeded random scheduler. Steps the user chooses (Step Into, a Scheduler view
 * pick) are passed to {@link #observe}.
 */
public interface Scheduler {

    /** What a scheduler may look at: the run at the position where the next step happens. */
    interface Choices {
        /** Steps taken so far. */
        long position();

        int actorCount();

        String actorName(int actor);

        boolean isRunnable(int actor);

        /** Why the actor cannot move: "finished" or "blocked on &lt;what it waits for&gt;". */
        String whyNot(int actor);

        /** The actor's next step carries the schedule label, or its listing line does. */
        boolean isAbout(int actor, String label);

        /** Every pinner and every finite actor is done, or nothing can run. */
        boolean isTerminated();
    }

    /** What a scheduler decided at one position. */
    sealed interface Decision {
        /** Step {@code actor}; the scheduler's state after the step is {@code state}. */
        record Step(int actor, long state) implements Decision {
        }

        /** The run is over (terminated or deadlocked). */
        record End() implements Decision {
        }

        /** The scheduler leaves the choice to the user (interactive). */
        record Wait(String why) implements Decision {
        }

        /** The script cannot go on: {@code scheduleStep} is the 1-based index of the failing step. */
        record Error(int scheduleStep, String message) implements Decision {
        }
    }

    /** The state before the first step this scheduler chooses: 0 unless the scheduler says otherwise. */
    default long initialState() {
        return 0;
    }

    /** Chooses the next step. Must not depend on anything but its arguments (replays call it again). */
    Decision choose(Choices run, long state);

    /** The state after a step of {@code actor} that someone else chose (the user). */
    default long observe(long state, int actor) {
        return state;
    }

    /** The message of a run the step bound stopped while the scheduler was in {@code state}. */
    default String boundMessage(Choices run, long state, long maxSteps) {
        return "stopped after " + maxSteps + " steps";
    }

    /** The 1-based schedule step the scheduler is at in {@code state}, 0 when it has none. */
    default int scheduleStep(long state) {
        return 0;
    }

    static Scheduler roundRobin() {
        return new RoundRobin();
    }

    static Scheduler random(long seed) {
        return new SeededRandom(seed);
    }

    static Scheduler interactive() {
        return new Interactive();
    }

    /** One step per runnable actor in turn. State: the actor to consider first. */
    record RoundRobin() implements Scheduler {
        @Override
        public Decision choose(Choices run, long state) {
            return next(run, (int) state);
        }

        static Decision next(Choices run, int from) {
            if (run.isTerminated()) {
                return new Decision.End();
            }
            int n = run.actorCount();
            for (int k = 0; k < n; k++) {
                int a = (from + k) % n;
                if (run.isRunnable(a)) {
                    return new Decision.Step(a, (a + 1) % n);
                }
            }
            return new Decision.End();
        }

        @Override
        public long observe(long state, int actor) {
            // the user's pick counts as a turn: round-robin goes on with the actor after it
            return actor + 1;
        }
    }

    /**
     * Uniformly among the runnable actors. The state is a SplitMix64 counter: one draw per chosen step, so the
     * state after k choices is {@code seed + k * GAMMA} and the same seed gives the same trace.
     */
    record SeededRandom(long seed) implements Scheduler {
        private static final long GAMMA = 0x9e3779b97f4a7c15L;

        @Override
        public long initialState() {
            return seed;
        }

        @Override
        public Decision choose(Choices run, long state) {
            if (run.isTerminated()) {
                return new Decision.End();
            }
            int n = 0;
            for (int a = 0; a < run.actorCount(); a++) {
                n += run.isRunnable(a) ? 1 : 0;
            }
            if (n == 0) {
                return new Decision.End();
            }
            long next = state + GAMMA;
            int pick = (int) Math.unsignedMultiplyHigh(mix(next), n);
            for (int a = 0; a < run.actorCount(); a++) {
                if (run.isRunnable(a) && pick-- == 0) {
                    return new Decision.Step(a, next);
                }
            }
            throw new IllegalStateException("unreachable");
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    /** The user picks every step; Resume has nothing to do. */
    record Interactive() implements Scheduler {
        @Override
        public Decision choose(Choices run, long state) {
            return run.isTerminated() ? new Decision.End() : new Decision.Wait("the next actor is yours to pick");
        }
    }

    /**
     * The scenario's (or the given) schedule, then round-robin. State: the schedule step's index in the high
     * 32 bits; in the low 32 bits how many steps it has taken (round-robin's next actor once the script is done).
     */
    record Scripted(List<ScheduleStepSpec> steps) implements Scheduler {
        public Scripted {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        @Override
        public Decision choose(Choices run, long state) {
            while (true) {
                int k = (int) (state >>> 32);
                int done = (int) state;
                if (k >= steps.size()) {
                    Decision d = RoundRobin.next(run, done);
                    return d instanceof Decision.Step s ? new Decision.Step(s.actor(), at(k, (int) s.state())) : d;
                }
                ScheduleStepSpec st = steps.get(k);
                int a = st.actor();
                boolean until = st.until() != null && !st.until().isEmpty();
                boolean can = run.isRunnable(a);
                if (done == 0 && !can) {
                    if (st.optional()) {
                        state = at(k + 1, 0);
                        continue;
                    }
                    return new Decision.Error(k + 1, what(run, k) + ": " + run.actorName(a) + " is " + run.whyNot(a));
                }
                if (until && done > 0 && run.isAbout(a, st.until())) {
                    state = at(k + 1, 0);
                    continue;
                }
                if (!until && st.count() >= 0 && done >= st.count()) {
                    state = at(k + 1, 0);
                    continue;
                }
                if (!can) {
                    if (st.optional() || !until && st.count() < 0) {
                        state = at(k + 1, 0);
                        continue;
                    }
                    return new Decision.Error(k + 1, what(run, k) + ": " + run.actorName(a) + " " + run.whyNot(a)
                            + (until ? " before reaching " + st.until() : " after " + done + " steps"));
                }
                return new Decision.Step(a, at(k, done == Integer.MAX_VALUE ? done : done + 1));
            }
        }

        private static long at(int k, int done) {
            return (long) k << 32 | (done & 0xffffffffL);
        }

        private String what(Choices run, int k) {
            ScheduleStepSpec st = steps.get(k);
            return "schedule step " + (k + 1) + " (" + run.actorName(st.actor())
                    + (st.until() != null && !st.until().isEmpty() ? " until " + st.until()
                            : st.count() < 0 ? " to the end" : " x" + st.count()) + ")";
        }

        @Override
        public long observe(long state, int actor) {
            int k = (int) (state >>> 32);
            // inside the script the user's step does not count as the script's; after it, as a round-robin turn
            return k >= steps.size() ? at(k, actor + 1) : state;
        }

        @Override
        public String boundMessage(Choices run, long state, long maxSteps) {
            int k = (int) (state >>> 32);
            return k >= steps.size() ? Scheduler.super.boundMessage(run, state, maxSteps)
                    : what(run, k) + ": step bound reached";
        }

        @Override
        public int scheduleStep(long state) {
            int k = (int) (state >>> 32);
            return k >= steps.size() ? 0 : k + 1;
        }
    }

    /**
     * Replays recorded actors by position (a witness from an exploration, a SPIN trail), and a livelock lasso's
     * loop ({@code actors[loopStart..]}) forever after them when {@code loopStart >= 0}; where the recorded
     * actor cannot move, and after the replay, {@code then} chooses.
     */
    record Replay(List<Integer> actors, int loopStart, Scheduler then) implements Scheduler {
        public Replay {
            actors = List.copyOf(actors);
            loopStart = loopStart >= 0 && loopStart < actors.size() ? loopStart : -1;
            then = then == null ? new RoundRobin() : then;
        }

        @Override
        public long initialState() {
            return then.initialState();
        }

        /** The recorded actor for the step at {@code position}, or -1 after the replay. */
        public int actorAt(long position) {
            if (position < actors.size()) {
                return actors.get((int) position);
            }
            if (loopStart < 0) {
                return -1;
            }
            int len = actors.size() - loopStart;
            return actors.get(loopStart + (int) ((position - actors.size()) % len));
        }

        @Override
        public Decision choose(Choices run, long state) {
            int a = actorAt(run.position());
            if (a >= 0 && a < run.actorCount() && run.isRunnable(a)) {
                return new Decision.Step(a, then.observe(state, a));
            }
            return then.choose(run, state);
        }

        @Override
        public long observe(long state, int actor) {
            return then.observe(state, actor);
        }
    }
}
