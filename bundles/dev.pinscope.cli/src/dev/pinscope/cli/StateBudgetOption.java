package dev.pinscope.cli;

import dev.pinscope.engine.ExploreOptions;
import picocli.CommandLine.Option;

/** {@code --max-states} of explore, compare and verify (a picocli mixin): the engine's state budget per policy. */
public final class StateBudgetOption {
    @Option(names = "--max-states", paramLabel = "N", converter = PositiveLong.class,
            description = "The engine's state budget per policy; beyond it the report is PARTIAL.")
    Long maxStates;

    /** The options with this budget, or as they are when none was given. */
    ExploreOptions applyTo(ExploreOptions eo) {
        return maxStates == null ? eo : eo.withMaxStates(maxStates);
    }
}
