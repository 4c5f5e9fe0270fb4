package dev.pinscope.cli;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Expectations;
import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.report.Json;
import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.engine.report.ScheduleText;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pinscope run|explore|compare|validate FILE [options]} — plain Java, usable with or without OSGi.
 * Exit codes: 0 every checked expectation holds, 1 an expectation failed, 2 bad input or usage (one line on
 * stderr, never a stack trace). See {@link #USAGE}.
 */
public final class PinscopeCli {
    public static final String USAGE = String.join("\n",
            "usage: pinscope run FILE [--policy P] [--scheduler round-robin|random:SEED|script] [--max-steps N] [--trace]",
            "       pinscope explore FILE [--policy P|all] [--max-states N] [--max-steps N] [--no-por]",
            "       pinscope compare FILE [--max-states N] [--max-steps N]",
            "       pinscope validate FILE",
            ImportCommand.USAGE,
            "common options: --json (one JSON object on stdout), --junit FILE (one test case per expectation)",
            "policies: PRE_PATCH PATCH_V1 BOUNDED GUP_STYLE GUP_STYLE_DROP_LOCK ENOENT",
            "exit: 0 all expectations hold, 1 an expectation failed, 2 bad input or usage");

    private final PrintStream out;
    private final PrintStream err;

    public PinscopeCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new PinscopeCli(System.out, System.err).run(args));
    }

    /** Thrown for bad input or usage: becomes exit 2 with its message on one line. */
    static final class BadInput extends Exception {
        BadInput(String msg) {
            super(msg);
        }
    }

    private static final class Opts {
        String cmd;
        String file;
        String policy;
        String scheduler;
        Long maxSteps;
        Long maxStates;
        boolean json;
        String junit;
        boolean trace;
        boolean noPor;
    }

    public int run(String[] args) {
        if (args.length > 0 && List.of("--help", "-h", "help").contains(args[0])) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (args.length > 0 && args[0].equals("import")) {
                return new ImportCommand(out).run(java.util.Arrays.copyOfRange(args, 1, args.length));
            }
            Opts o = parse(args);
            return switch (o.cmd) {
                case "validate" -> validate(o);
                case "run" -> runCmd(o);
                case "explore" -> explore(o, false);
                case "compare" -> explore(o, true);
                default -> throw new BadInput("unknown command '" + o.cmd + "'");
            };
        } catch (BadInput e) {
            err.println("pinscope: " + e.getMessage());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("pinscope: out of memory; lower --max-states");
            return 2;
        } catch (Throwable t) {
            err.println("pinscope: internal error: " + t);
            return 2;
        }
    }

    private static Opts parse(String[] args) throws BadInput {
        if (args.length == 0) {
            throw new BadInput("missing command (run, explore, compare, validate); see pinscope --help");
        }
        Opts o = new Opts();
        o.cmd = args[0];
        if (!List.of("run", "explore", "compare", "validate").contains(o.cmd)) {
            throw new BadInput("unknown command '" + o.cmd + "' (run, explore, compare, validate)");
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> o.json = true;
                case "--trace" -> o.trace = true;
                case "--no-por" -> o.noPor = true;
                case "--policy" -> o.policy = value(args, ++i, a);
                case "--scheduler" -> o.scheduler = value(args, ++i, a);
                case "--junit" -> o.junit = value(args, ++i, a);
                case "--max-steps" -> o.maxSteps = number(value(args, ++i, a), a);
                case "--max-states" -> o.maxStates = number(value(args, ++i, a), a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new BadInput("unknown option " + a);
                    }
                    if (o.file != null) {
                        throw new BadInput("more than one FILE given ('" + o.file + "', '" + a + "')");
                    }
                    o.file = a;
                }
            }
        }
        if (o.file == null) {
            throw new BadInput("missing FILE for '" + o.cmd + "'");
        }
        return o;
    }

    private static String value(String[] args, int i, String opt) throws BadInput {
        if (i >= args.length) {
            throw new BadInput(opt + " needs a value");
        }
        return args[i];
    }

    private static long number(String s, String opt) throws BadInput {
        try {
            long v = Long.parseLong(s.replace("_", ""));
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInput(opt + " needs a positive number, not '" + s + "'");
        }
    }

    private static Policy policy(String s) throws BadInput {
        try {
            return Policy.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown policy '" + s + "' (PRE_PATCH, PATCH_V1, BOUNDED, GUP_STYLE, "
                    + "GUP_STYLE_DROP_LOCK, ENOENT" + ")");
        }
    }

    /** Loads, validates and adapts the file; every problem becomes a BadInput with one line. */
    private ScenarioSpec load(String file) throws BadInput {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new BadInput(file + ": no such file");
        }
        if (!Files.isReadable(p)) {
            throw new BadInput(file + ": not readable");
        }
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

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    // ---------------------------------------------------------------------------------------- validate

    private int validate(Opts o) throws BadInput {
        Path p = Path.of(o.file);
        if (!Files.isRegularFile(p)) {
            throw new BadInput(o.file + ": no such file");
        }
        LoadResult lr = Scenarios.load(p);
        List<String> problems = new ArrayList<>();
        if (!lr.ok()) {
            lr.problems().forEach(d -> problems.add(oneLine(d.toString())));
            if (problems.isEmpty()) {
                problems.add(o.file + ": not a valid scenario file");
            }
        } else {
            CompileResult cr = Simulation.compile(lr.scenario(), SimulationOptions.defaults());
            cr.errors().forEach(e -> problems.add(o.file + ": " + oneLine(e)));
        }
        if (o.json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("scenario", lr.scenario() == null ? null : lr.scenario().getName());
            j.put("mode", "validate");
            j.put("valid", problems.isEmpty());
            j.put("problems", problems);
            out.println(Json.write(j));
        } else if (problems.isEmpty()) {
            out.println(o.file + ": valid");
        } else {
            problems.forEach(out::println);
        }
        if (!problems.isEmpty()) {
            err.println("pinscope: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                    + " more)" : ""));
            return 2;
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------- run

    private int runCmd(Opts o) throws BadInput {
        ScenarioSpec spec = load(o.file);
        Policy pol = o.policy == null ? spec.policy() : policy(o.policy);
        SimulationOptions so = SimulationOptions.defaults().withPolicy(pol).withMaxSteps(o.maxSteps);
        Simulation sim = Simulation.compile(spec, so).orThrow();
        String sname = o.scheduler == null ? (spec.schedule() != null ? "script" : "round-robin") : o.scheduler;
        Scheduler sched;
        if (sname.equals("round-robin") || sname.equals("rr")) {
            sched = Scheduler.roundRobin();
        } else if (sname.equals("script")) {
            if (spec.schedule() == null) {
                throw new BadInput(o.file + ": --scheduler script, but the scenario has no schedule");
            }
            sched = sim.scriptedSchedule();
        } else if (sname.startsWith("random:")) {
            try {
                sched = Scheduler.random(Long.parseLong(sname.substring(7)));
            } catch (NumberFormatException e) {
                throw new BadInput("--scheduler random:SEED needs a number, not '" + sname.substring(7) + "'");
            }
        } else {
            throw new BadInput("unknown scheduler '" + sname + "' (round-robin, random:SEED, script)");
        }
        long t0 = System.nanoTime();
        Run run = sim.newRun();
        RunResult rr = run.runWith(sched, sim.maxSteps());
        double secs = (System.nanoTime() - t0) / 1e9;
        // the scenario's THIS_SCHEDULE expectations describe its schedule: checked only when it was used
        List<ExpectationResult> exps = new ArrayList<>();
        if (sched instanceof Scheduler.Scripted) {
            Expectations ex = new Expectations(spec, so, null, null);
            for (ExpectationSpec e : spec.expectations()) {
                if (!e.allSchedules() && e.policy() == pol) {
                    exps.add(ex.check(e));
                }
            }
        }
        if (o.json) {
            Map<String, Object> j = header(spec, pol.name(), "run", rr.status() == RunResult.Status.COMPLETED);
            j.put("scheduler", sname);
            j.put("status", rr.status().name());
            j.put("message", rr.message());
            j.put("states", rr.steps());
            j.put("transitions", rr.steps());
            j.put("seconds", secs);
            List<Object> res = new ArrayList<>();
            List<String> schedule = run.schedule();
            for (RunResult.PinnerResult pr : rr.results()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("actor", pr.actor());
                r.put("result", pr.result() == null ? "NONE" : pr.result().name());
                r.put("pinnedPages", pr.pinnedPages());
                r.put("count", 1L);
                r.put("witness", schedule);
                res.add(r);
            }
            j.put("results", res);
            List<Object> viol = new ArrayList<>();
            for (RunResult.PinnerResult pr : rr.results()) {
                if (pr.stalePfn()) {
                    viol.add(Map.of("actor", pr.actor(), "kind", "stale PFN", "witness", schedule));
                }
            }
            j.put("violations", viol);
            j.put("livelocks", List.of());
            j.put("deadlocks", rr.status() == RunResult.Status.DEADLOCK
                    ? List.of(Map.of("description", rr.message(), "witness", schedule)) : List.of());
            j.put("expectations", expJson(exps));
            out.println(Json.write(j));
        } else {
            out.printf("Scenario: %s%nPolicy:   %s (%s)   scheduler: %s%n", spec.name(), pol, pol.letter(), sname);
            if (o.trace) {
                for (StepRecord s : run.records(0, run.length())) {
                    out.printf("%6d  %-12s %-26s %4d  %-13s %s%n", s.index(), s.actorName(), s.function(), s.line(),
                            s.label(), s.event());
                }
            }
            out.printf("Run: %s after %d steps%s%n", rr.status(), rr.steps(), rr.message() == null ? ""
                    : " — " + rr.message());
            for (RunResult.PinnerResult pr : rr.results()) {
                out.printf("  %-12s %s%s%s%n", pr.actor(), pr.result() == null ? "did not return"
                        : pr.result() == Errno.OK ? "OK" : pr.result().kernelName(),
                        pr.result() == Errno.OK ? "  (" + pr.pinnedPages() + " pages pinned)" : "",
                        pr.stalePfn() ? "  STALE PFN (entry zapped before it was read under the lock)" : "");
            }
            printExpectations(exps);
        }
        writeJunit(o, spec, exps);
        if (rr.status() == RunResult.Status.SCHEDULE_ERROR && exps.isEmpty()) {
            err.println("pinscope: " + o.file + ": " + rr.message());
            return 2;
        }
        return exps.stream().allMatch(ExpectationResult::ok) ? 0 : 1;
    }

    // ---------------------------------------------------------------------------------------- explore/compare

    private int explore(Opts o, boolean compare) throws BadInput {
        ScenarioSpec spec = load(o.file);
        List<Policy> policies = new ArrayList<>();
        if (compare || "all".equalsIgnoreCase(o.policy)) {
            policies.addAll(List.of(Policy.values()));
        } else {
            policies.add(o.policy == null ? spec.policy() : policy(o.policy));
        }
        ExploreOptions eo = ExploreOptions.defaults().withPartialOrderReduction(!o.noPor);
        if (o.maxStates != null) {
            eo = eo.withMaxStates(o.maxStates);
        }
        if (o.maxSteps != null) {
            eo = eo.withMaxDepth(o.maxSteps);
        }
        ExplorationMonitor mon = new StderrProgress(err);
        SimulationOptions so = SimulationOptions.defaults();
        Expectations ex = new Expectations(spec, so, eo, mon);
        long t0 = System.nanoTime();
        Map<Policy, ExplorationReport> reports = new LinkedHashMap<>();
        for (Policy p : policies) {
            ((StderrProgress) mon).policy = p;
            reports.put(p, ex.report(p));
        }
        List<ExpectationResult> exps = new ArrayList<>();
        for (ExpectationSpec e : spec.expectations()) {
            if (e.allSchedules() && policies.contains(e.policy())) {
                exps.add(ex.check(e));
            } else if (compare && !e.allSchedules()) {
                exps.add(ex.check(e));
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (o.json) {
            out.println(ReportJson.write(new ReportJson.Comparison(spec.name(), compare ? "compare" : "explore", reports, exps,
                    secs)));
        } else {
            out.printf("Scenario: %s%n", spec.name());
            if (policies.size() == 1) {
                printReport(reports.get(policies.get(0)));
            } else {
                printTable(spec, reports);
            }
            printExpectations(exps);
        }
        writeJunit(o, spec, exps);
        return exps.stream().allMatch(ExpectationResult::ok) ? 0 : 1;
    }

    private static Map<String, Object> header(ScenarioSpec spec, String policy, String mode, boolean complete) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", spec.name());
        j.put("policy", policy);
        j.put("mode", mode);
        j.put("complete", complete);
        return j;
    }

    private static List<Object> expJson(List<ExpectationResult> exps) {
        return ReportJson.expectations(exps);
    }

    static String runs(List<String> w) {
        return ScheduleText.runs(w);
    }

    private void printReport(ExplorationReport r) {
        out.printf("Policy:   %s (%s)%n", r.policy(), r.policy().letter());
        out.printf("Explored %,d states, %,d transitions in %.2f s — %s%n", r.states(), r.transitions(), r.seconds(),
                r.complete() ? "complete" : "PARTIAL: " + r.partialReason());
        out.printf("%-10s %-8s %10s %8s  %s%n", "Pinner", "Result", "Pinned", "Count", "Shortest witness");
        for (var e : r.results()) {
            out.printf("%-10s %-8s %10d %8d  %s%n", e.actor(), e.result(), e.pinnedPages(), e.count(),
                    runs(e.witness()));
        }
        if (r.results().isEmpty()) {
            out.println("  (no pinner returned in the explored states)");
        }
        for (var l : r.livelocks()) {
            out.printf("LIVELOCK   %s retries forever: stem %s; loop %s%n", l.actor(), runs(l.stem()), runs(l.loop()));
        }
        for (var l : r.starvations()) {
            out.printf("STARVATION %s waits for %s forever: stem %s; loop %s%n", l.actor(), l.waitingFor(),
                    runs(l.stem()), runs(l.loop()));
        }
        for (var v : r.violations()) {
            out.printf("VIOLATION  %s: %s — %s; witness %s%n", v.actor(), v.kind(), v.description(),
                    runs(v.witness()));
        }
        for (var d : r.deadlocks()) {
            out.printf("DEADLOCK   %s; witness %s%n", d.description(), runs(d.witness()));
        }
        if (r.livelocks().isEmpty() && r.starvations().isEmpty() && r.violations().isEmpty()
                && r.deadlocks().isEmpty()) {
            out.println(r.complete() ? "No livelock, starvation, violation or deadlock."
                    : "No livelock, starvation, violation or deadlock found so far (PARTIAL).");
        }
    }

    private void printTable(ScenarioSpec spec, Map<Policy, ExplorationReport> reports) {
        out.printf("%-25s %-30s %-9s %-11s %-10s %-9s %10s  %s%n", "Policy", "Reachable results", "Livelock",
                "Starvation", "Violation", "Deadlock", "States", "Complete");
        for (var e : reports.entrySet()) {
            ExplorationReport r = e.getValue();
            List<String> parts = new ArrayList<>();
            for (var re : r.results()) {
                parts.add((reports.size() > 0 && pinnerCount(spec) > 1 ? re.actor() + ":" : "") + re.result());
            }
            out.printf("%-25s %-30s %-9s %-11s %-10s %-9s %10d  %s%n", e.getKey() + " (" + e.getKey().letter() + ")",
                    parts.isEmpty() ? "-" : String.join(", ", parts), r.livelocks().isEmpty() ? "no" : "YES",
                    r.starvations().isEmpty() ? "no" : "yes", r.violations().isEmpty() ? "no" : "YES",
                    r.deadlocks().isEmpty() ? "no" : "YES", r.states(), r.complete() ? "yes" : "PARTIAL");
        }
    }

    private static int pinnerCount(ScenarioSpec spec) {
        return (int) spec.actors().stream().filter(a -> a instanceof dev.pinscope.engine.spec.ActorSpec.Pinner)
                .count();
    }

    private void printExpectations(List<ExpectationResult> exps) {
        if (exps.isEmpty()) {
            return;
        }
        out.println("Expectations:");
        for (ExpectationResult e : exps) {
            out.printf("  %-4s %-20s %-13s expected %s; actual %s%n", e.ok() ? "ok" : "FAIL", e.policy(), e.scope(),
                    e.expected(), e.actual());
        }
        long failed = exps.stream().filter(x -> !x.ok()).count();
        out.printf("%d passed, %d failed%n", exps.size() - failed, failed);
    }

    private void writeJunit(Opts o, ScenarioSpec spec, List<ExpectationResult> exps) throws BadInput {
        if (o.junit == null) {
            return;
        }
        long failures = exps.stream().filter(e -> !e.ok()).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(xml("pinscope." + spec.name())).append("\" tests=\"").append(exps.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (ExpectationResult e : exps) {
            sb.append("  <testcase classname=\"").append(xml(spec.name())).append("\" name=\"")
                    .append(xml(e.policy() + " " + e.scope() + " " + e.actor())).append("\">");
            if (!e.ok()) {
                sb.append("\n    <failure message=\"").append(xml("expected " + e.expected() + "; actual " + e.actual()))
                        .append("\"/>\n  ");
            }
            sb.append("</testcase>\n");
        }
        sb.append("</testsuite>\n");
        try {
            Files.writeString(Path.of(o.junit), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot write " + o.junit + ": " + e.getMessage());
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Progress lines on stderr, at most one every 2 s, only for explorations that take that long. */
    static final class StderrProgress implements ExplorationMonitor {
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
}
