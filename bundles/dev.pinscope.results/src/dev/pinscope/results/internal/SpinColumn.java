package dev.pinscope.results.internal;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.Rows.Row;
import dev.pinscope.spin.SpinComparison;
import dev.pinscope.spin.SpinReport;
import dev.pinscope.spin.SpinVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Results view › Check with SPIN: a cancellable job runs SPIN on the Promela export of every policy the view shows
 * and puts SPIN's verdict into a "SPIN" column next to the engine's rows — red where they disagree. A double-click
 * on a SPIN cell opens SPIN's witness (its trail as a schedule) in the debugger; the engine's witness stays on the
 * other columns, so both are a double-click away.
 */
public final class SpinColumn implements ResultsView.ExtraColumn {
    static final SpinColumn INSTANCE = new SpinColumn();
    private static final String TITLE = "SPIN";

    /** Per shown results (by identity): SPIN's row per policy. */
    private final Map<ScenarioResults, Map<Policy, SpinComparison.Row>> checked = java.util.Collections
            .synchronizedMap(new java.util.IdentityHashMap<>());
    private final Map<ScenarioResults, String> running = new ConcurrentHashMap<>();

    private SpinColumn() {
    }

    public static SpinColumn get() {
        return INSTANCE;
    }

    /** SPIN's rows for these results (empty until checked). */
    public Map<Policy, SpinComparison.Row> rows(ScenarioResults r) {
        Map<Policy, SpinComparison.Row> m = r == null ? null : checked.get(r);
        return m == null ? Map.of() : m;
    }

    // ------------------------------------------------------------------------------------------ the job

    /** Starts the check of what the view shows; returns the job (scheduled), or null when nothing is shown. */
    public Job check(ResultsView view) {
        ScenarioResults shown = view.shown();
        Scenario s = view.shownScenario();
        if (shown == null || s == null) {
            return null;
        }
        var cr = Simulation.compile(s, SimulationOptions.defaults());
        if (!cr.ok()) {
            return null;
        }
        ScenarioSpec spec = cr.simulation().spec();
        view.addColumn(TITLE, 330, this);
        Job job = new Job("Check with SPIN: " + spec.name()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Map<Policy, ExplorationReport> reports = shown.comparison().reports();
                monitor.beginTask(getName(), reports.size());
                Map<Policy, SpinComparison.Row> out = new ConcurrentHashMap<>();
                checked.put(shown, out);
                Path dir = null;
                try {
                    dir = Files.createTempDirectory("pinscope-spin");
                    for (var e : reports.entrySet()) {
                        if (monitor.isCanceled()) {
                            return Status.CANCEL_STATUS;
                        }
                        running.put(shown, e.getKey().name());
                        monitor.subTask(e.getKey().name());
                        refresh(view);
                        SpinReport sr = SpinVerifier.verify(spec, e.getKey(), SpinVerifier.Options.defaults(),
                                dir.resolve(e.getKey().name()), monitor::isCanceled);
                        for (SpinComparison.Row r : SpinComparison.rows(spec, e.getValue(), sr)) {
                            out.putIfAbsent(e.getKey(), r); // one pinner per row of the view's policy node
                        }
                        monitor.worked(1);
                        refresh(view);
                    }
                    return Status.OK_STATUS;
                } catch (SpinVerifier.SpinException ex) {
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.error(ex.getMessage());
                } catch (IOException | RuntimeException ex) {
                    return Status.error("SPIN check of " + spec.name() + " failed: " + ex.getMessage(), ex);
                } finally {
                    running.remove(shown);
                    refresh(view);
                    monitor.done();
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ResultsIds.JOB_FAMILY || family == SpinColumn.class;
            }
        };
        job.setUser(true);
        job.setPriority(Job.LONG);
        job.schedule();
        return job;
    }

    private static void refresh(ResultsView view) {
        Display d = Display.getDefault();
        d.asyncExec(() -> {
            if (view.tree() != null && !view.tree().isDisposed()) {
                view.addColumn(TITLE, 330, INSTANCE);
            }
        });
    }

    // ------------------------------------------------------------------------------------------ cells

    private SpinComparison.Row rowOf(Row row, ScenarioResults shown) {
        Policy p = switch (row) {
            case Rows.PolicyRow r -> r.policy();
            case Rows.ResultRow r -> r.policy();
            case Rows.LassoRow r -> r.policy();
            case Rows.ViolationRow r -> r.policy();
            case Rows.DeadlockRow r -> r.policy();
            default -> null;
        };
        return p == null ? null : rows(shown).get(p);
    }

