package dev.pinscope.engine;

/**
 * Breakpoints and cancellation for {@link Run#runWith(Scheduler, long, StopCondition)}: checked before every
 * step with the record the step would get (actor, function, listing line, label; event empty).
 */
public interface StopCondition {
    /** True to stop before this step (the step is not executed). */
    boolean stopBefore(StepRecord next);

    /** Polled every 1024 steps; true ends the run with status CANCELLED. */
    default boolean isCancelled() {
        return false;
    }

    /** Stops before any step on one of the given listing lines (debugger line breakpoints). */
    static StopCondition atLines(java.util.Set<Integer> lines) {
        return next -> lines.contains(next.line());
    }
}
