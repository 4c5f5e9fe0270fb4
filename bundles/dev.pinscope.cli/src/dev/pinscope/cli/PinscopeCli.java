package dev.pinscope.cli;

import dev.pinscope.model.io.UserText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code pinscope run|explore|compare|validate FILE [options]} — plain Java, usable with or without OSGi. The
 * options are parsed by picocli; each subcommand is its own class (a new one is one line in {@link #commandLine}).
 * Exit codes ({@link ExitCodes}): {@link #OK} every checked expectation holds and everything completed,
 * {@link #EXPECTATION_FAILED} one is refuted, {@link #BAD_INPUT} bad input or usage (one line on stderr starting
 * with {@code pinscope: }, never a stack trace), {@link #INCONCLUSIVE} a bound, a cancel or memory left it undecided.
 * {@code pinscope --help} and {@code pinscope COMMAND --help} print the usage.
 */
public final class PinscopeCli {
    public static final int OK = ExitCodes.OK;
    public static final int EXPECTATION_FAILED = ExitCodes.REFUTED;
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;
    public static final int INCONCLUSIVE = ExitCodes.INCONCLUSIVE;

    private final PrintStream out;
    private final PrintStream err;

    public PinscopeCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new PinscopeCli(System.out, System.err).run(args));
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The top-level command: only dispatches; without a subcommand it is a usage error. */
    @Command(name = "pinscope", sortOptions = false,
            description = "Headless Pinscope: play, explore and compare VFIO pin-vs-zap race scenarios.",
            footer = {"", "Policies: PRE_PATCH PATCH_V1 BOUNDED GUP_STYLE GUP_STYLE_DROP_LOCK ENOENT (KERNEL-MODEL.md §9).",
                "Exit codes: 0 every checked expectation holds and every run/exploration completed,",
                "  1 an expectation is refuted, 2 bad input or usage, 3 inconclusive (a run cut by --max-steps,",
                "  an exploration stopped by --max-states/--max-steps or out of memory: undecided expectations",
                "  are shown as INCONCLUSIVE), 70 internal error (a bug of Pinscope: one line naming a report).",
                "Without a command, pinscope opens the workbench (start script only)."})
    static final class Top implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Override
        public Integer call() throws BadInput {
            throw new BadInput("missing command (run, explore, compare, validate, import, export, verify); "
                    + "see pinscope --help");
        }
    }

    /** The command tree; subcommands plug in here, one line each. */
    CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Top());
        cl.addSubcommand(new ValidateCommand(this));
        cl.addSubcommand(new RunCommand(this));
        cl.addSubcommand(new ExploreCommand(this));
        cl.addSubcommand(new CompareCommand(this));
        cl.addSubcommand(new ImportCommand(this));
        cl.addSubcommand(new ExportCommand(this));
        cl.addSubcommand(new VerifyCommand(this));
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.addSubcommand(new AutoComplete.GenerateCompletion());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(usageError());
        cl.setExecutionExceptionHandler(failure());
        return cl;
    }

    public int run(String[] args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // explorations keep what they found (PARTIAL, reason memory); this is a run or a load that could not
            err.println("pinscope: out of memory; give Java more with -Xmx, or lower --max-steps/--max-states");
            return INCONCLUSIVE;
        } catch (Throwable t) {
            err.println(InternalErrorReport.line(t, args, UserText.of(t)));
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    /** A usage error: one line naming the problem and where the help is. */
    private IParameterExceptionHandler usageError() {
        return (ParameterException e, String[] args) -> {
            CommandLine at = e.getCommandLine();
            String msg = e.getMessage();
            if (e instanceof UnmatchedArgumentException u && at.getParent() == null && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().get(0).startsWith("-")) {
                String word = u.getUnmatched().get(0);
                boolean fileLike = word.contains(".") || word.contains("/");
                msg = "unknown command '" + word + "' (run, explore, compare, validate, import, export, verify)"
                        + (fileLike ? ", and no file of that name exists" : "");
            }
            String where = at.getParent() == null ? "pinscope --help" : "pinscope " + at.getCommandName() + " --help";
            err.println("pinscope: " + CommandLine.Help.Ansi.OFF.string(msg).replace('\n', ' ') + "; see " + where);
            return BAD_INPUT;
        };
    }

    /** BadInput is the user's problem (exit 2, its message); anything else is ours: "internal error" (exit 70). */
    private IExecutionExceptionHandler failure() {
        return (Exception e, CommandLine cl, ParseResult parsed) -> {
            if (e instanceof BadInput) {
                err.println("pinscope: " + e.getMessage());
            } else {
                err.println(InternalErrorReport.line(e, parsed == null ? null
                        : parsed.originalArgs().toArray(String[]::new), UserText.of(e)));
                return ExitCodes.INTERNAL_ERROR;
            }
            return BAD_INPUT;
        };
    }
}
