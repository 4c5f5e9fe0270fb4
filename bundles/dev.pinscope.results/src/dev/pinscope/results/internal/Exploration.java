package dev.pinscope.results.internal;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Expectations;
import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.report.ReportJson.Comparison;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exploration request, independent of the UI: the policies to explore and the expectations checked with
 * them, exactly as {@code pinscope explore|compare} does, so the Results view and the CLI agree row for row.
 * A cancelled run stops after the policy being explored (its report is partial, "cancelled") and explores no
 * further policy.
 */
public final class Exploration {

    /** Live numbers for the progress bar. */
    public record Progress(Policy policy, int index, int total, String phase, long states, long depth,
            double statesPerSecond) {
    }

    public interface Listener {
        void progress(Progress p);

        boolean isCancelled();
    }

    private final ScenarioSpec spec;
    private final List<Policy> policies;
    private final boolean compare;
    private final ExploreOptions options;

    public Exploration(ScenarioSpec spec, boolean compare, ExploreOptions options) {
        this.spec = spec;
        this.compare = compare;
        this.policies = compare ? List.of(Policy.values()) : List.of(spec.policy());
        this.options = options == null ? ExploreOptions.defaults() : options;
    }

    public List<Policy> policies() {
        return policies;
    }

    public String mode() {
        return compare ? "compare" : "explore";
    }

    public Comparison run(Listener listener) {
        long t0 = System.nanoTime();
        Rate rate = new Rate(listener, policies.size());
        Expectations ex = new Expectations(spec, SimulationOptions.defaults(), options, rate);
        Map<Policy, ExplorationReport> reports = new LinkedHashMap<>();
        for (Policy p : policies) {
            if (listener.isCancelled()) {
                break;
            }
            rate.start(p, reports.size());
            reports.put(p, ex.report(p));
        }
        boolean cancelled = listener.isCancelled();
        List<ExpectationResult> exps = new ArrayList<>();
        for (ExpectationSpec e : spec.expectations()) {
            if (e.allSchedules() && reports.containsKey(e.policy())) {
                exps.add(ex.check(e));
            } else if (compare && !e.allSchedules() && !cancelled) {
                exps.add(ex.check(e));
            }
        }
        return new Comparison(spec.name(), mode(), reports, exps, (System.nanoTime() - t0) / 1e9);
    }

    /** Turns the engine's progress calls into states/second for the current policy. */
    private static final class Rate implements ExplorationMonitor {
        private final Listener l;
        private final int total;
        private Policy policy;
        private int index;
        private long t0;

        Rate(Listener l, int total) {
            this.l = l;
            this.total = total;
        }

        void start(Policy p, int i) {
            policy = p;
            index = i;
            t0 = System.nanoTime();
            l.progress(new Progress(p, i, total, "reachability", 0, 0, 0));
        }

        @Override
        public void progress(String phase, long states, long transitions, long depth) {
            double secs = Math.max(1e-6, (System.nanoTime() - t0) / 1e9);
            l.progress(new Progress(policy, index, total, phase, states, depth, states / secs));
        }

        @Override
        public boolean isCancelled() {
            return l.isCancelled();
        }
    }
}
