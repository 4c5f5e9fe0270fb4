package dev.pinscope.cli;

import picocli.CommandLine.Option;

/** {@code --no-cycles} of explore and compare (a picocli mixin): reachability only, no livelock/starvation search. */
public final class CycleOption {
    @Option(names = "--no-cycles",
            description = {"Skip the livelock/starvation (cycle) analysis: results, violations and deadlocks only.",
                "Expectations about livelock or starvation are then INCONCLUSIVE unless the results refute them."})
    boolean noCycles;
}
