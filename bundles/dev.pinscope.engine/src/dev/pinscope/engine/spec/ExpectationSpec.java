package dev.pinscope.engine.spec;

import java.util.Set;

/**
 * An expected outcome for one policy. {@code allSchedules} false = THIS_SCHEDULE (the scripted schedule's one
 * result); true = the exact set reachable over all interleavings. pinnedPages null = not checked.
 * {@code actor} = pinner actor index, -1 = the only pinner. {@code starvation} (ALL_SCHEDULES only): whether a
 * fair cycle exists in which the pinner waits for a lock forever; null = not checked.
 */
public record ExpectationSpec(Policy policy, boolean allSchedules, Set<Errno> results, Long pinnedPages,
        boolean livelock, boolean violation, int actor, Boolean starvation) {
    public ExpectationSpec {
        results = Set.copyOf(results);
    }

    /** An expectation that does not check starvation. */
    public ExpectationSpec(Policy policy, boolean allSchedules, Set<Errno> results, Long pinnedPages,
            boolean livelock, boolean violation, int actor) {
        this(policy, allSchedules, results, pinnedPages, livelock, violation, actor, null);
    }
}
