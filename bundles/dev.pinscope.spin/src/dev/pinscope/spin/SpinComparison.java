package dev.pinscope.spin;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The engine's verdict next to SPIN's, per policy and pinner: the rows of {@code compare} (results, livelock,
 * violation, deadlock, states, seconds) with a column saying whether they agree. Agreement means: the same set of
 * reachable results, and the same yes/no for retry livelock, stale-PFN violation and deadlock. When one side's
 * search was cut (partial) or SPIN's is approximate (bitstate/swarm), only a contradiction counts: SPIN found
 * something the complete engine search says is unreachable, or the other way round.
 */
public final class SpinComparison {
    public enum Agreement { AGREE, DISAGREE, NO_CONTRADICTION, SPIN_FAILED }

    public record Row(Policy policy, String actor, Set<Errno> engineResults, Set<Errno> spinResults,
            boolean engineLivelock, boolean spinLivelock, boolean engineViolation, boolean spinViolation,
            boolean engineDeadlock, boolean spinDeadlock, long engineStates, long spinStates, double engineSeconds,
            double spinSeconds, boolean engineComplete, boolean spinComplete, boolean approximate, String problem,
            Agreement agreement, ExplorationReport engine, SpinReport spin) {

        /** What differs, in words ("" when they agree). */
        public String difference() {
            List<String> d = new ArrayList<>();
            if (!engineResults.equals(spinResults)) {
                d.add("results " + engineResults + " vs " + spinResults);
            }
            if (engineLivelock != spinLivelock) {
                d.add("livelock " + yes(engineLivelock) + " vs " + yes(spinLivelock));
            }
            if (engineViolation != spinViolation) {
                d.add("violation " + yes(engineViolation) + " vs " + yes(spinViolation));
            }
            if (engineDeadlock != spinDeadlock) {
                d.add("deadlock " + yes(engineDeadlock) + " vs " + yes(spinDeadlock));
            }
            return String.join("; ", d);
        }
    }

    static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private SpinComparison() {
    }

    public static List<Row> rows(ScenarioSpec spec, ExplorationReport e, SpinReport s) {
        List<Row> out = new ArrayList<>();
        for (ActorSpec a : spec.actors()) {
            if (!(a instanceof ActorSpec.Pinner)) {
                continue;
            }
            String n = a.name();
            Set<Errno> er = e.resultsOf(n);
            Set<Errno> sr = s.resultsOf(n);
            boolean el = e.hasLivelock(n);
            boolean sl = s.hasLivelock(n);
            boolean ev = e.hasViolation(n);
            boolean sv = s.hasViolation(n);
            boolean ed = !e.deadlocks().isEmpty();
            boolean sd = !s.deadlocks().isEmpty();
            Agreement ag;
            boolean same = er.equals(sr) && el == sl && ev == sv && ed == sd;
            if (s.problem() != null && s.states() == 0) {
                ag = Agreement.SPIN_FAILED;
            } else if (e.complete() && s.complete()) {
                ag = same ? Agreement.AGREE : Agreement.DISAGREE;
            } else {
                // one side is partial or approximate: a finding of one side that the other side's complete search
                // rules out is a contradiction; missing findings are not
                boolean contradiction = (e.complete() && (!er.containsAll(sr) || (sl && !el) || (sv && !ev)
                        || (sd && !ed))) || (s.complete() && (!sr.containsAll(er) || (el && !sl) || (ev && !sv)
                        || (ed && !sd)));
                ag = contradiction ? Agreement.DISAGREE : same ? Agreement.AGREE : Agreement.NO_CONTRADICTION;
            }
            out.add(new Row(e.policy(), n, er, sr, el, sl, ev, sv, ed, sd, e.states(), s.states(), e.seconds(),
                    s.seconds(), e.complete(), s.complete(), s.approximate(), s.problem(), ag, e, s));
        }
        return out;
    }

    /**
     * Explores with the engine and runs SPIN for each policy; run directories are dir/POLICY.
     *
     * @throws SpinVerifier.SpinException when the tools are missing or the run was cancelled
     */
    public static List<Row> check(ScenarioSpec spec, List<Policy> policies, SimulationOptions so, ExploreOptions eo,
            SpinVerifier.Options o, Path dir, BooleanSupplier cancelled, Consumer<String> progress)
            throws IOException, SpinVerifier.SpinException {
        List<Row> rows = new ArrayList<>();
        for (Policy p : policies) {
            if (progress != null) {
                progress.accept(p + ": engine");
            }
            Simulation sim = Simulation.compile(spec, so.withPolicy(p)).orThrow();
            ExplorationReport er = sim.explore(eo, cancelled == null ? ExplorationMonitor.NONE
                    : new ExplorationMonitor() {
                @Override
                public boolean isCancelled() {
                    return cancelled.getAsBoolean();
                }
            });
            if (progress != null) {
                progress.accept(p + ": SPIN");
            }
            SpinReport sr = SpinVerifier.verify(spec, p, o.withExport(PromelaExport.Options.of(so).withPolicyAtRunTime(
                    o.export().policyAtRunTime())), dir.resolve(
                    p.name()), cancelled);
            rows.addAll(rows(spec, er, sr));
        }
        return rows;
    }
}
