package dev.pinscope.engine;

import java.util.List;

/**
 * Result of {@link Simulation#compile}: either a simulation, or the list of problems (from the model's validator
 * and the engine's own checks). Compilation never throws for bad input.
 */
public record CompileResult(Simulation simulation, List<String> errors) {
    public CompileResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return simulation != null && errors.isEmpty();
    }

    /** The simulation, or an IllegalStateException listing the errors (for tests and tools that want to fail). */
    public Simulation orThrow() {
        if (!ok()) {
            throw new IllegalStateException("scenario does not compile: " + String.join("; ", errors));
        }
        return simulation;
    }
}
