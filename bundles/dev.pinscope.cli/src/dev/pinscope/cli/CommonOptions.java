package dev.pinscope.cli;

import picocli.CommandLine.Option;

/** Options every scenario subcommand takes (a picocli mixin). */
public final class CommonOptions {
    @Option(names = "--json", description = "Print one JSON object on stdout (the shape is in the README).")
    boolean json;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write a JUnit XML report: one <testcase> per checked expectation.")
    String junit;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
