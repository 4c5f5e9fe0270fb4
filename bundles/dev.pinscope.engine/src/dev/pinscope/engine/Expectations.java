package dev.pinscope.engine;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a scenario's expectations. THIS_SCHEDULE runs the scenario's schedule (then round-robin) under the
 * expectation's policy; ALL_SCHEDULES explores and compares the exact reachable result set, the livelock flag
 * (a retry livelock of that pinner, not starvation) and the stale-PFN violation flag. A partial exploration
 * never passes an ALL_SCHEDULES expectation.
 */
public final class Expectations {
    private final ScenarioSpec spec;
    private final SimulationOptions options;
    private final ExploreOptions exploreOptions;
    private final ExplorationMonitor monitor;
    private final Map<Policy, ExplorationReport> reports = new EnumMap<>(Policy.class);
    private final Map<Policy, RunResult> runs = new EnumMap<>(Policy.class);

    public Expectations(ScenarioSpec spec, SimulationOptions options, ExploreOptions exploreOptions,
            ExplorationMonitor monitor) {
        this.spec = spec;
        this.options = options == null ? SimulationOptions.defaults() : options;
        this.exploreOptions = exploreOptions == null ? ExploreOptions.defaults() : exploreOptions;
        this.monitor = monitor == null ? ExplorationMonitor.NONE : monitor;
    }

    /** Convenience: check all expectations of the scenario with default options. */
    public static List<ExpectationResult> check(ScenarioSpec spec) {
        return new Expectations(spec, null, null, null).checkAll();
    }

    public List<ExpectationResult> checkAll() {
        List<ExpectationResult> out = new ArrayList<>();
        for (ExpectationSpec e : spec.expectations()) {
            out.add(check(e));
        }
        return out;
    }

    /** Exploration reports computed so far, per policy. */
    public Map<Policy, ExplorationReport> reports() {
        return reports;
    }

    public Map<Policy, RunResult> runs() {
        return runs;
    }

    public ExplorationReport report(Policy p) {
        return reports.computeIfAbsent(p, k -> sim(k).explore(exploreOptions, monitor));
    }

    public RunResult scheduledRun(Policy p) {
        return runs.computeIfAbsent(p, k -> {
            Simulation s = sim(k);
            return s.run(spec.schedule() == null ? Scheduler.roundRobin() : s.scriptedSchedule());
        });
    }

    private Simulation sim(Policy p) {
        return Simulation.compile(spec, options.withPolicy(p)).orThrow();
    }

    private String pinnerName(ExpectationSpec e) {
        if (e.actor() >= 0) {
            return spec.actors().get(e.actor()).name();
        }
        for (ActorSpec a : spec.actors()) {
            if (a instanceof ActorSpec.Pinner) {
                return a.name();
            }
        }
        return "?";
    }

    static String set(Set<Errno> s) {
        return s.stream().sorted().map(Enum::name).collect(Collectors.joining(", ", "{", "}"));
    }

    public ExpectationResult check(ExpectationSpec e) {
        String actor = pinnerName(e);
        if (!e.allSchedules()) {
            RunResult r = scheduledRun(e.policy());
            StringBuilder exp = new StringBuilder(e.results().size() == 1 ? e.results().iterator().next().name()
                    : set(e.results()));
            if (e.pinnedPages() != null) {
                exp.append(" pinned=").append(e.pinnedPages());
            }
            if (e.violation()) {
                exp.append(" stale-pfn");
            }
            if (e.livelock()) {
                exp.append(" no-return");
            }
            RunResult.PinnerResult pr = r.result(actor);
            String actual;
            boolean ok;
            boolean inconclusive = false;
            if (r.status() == RunResult.Status.SCHEDULE_ERROR) {
                actual = "schedule error: " + r.message();
                ok = false;
            } else if (pr == null || pr.result() == null) {
                actual = "no result (" + r.status() + " after " + r.steps() + " steps)";
                ok = e.livelock() && r.status() == RunResult.Status.MAX_STEPS;
                // cut before the pinner returned: it might still return what is expected
                inconclusive = !ok && (r.status() == RunResult.Status.MAX_STEPS || r.status() == RunResult.Status.CANCELLED);
            } else {
                actual = pr.result().name() + (pr.result() == Errno.OK ? " pinned=" + pr.pinnedPages() : "")
                        + (pr.stalePfn() ? " stale-pfn" : "");
                ok = (e.results().isEmpty() || e.results().contains(pr.result()))
                        && (e.pinnedPages() == null || (pr.result() == Errno.OK && pr.pinnedPages() == e.pinnedPages()))
                        && e.violation() == pr.stalePfn() && !e.livelock();
            }
            return new ExpectationResult(e.policy(), "THIS_SCHEDULE", actor, exp.toString(), actual, ok, inconclusive);
        }
        ExplorationReport rep = report(e.policy());
        Set<Errno> got = new TreeSet<>(rep.resultsOf(actor));
        boolean live = rep.hasLivelock(actor);
        boolean viol = rep.hasViolation(actor);
        boolean starve = rep.hasStarvation(actor);
        String exp = set(e.results()) + " livelock=" + yn(e.livelock()) + " violation=" + yn(e.violation())
                + (e.starvation() != null ? " starvation=" + yn(e.starvation()) : "")
                + (e.pinnedPages() != null ? " pinned=" + e.pinnedPages() : "");
        boolean pinnedOk = true;
        if (e.pinnedPages() != null) {
            for (ExplorationReport.ResultEntry r : rep.results()) {
                if (r.actor().equals(actor) && r.result() == Errno.OK && r.pinnedPages() != e.pinnedPages()) {
                    pinnedOk = false;
                }
            }
        }
        // without the cycle analysis (--no-cycles) livelock and starvation are unknown, not absent
        boolean cycles = exploreOptions.findCycles();
        String act = set(got) + " livelock=" + (cycles ? yn(live) : "not checked") + " violation=" + yn(viol)
                + (e.starvation() != null ? " starvation=" + (cycles ? yn(starve) : "not checked") : "")
                + (rep.complete() ? "" : " PARTIAL: " + rep.partialReason());
        boolean starveOk = e.starvation() == null || e.starvation() == starve;
        boolean safetyOk = got.equals(new TreeSet<>(e.results())) && viol == e.violation() && pinnedOk;
        boolean ok = rep.complete() && cycles && safetyOk && live == e.livelock() && starveOk;
        // What a partial exploration found is real: a result, livelock or violation the expectation rules out
        // refutes it; anything else (a missing result, "no livelock") is undecided until the search completes.
        // A complete search without the cycle analysis decides the results and the violation, nothing else.
        boolean refuted = !e.results().containsAll(got) || (live && !e.livelock()) || (viol && !e.violation())
                || (starve && Boolean.FALSE.equals(e.starvation())) || !pinnedOk || (rep.complete() && !safetyOk);
        boolean inconclusive = (!rep.complete() || !cycles) && !refuted;
        return new ExpectationResult(e.policy(), "ALL_SCHEDULES", actor, exp, act, ok, inconclusive);
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }
}
