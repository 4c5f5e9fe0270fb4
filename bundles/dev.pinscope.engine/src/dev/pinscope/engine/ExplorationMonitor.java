package dev.pinscope.engine;

/**
 * Progress and cancellation hooks for long explorations (an Eclipse Job wraps its IProgressMonitor in one).
 * {@link #isCancelled()} is polled every 4,096 states (and every 4,096 units of cycle-analysis work); a cancelled exploration returns a partial report.
 */
public interface ExplorationMonitor {
    /**
     * Called about every 16,000 states and at phase changes. phase: "reachability" (depth = BFS depth) or
     * "cycles" (the livelock analysis; depth = states examined by it so far).
     */
    default void progress(String phase, long states, long transitions, long depth) {
    }

    default boolean isCancelled() {
        return false;
    }

    ExplorationMonitor NONE = new ExplorationMonitor() {
    };
}
