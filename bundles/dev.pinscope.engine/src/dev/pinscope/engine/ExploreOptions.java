package dev.pinscope.engine;

/**
 * Exploration bounds and switches.
 *
 * @param maxStates             state budget; reaching it makes the report partial ("budget reached")
 * @param maxDepth              bound on schedule length; 0 = the scenario's maxSteps
 * @param partialOrderReduction expand only an actor whose next step is local (touches only its own variables and
 *                              commutes with every other step); keeps the reachable results exact
 * @param weakFairness          a livelock/starvation cycle must be weakly fair: every actor that is runnable in
 *                              all of the cycle's states takes a step in it (otherwise e.g. a pending SIGKILL
 *                              sender that is never scheduled would "cause" a livelock)
 * @param findCycles            run the livelock/starvation analysis (SCCs) after the reachability pass
 * @param deadSlotReduction     reset page-table slots that no actor can read any more before a state is stored
 *                              (dead variable reduction; exact: the same verdicts and witness lengths)
 * @param inevitableSteps       with partialOrderReduction, also take any actor's step alone where a small search
 *                              shows that every path to a result passes through it and that it commutes with
 *                              everything that can happen before it (exact, see InevitableStep)
 */
public record ExploreOptions(long maxStates, long maxDepth, boolean partialOrderReduction, boolean weakFairness,
        boolean findCycles, boolean deadSlotReduction, boolean inevitableSteps) {
    public static ExploreOptions defaults() {
        return new ExploreOptions(5_000_000, 0, true, true, true, true, true);
    }

    public ExploreOptions withDeadSlotReduction(boolean b) {
        return new ExploreOptions(maxStates, maxDepth, partialOrderReduction, weakFairness, findCycles, b,
                inevitableSteps);
    }

    public ExploreOptions withMaxStates(long n) {
        return new ExploreOptions(n, maxDepth, partialOrderReduction, weakFairness, findCycles, deadSlotReduction,
                inevitableSteps);
    }

    public ExploreOptions withMaxDepth(long n) {
        return new ExploreOptions(maxStates, n, partialOrderReduction, weakFairness, findCycles, deadSlotReduction,
                inevitableSteps);
    }

    public ExploreOptions withPartialOrderReduction(boolean b) {
        return new ExploreOptions(maxStates, maxDepth, b, weakFairness, findCycles, deadSlotReduction, inevitableSteps);
    }

    public ExploreOptions withWeakFairness(boolean b) {
        return new ExploreOptions(maxStates, maxDepth, partialOrderReduction, b, findCycles, deadSlotReduction,
                inevitableSteps);
    }

    public ExploreOptions withFindCycles(boolean b) {
        return new ExploreOptions(maxStates, maxDepth, partialOrderReduction, weakFairness, b, deadSlotReduction,
                inevitableSteps);
    }

    public ExploreOptions withInevitableSteps(boolean b) {
        return new ExploreOptions(maxStates, maxDepth, partialOrderReduction, weakFairness, findCycles,
                deadSlotReduction, b);
    }
}
