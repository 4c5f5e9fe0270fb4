package dev.pinscope.engine;

/**
 * Progress and cancellation hooks for long explorations (an Eclipse Job wraps its IProgressMonitor in one).
 * {@link #isCancelled()} is polled every few thousand states; a cancelled exploration returns a partial report.
 */
public interface ExplorationMonitor {
    /** Called about every 100,000 states and at phase changes. phase: "reachability" or "cycles". */
    default void progress(String phase, long states, long transitions, long depth) {
    }

    default boolean isCancelled() {
        return false;
    }

    ExplorationMonitor NONE = new ExplorationMonitor() {
    };
}
