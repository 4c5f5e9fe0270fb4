package dev.pinscope.results.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Results and running explorations per scenario (keyed by {@link ScenarioEditors#key}), shared by the jobs, the
 * handlers and the Results view. Listeners are called on whatever thread changed the store.
 */
public final class ResultsStore {
    private static final ResultsStore INSTANCE = new ResultsStore();

    public static ResultsStore get() {
        return INSTANCE;
    }

    /** What a scenario has: its last results (maybe null) and the exploration running now (maybe null). */
    public record Entry(ScenarioResults results, Job running, Exploration.Progress progress) {
    }

    public interface Listener {
        void changed(String key);
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastKey;

    public Entry entry(String key) {
        return key == null ? null : entries.get(key);
    }

    /** The scenario explored most recently (shown when no scenario editor is active). */
    public String lastKey() {
        return lastKey;
    }

    public void putResults(String key, ScenarioResults r) {
        entries.compute(key, (k, old) -> new Entry(r, old == null ? null : old.running(), null));
        fire(key);
    }

    public void started(String key, Job job) {
        lastKey = key;
        entries.compute(key, (k, old) -> new Entry(old == null ? null : old.results(), job, null));
        fire(key);
    }

    public void progress(String key, Exploration.Progress p) {
        entries.computeIfPresent(key, (k, old) -> new Entry(old.results(), old.running(), p));
        fire(key);
    }

    public void finished(String key, ScenarioResults r) {
        entries.put(key, new Entry(r, null, null));
        fire(key);
    }

    /** Forgets every result (not the files); for tests that reopen a scenario and expect its file to be read. */
    public void clear() {
        entries.clear();
        lastKey = null;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire(String key) {
        for (Listener l : listeners) {
            l.changed(key);
        }
    }
}
