package dev.pinscope.cli;

import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.spec.Policy;
import java.io.PrintStream;

/**
 * Progress lines on stderr, at most one every 2 s, only for explorations that take that long, and only when asked
 * for ({@code --progress}) or when stderr is a terminal: a script that captures stderr gets errors only.
 */
final class StderrProgress implements ExplorationMonitor {
    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long last = System.nanoTime();
    Policy policy;

    StderrProgress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** True when {@code err} is the process's stderr and that is a terminal (Linux: fd 2 is a tty device). */
    static boolean isTerminal(PrintStream err) {
        if (err != System.err) {
            return false;
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | RuntimeException e) {
            return false; // not Linux, or no /proc: no progress unless --progress
        }
    }

    @Override
    public void progress(String phase, long states, long transitions, long depth) {
        long now = System.nanoTime();
        if (enabled && now - last > 2_000_000_000L) {
            last = now;
            err.printf("pinscope: %s %s: %,d states, %,d transitions, depth %d (%.0f s)%n", policy, phase, states,
                    transitions, depth, (now - start) / 1e9);
        }
    }
}
