package dev.pinscope.cli;

import dev.pinscope.engine.ExploreOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The bounds of explore and compare (a picocli mixin): the state budget and the depth bound. */
public final class ExplorationBounds {
    @Mixin
    StateBudgetOption budget;

    @Option(names = "--max-steps", paramLabel = "N", converter = PositiveLong.class,
            description = "Depth bound (schedule length); beyond it the report is PARTIAL.")
    Long maxSteps;

    /** The options with these bounds, or as they are where none was given. */
    ExploreOptions applyTo(ExploreOptions eo) {
        ExploreOptions o = budget.applyTo(eo);
        return maxSteps == null ? o : o.withMaxDepth(maxSteps);
    }
}
