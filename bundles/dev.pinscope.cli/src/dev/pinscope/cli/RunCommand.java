package dev.pinscope.cli;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Expectations;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.report.Json;
import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pinscope run FILE}: plays one schedule and prints each pinner's result. */
@Command(name = "run", sortOptions = false,
        description = {"Play one schedule and print each pinner's result.",
            "With the scenario's own schedule (script) its THIS_SCHEDULE expectations of the run's policy are checked."})
final class RunCommand extends ScenarioCommand {
    @Option(names = "--policy", paramLabel = "P", description = "Retry policy (default: the scenario's): ${COMPLETION-CANDIDATES}.",
            completionCandidates = PolicyNames.class)
    String policy;

    @Option(names = "--scheduler", paramLabel = "S",
            description = "round-robin, random:SEED or script (default: script when the scenario has a Schedule, "
                    + "else round-robin).")
    String scheduler;

    @Option(names = "--max-steps", paramLabel = "N", converter = PositiveLong.class,
            description = "Stop the run after N steps.")
    Long maxSteps;

    @Option(names = "--trace", description = "Print every step: actor, function, listing line, label, event.")
    boolean trace;

    RunCommand(PinscopeCli cli) {
        super(cli);
    }

    @Override
    int execute() throws BadInput {
        ScenarioSpec spec = load();
        Policy pol = policy == null ? spec.policy() : policy(policy);
        SimulationOptions so = SimulationOptions.defaults().withPolicy(pol).withMaxSteps(maxSteps);
        Simulation sim = Simulation.compile(spec, so).orThrow();
        String sname = scheduler == null ? (spec.schedule() != null ? "script" : "round-robin") : scheduler;
        Scheduler sched = scheduler(sname, spec, sim);
        long t0 = System.nanoTime();
        Run run = sim.newRun(sched);
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
        if (common.json) {
            out.println(Json.write(json(spec, pol, sname, rr, run.schedule(), secs, exps)));
        } else {
            printText(spec, pol, sname, run, rr, exps);
        }
        writeJunit(spec, exps);
        if (rr.status() == RunResult.Status.SCHEDULE_ERROR && exps.isEmpty()) {
            err.println("pinscope: " + file + ": " + rr.message());
            return PinscopeCli.BAD_INPUT;
        }
        // a run cut by MAX_STEPS (or cancelled) decided nothing it did not reach: 3 unless something was refuted
        boolean completed = rr.status() == RunResult.Status.COMPLETED || rr.status() == RunResult.Status.DEADLOCK;
        return exitCode(exps, completed);
    }

    private Scheduler scheduler(String sname, ScenarioSpec spec, Simulation sim) throws BadInput {
        if (sname.equals("round-robin") || sname.equals("rr")) {
            return Scheduler.roundRobin();
        }
        if (sname.equals("script")) {
            if (spec.schedule() == null) {
                throw new BadInput(file + ": --scheduler script, but the scenario has no schedule");
            }
            return sim.scriptedSchedule();
        }
        if (sname.startsWith("random:")) {
            try {
                return Scheduler.random(Long.parseLong(sname.substring(7)));
            } catch (NumberFormatException e) {
                throw new BadInput("--scheduler random:SEED needs a number, not '" + sname.substring(7) + "'");
            }
        }
        throw new BadInput("unknown scheduler '" + sname + "' (round-robin, random:SEED, script)");
    }

    /** The run-mode JSON: the explore shape with one result per pinner and the whole run as its witness. */
    private static Map<String, Object> json(ScenarioSpec spec, Policy pol, String sname, RunResult rr,
            List<String> schedule, double secs, List<ExpectationResult> exps) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", spec.name());
        j.put("policy", pol.name());
        j.put("mode", "run");
        j.put("complete", rr.status() == RunResult.Status.COMPLETED);
        j.put("scheduler", sname);
        j.put("status", rr.status().name());
        j.put("message", rr.message());
        j.put("states", rr.steps());
        j.put("transitions", rr.steps());
        j.put("seconds", secs);
        List<Object> res = new ArrayList<>();
        List<Object> viol = new ArrayList<>();
        for (RunResult.PinnerResult pr : rr.results()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("actor", pr.actor());
            r.put("result", pr.result() == null ? "NONE" : pr.result().name());
            r.put("pinnedPages", pr.pinnedPages());
            r.put("count", 1L);
            r.put("witness", schedule);
            res.add(r);
            if (pr.stalePfn()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("actor", pr.actor());
                v.put("kind", "stale PFN");
                v.put("witness", schedule);
                viol.add(v);
            }
        }
        j.put("results", res);
        j.put("violations", viol);
        j.put("livelocks", List.of());
        List<Object> dead = new ArrayList<>();
        if (rr.status() == RunResult.Status.DEADLOCK) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("description", rr.message());
            d.put("witness", schedule);
            dead.add(d);
        }
        j.put("deadlocks", dead);
        j.put("expectations", ReportJson.expectations(exps));
        return j;
    }

    private void printText(ScenarioSpec spec, Policy pol, String sname, Run run, RunResult rr,
            List<ExpectationResult> exps) {
        out.printf("Scenario: %s%nPolicy:   %s (%s)   scheduler: %s%n", spec.name(), pol, pol.letter(), sname);
        if (trace) {
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
        TextReport.printExpectations(out, exps);
    }
}
