package dev.pinscope.cli;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A subcommand over one scenario file: the common options, loading (every problem a {@link BadInput} of one line)
 * and the JUnit report. Subclasses are picocli commands returning the exit code.
 */
abstract class ScenarioCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Scenario files (.pinscope), or directories: every .pinscope file in them, by name.")
    List<String> files;

    /** The file being worked on (one of {@link #files}, or of a directory's files). */
    String file;

    /** stdout; {@link FileBatch} points it at a buffer per file to gather several files' JSON into one document. */
    PrintStream out;
    final PrintStream err;
    /** Several files in one call: their JUnit suites go here and into one report at the end; else null. */
    FileBatch batch;

    /** Whether a command takes several files (or a directory) in one call; export and verify take one. */
    enum FileCount {
        ONE, MANY
    }

    private final FileCount takes;

    ScenarioCommand(PinscopeCli cli) {
        this(cli, FileCount.MANY);
    }

    ScenarioCommand(PinscopeCli cli, FileCount takes) {
        this.out = cli.out();
        this.err = cli.err();
        this.takes = takes;
    }

    @Override
    public final Integer call() throws BadInput {
        boolean one = files.size() == 1 && !Files.isDirectory(Path.of(files.get(0)));
        if (one || takes == FileCount.ONE) {
            if (files.size() > 1) {
                throw new BadInput("this command takes one file, not " + files.size());
            }
            file = files.get(0);
            return execute();
        }
        return new FileBatch(this, FileBatch.expand(files)).run();
    }

    abstract int execute() throws BadInput;

    static final String POLICY_NAMES = Arrays.stream(Policy.values()).map(Policy::name)
            .collect(Collectors.joining(", "));

    static Policy policy(String s) throws BadInput {
        try {
            return Policy.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown policy '" + s + "' (" + POLICY_NAMES + ")");
        }
    }

    /** Loads, validates and adapts the file; every problem becomes a BadInput with one line. */
    ScenarioSpec load() throws BadInput {
        Path p = Path.of(file);
        // Scenarios.load says what is wrong with a missing file, a folder, a pipe, a link loop or a denied read
        LoadResult lr;
        try {
            lr = Scenarios.load(p);
        } catch (RuntimeException e) {
            throw new BadInput(file + ": cannot be read: " + oneLine(String.valueOf(e.getMessage())));
        }
        if (!lr.ok()) {
            String first = lr.firstProblem();
            throw new BadInput(first.isEmpty() ? file + ": not a valid scenario file" : oneLine(first));
        }
        CompileResult cr = Simulation.compile(lr.scenario(), SimulationOptions.defaults());
        if (!cr.ok()) {
            throw new BadInput(file + ": " + oneLine(cr.errors().get(0))
                    + (cr.errors().size() > 1 ? " (and " + (cr.errors().size() - 1) + " more)" : ""));
        }
        return EmfAdapter.toSpec(lr.scenario());
    }

    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    void writeJunit(ScenarioSpec spec, List<ExpectationResult> exps) throws BadInput {
        if (common.junit == null) {
            return;
        }
        if (batch != null) {
            batch.suite(JunitXml.suite(spec.name(), exps));
        } else {
            JunitXml.write(common.junit, JunitXml.suite(spec.name(), exps));
        }
    }

    static int exitCode(List<ExpectationResult> exps, boolean completed) {
        return ExitCodes.of(exps, completed);
    }
}
