package dev.pinscope.spin;

import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What SPIN found for one policy. Witnesses are schedules (actor names, one per atomic step) read from pan's
 * trails, so they replay in the engine ({@code Scheduler.Scripted}) and open in the debugger. {@code complete}
 * false: the search was cut (depth bound, memory) or failed ({@code problem}); {@code approximate}: bitstate or
 * swarm, where an absent result or cycle is not proven absent (hashFactor/coverage say how good the search was).
 */
public record SpinReport(Policy policy, SpinMode mode, boolean complete, boolean approximate, String problem,
        long states, long transitions, double panSeconds, double compileSeconds, String hashFactor, String coverage,
        List<Result> results, List<Witness> violations, List<Lasso> livelocks, List<Witness> deadlocks) {

    public record Result(String actor, Errno result, long pinnedPages, List<String> witness) {
    }

    public record Witness(String actor, String description, List<String> witness) {
    }

    public record Lasso(String actor, List<String> stem, List<String> loop) {
    }

    public Set<Errno> resultsOf(String actor) {
        Set<Errno> s = new TreeSet<>();
        results.stream().filter(r -> r.actor().equals(actor)).forEach(r -> s.add(r.result()));
        return s;
    }

    public boolean hasLivelock(String actor) {
        return livelocks.stream().anyMatch(l -> l.actor().equals(actor));
    }

    public boolean hasViolation(String actor) {
        return violations.stream().anyMatch(v -> v.actor().equals(actor));
    }

    /** SPIN's time to a full verdict: the safety searches plus the acceptance searches (not the compile). */
    public double seconds() {
        return panSeconds;
    }
}
