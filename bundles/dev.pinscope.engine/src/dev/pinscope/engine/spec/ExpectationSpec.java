package dev.pinscope.engine.spec;

import java.util.Set;

/**
 * An expected outcome for one policy. {@code allSchedules} false = THIS_SCHEDULE (the scripted schedule's one
 * result); true = the exact set reachable over all interleavings. pinnedPages null = not checked.
 * {@code actor} = pinner actor index, -1 = the only pinner.
 */
public record ExpectationSpec(Policy policy, boolean allSchedules, Set<Errno> results, Long pinnedPages,
        boolean livelock, boolean violation, int actor) {
    public ExpectationSpec {
        results = Set.copyOf(results);
    }
}
