package dev.pinscope.results.internal;

import dev.pinscope.engine.report.ReportJson.Comparison;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.results.ResultsIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Explores one scenario (one policy or all) in the background. The engine polls {@link #isCanceled()} every
 * few thousand states, so Cancel ends it within a second and the partial comparison is kept and shown as such.
 */
public final class ExploreJob extends Job {
    private final String key;
    private final ScenarioSpec spec;
    private final String digest;
    private final Path file;
    private final Exploration exploration;
    private volatile long cancelRequestedNanos;
    private volatile long cancelLatencyNanos = -1;
    private volatile Comparison result;

    public ExploreJob(String key, ScenarioSpec spec, String digest, Path file, boolean compare) {
        super((compare ? "Compare Policies: " : "Explore All Interleavings: ") + spec.name());
        this.key = key;
        this.spec = spec;
        this.digest = digest;
        this.file = file;
        this.exploration = new Exploration(spec, compare, null);
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ResultsIds.JOB_FAMILY;
    }

    public String key() {
        return key;
    }

    @Override
    protected void canceling() {
        cancelRequestedNanos = System.nanoTime();
    }

    /** Milliseconds from Cancel to the partial result being stored, or -1 if not cancelled. */
    public long cancelLatencyMillis() {
        return cancelLatencyNanos < 0 ? -1 : cancelLatencyNanos / 1_000_000;
    }

    public Comparison result() {
        return result;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        ResultsStore store = ResultsStore.get();
        int total = exploration.policies().size();
        monitor.beginTask(getName(), total * 100);
        long[] lastUi = {0};
        int[] worked = {0};
        ResultsStore.Entry before = store.entry(key);
        Comparison c;
        try {
            c = explore(monitor, store, lastUi, worked);
        } catch (RuntimeException | OutOfMemoryError e) {
            // never leave the view showing a running exploration that has died
            store.finished(key, before == null ? null : before.results());
            return Status.error("Exploration of " + spec.name() + " failed: " + e, e);
        }
        result = c;
        ScenarioResults r = new ScenarioResults(file, spec.name(), digest, c);
        if (file != null) {
            try {
                ResultsFiles.save(r);
            } catch (IOException e) {
                ILog.of(getClass()).log(Status.warning("Cannot save " + r.resultsFile() + ": " + e.getMessage(), e));
            }
        }
        store.finished(key, r);
        if (cancelRequestedNanos != 0) {
            cancelLatencyNanos = System.nanoTime() - cancelRequestedNanos;
        }
        monitor.done();
        // a cancelled exploration still produced a (partial) result: report OK so no error dialog hides it
        return Status.OK_STATUS;
    }

    private Comparison explore(IProgressMonitor monitor, ResultsStore store, long[] lastUi, int[] worked) {
        return exploration.run(new Exploration.Listener() {
            @Override
            public void progress(Exploration.Progress p) {
                int target = p.index() * 100 + ("cycles".equals(p.phase()) ? 60 : 0);
                if (target > worked[0]) {
                    monitor.worked(target - worked[0]);
                    worked[0] = target;
                }
                long now = System.nanoTime();
                if (now - lastUi[0] > 100_000_000L || p.states() == 0) {
                    lastUi[0] = now;
                    monitor.subTask(describe(p));
                    store.progress(key, p);
                }
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCanceled();
            }
        });
    }

    /** "PATCH_V1 (2/6): 122,746 states, depth 50, 231,000 states/s". */
    public static String describe(Exploration.Progress p) {
        return String.format(Locale.ROOT, "%s (%d/%d)%s: %,d states, depth %,d, %,.0f states/s", p.policy(),
                p.index() + 1, p.total(), "cycles".equals(p.phase()) ? " livelock search" : "", p.states(),
                p.depth(), p.statesPerSecond());
    }
}
