package dev.pinscope.cli;

import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.spec.Policy;
import java.io.PrintStream;

/** Progress lines on stderr, at most one every 2 s, only for explorations that take that long. */
final class StderrProgress implements ExplorationMonitor {
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long last = System.nanoTime();
    Policy policy;

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void progress(String phase, long states, long transitions, long depth) {
        long now = System.nanoTime();
        if (now - last > 2_000_000_000L) {
            last = now;
            err.printf("pinscope: %s %s: %,d states, %,d transitions, depth %d (%.0f s)%n", policy, phase, states,
                    transitions, depth, (now - start) / 1e9);
        }
    }
}
