package dev.pinscope.engine;

import dev.pinscope.engine.spec.Errno;
import java.util.List;

/**
 * Outcome of a run. status COMPLETED: every pinner returned and every finite actor finished (actors that repeat
 * forever may still be running); DEADLOCK: no actor runnable but some not finished; MAX_STEPS: the step bound
 * was hit (a pinner result of null means it never returned — e.g. a livelock under this schedule);
 * SCHEDULE_ERROR: a scripted step named a finished or blocked actor (scheduleStep is its 1-based index);
 * BREAKPOINT / CANCELLED: a {@link StopCondition} stopped the run before a step (message names it); WAITING: the
 * scheduler leaves the next step to the user ({@link Scheduler#interactive()}).
 */
public record RunResult(Status status, long steps, List<PinnerResult> results, int scheduleStep, String message) {
    public enum Status { COMPLETED, DEADLOCK, MAX_STEPS, SCHEDULE_ERROR, BREAKPOINT, CANCELLED, WAITING }

    /** result null = the pinner did not return. stalePfn = success with a PFN read from a zapped entry. */
    public record PinnerResult(String actor, Errno result, long pinnedPages, boolean stalePfn) {
    }

    public PinnerResult result(String actor) {
        return results.stream().filter(r -> r.actor().equals(actor)).findFirst().orElse(null);
    }

    /** The only (or first) pinner's result. */
    public PinnerResult first() {
        return results.isEmpty() ? null : results.get(0);
    }
}
