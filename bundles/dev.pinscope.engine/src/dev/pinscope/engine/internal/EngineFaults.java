package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ScenarioSpec;

/**
 * A test-only hook: makes compiling one named scenario fail inside the engine as a bug would, so tests can check
 * what such a bug looks like where it reaches the user (the CLI's "internal error" line and report, never "bad
 * input"). Nothing outside tests arms it.
 */
public final class EngineFaults {
    private static volatile String failingScenario;

    private EngineFaults() {
    }

    /** From now on, compiling a scenario named {@code name} throws; null disarms. */
    public static void failCompiling(String name) {
        failingScenario = name;
    }

    static void onCompile(ScenarioSpec spec) {
        String name = failingScenario;
        if (name != null && name.equals(spec.name())) {
            throw new ArrayIndexOutOfBoundsException("injected engine fault compiling '" + name + "'");
        }
    }
}