    @Override
    public String text(ResultsView view, Row row) {
        ScenarioResults shown = view.shown();
        SpinComparison.Row s = rowOf(row, shown);
        if (s == null) {
            if (row instanceof Rows.PolicyRow r && shown != null && r.policy().name().equals(running.get(shown))) {
                return "checking…";
            }
            return "";
        }
        return switch (row) {
            case Rows.PolicyRow r -> switch (s.agreement()) {
                case AGREE -> String.format(java.util.Locale.ROOT, "agrees (%,d states, %.2f s)", s.spinStates(),
                        s.spinSeconds());
                case DISAGREE -> "DISAGREES: " + s.difference() + (spinOnly(s) != null
                        ? " — double-click: SPIN's witness" : "");
                case NO_CONTRADICTION -> "no contradiction (partial or approximate)";
                case SPIN_FAILED -> "SPIN failed: " + s.problem();
            };
            case Rows.ResultRow r -> s.spinResults().contains(r.entry().result())
                    ? "reachable too — double-click: SPIN's witness" : "NOT reachable in SPIN";
            case Rows.LassoRow r -> r.lasso().kind() != ExplorationReport.Lasso.Kind.LIVELOCK ? ""
                    : s.spinLivelock() ? "acceptance cycle too — double-click: SPIN's lasso" : "NO livelock in SPIN";
            case Rows.ViolationRow r -> s.spinViolation() ? "violation too — double-click: SPIN's witness"
                    : "NO violation in SPIN";
            case Rows.DeadlockRow r -> s.spinDeadlock() ? "invalid end state too" : "NO deadlock in SPIN";
            default -> "";
        };
    }

    @Override
    public boolean red(ResultsView view, Row row) {
        SpinComparison.Row s = rowOf(row, view.shown());
        if (s == null) {
            return false;
        }
        return switch (row) {
            case Rows.PolicyRow r -> s.agreement() == SpinComparison.Agreement.DISAGREE
                    || s.agreement() == SpinComparison.Agreement.SPIN_FAILED;
            case Rows.ResultRow r -> !s.spinResults().contains(r.entry().result());
            case Rows.LassoRow r -> r.lasso().kind() == ExplorationReport.Lasso.Kind.LIVELOCK && !s.spinLivelock();
            case Rows.ViolationRow r -> !s.spinViolation();
            case Rows.DeadlockRow r -> !s.spinDeadlock();
            default -> false;
        };
    }

    /** SPIN's finding that the engine does not have: [title, stem, loop] or null. */
    static Object[] spinOnly(SpinComparison.Row s) {
        SpinReport r = s.spin();
        for (SpinReport.Result x : r.results()) {
            if (x.actor().equals(s.actor()) && !s.engineResults().contains(x.result())) {
                return new Object[] {"SPIN " + label(x.result()), x.witness(), null};
            }
        }
        if (s.spinViolation() && !s.engineViolation()) {
            SpinReport.Witness w = r.violations().get(0);
            return new Object[] {"SPIN violation", w.witness(), null};
        }
        if (s.spinLivelock() && !s.engineLivelock()) {
            SpinReport.Lasso l = r.livelocks().get(0);
            return new Object[] {"SPIN livelock", l.stem(), l.loop()};
        }
        if (s.spinDeadlock() && !s.engineDeadlock()) {
            return new Object[] {"SPIN deadlock", r.deadlocks().get(0).witness(), null};
        }
        return null;
    }

    private static String label(Errno e) {
        return e == Errno.OK ? "OK" : e.kernelName();
    }

    @Override
    @SuppressWarnings("unchecked")
    public WitnessLauncher.Witness witness(ResultsView view, Row row) throws IOException {
        SpinComparison.Row s = rowOf(row, view.shown());
        if (s == null) {
            return null;
        }
        SpinReport r = s.spin();
        String pol = s.policy().name() + " ";
        return switch (row) {
            case Rows.PolicyRow p -> {
                Object[] o = spinOnly(s);
                yield o == null ? null : view.witnessFor(s.policy(), pol + o[0], (List<String>) o[1],
                        (List<String>) o[2]);
            }
            case Rows.ResultRow x -> r.results().stream().filter(y -> y.actor().equals(x.entry().actor())
                    && y.result() == x.entry().result()).findFirst().map(y -> witnessOrNull(view, s.policy(), pol
                            + "SPIN " + label(y.result()), y.witness(), null)).orElse(null);
            case Rows.LassoRow x -> r.livelocks().isEmpty() ? null : view.witnessFor(s.policy(), pol + "SPIN livelock",
                    r.livelocks().get(0).stem(), r.livelocks().get(0).loop());
            case Rows.ViolationRow x -> r.violations().isEmpty() ? null : view.witnessFor(s.policy(), pol
                    + "SPIN violation", r.violations().get(0).witness(), null);
            default -> null;
        };
    }

    private static WitnessLauncher.Witness witnessOrNull(ResultsView v, Policy p, String t, List<String> stem,
            List<String> loop) {
        try {
            return v.witnessFor(p, t, stem, loop);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
