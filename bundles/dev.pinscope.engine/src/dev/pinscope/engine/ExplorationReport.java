package dev.pinscope.engine;

import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What exploring every interleaving found. {@code complete} false means the report is PARTIAL (see
 * {@code partialReason}: state budget reached, depth bound (maxSteps) reached, or cancelled): results found are
 * real, but more may exist and "no livelock" proves nothing. Witnesses and lassos are schedules given as actor
 * names, one per atomic step, replayable with {@link Scheduler.Scripted} or step by step. bytesPerState is the
 * memory allocated for the visited set (states, parent links, hash table) and, when cycles are looked for, the
 * stored edge list, divided by the number of states.
 */
public record ExplorationReport(String scenario, Policy policy, boolean complete, String partialReason, long states,
        long transitions, double seconds, double bytesPerState, List<ResultEntry> results,
        List<Violation> violations, List<Lasso> livelocks, List<Lasso> starvations, List<Deadlock> deadlocks) {

    /**
     * A reachable final result of a pinner. count = number of distinct explored states from which the pinner's
     * last step returns this result; witness = a shortest schedule reaching it.
     */
    public record ResultEntry(String actor, Errno result, long pinnedPages, long count, List<String> witness) {
    }

    /** A safety violation, e.g. "stale PFN": MAP_DMA succeeded with a PFN whose entry had been zapped (§10 #10). */
    public record Violation(String actor, String kind, String description, List<String> witness) {
    }

    /**
     * A reachable cycle in which the pinner never completes. LIVELOCK: the pinner itself keeps stepping (its retry
     * loop); STARVATION: the pinner only waits (for waitingFor) while others cycle — e.g. a zapper that holds
     * memory_lock for write again and again. Replay stem, then loop any number of times.
     */
    public record Lasso(String actor, Kind kind, String waitingFor, List<String> stem, List<String> loop) {
        public enum Kind { LIVELOCK, STARVATION }
    }

    /** A reachable state where no actor can move but some have not finished. */
    public record Deadlock(String description, List<String> witness) {
    }

    /** The set of results reachable for a pinner. */
    public Set<Errno> resultsOf(String actor) {
        Set<Errno> s = new TreeSet<>();
        for (ResultEntry r : results) {
            if (r.actor().equals(actor)) {
                s.add(r.result());
            }
        }
        return s;
    }

    public boolean hasLivelock(String actor) {
        return livelocks.stream().anyMatch(l -> l.actor().equals(actor));
    }

    public boolean hasStarvation(String actor) {
        return starvations.stream().anyMatch(l -> l.actor().equals(actor));
    }

    public boolean hasViolation(String actor) {
        return violations.stream().anyMatch(v -> v.actor().equals(actor));
    }

    public ResultEntry entry(String actor, Errno e) {
        return results.stream().filter(r -> r.actor().equals(actor) && r.result() == e).findFirst().orElse(null);
    }
}
