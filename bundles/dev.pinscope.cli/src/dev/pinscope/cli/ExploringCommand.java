package dev.pinscope.cli;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Expectations;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** explore and compare: every interleaving under one or more policies, then the expectations. */
abstract class ExploringCommand extends ScenarioCommand {
    @Mixin
    ExplorationBounds bounds;

    @Option(names = "--no-por", description = "Explore without partial-order reduction (same verdicts, more states).")
    boolean noPor;

    @Mixin
    CycleOption cycles;

    @Option(names = "--progress", description = "Progress lines on stderr every 2 s (default: only when stderr is a terminal).")
    boolean progress;

    ExploringCommand(PinscopeCli cli) {
        super(cli);
    }

    /** Which expectations this command checks, of those in the file. */
    abstract boolean checks(ExpectationSpec e, List<Policy> policies);

    int explore(ScenarioSpec spec, List<Policy> policies, String mode) throws BadInput {
        ExploreOptions eo = bounds.applyTo(ExploreOptions.defaults().withPartialOrderReduction(!noPor)
                .withFindCycles(!cycles.noCycles));
        StderrProgress mon = new StderrProgress(err, progress || StderrProgress.isTerminal(err));
        Expectations ex = new Expectations(spec, SimulationOptions.defaults(), eo, mon);
        long t0 = System.nanoTime();
        Map<Policy, ExplorationReport> reports = new LinkedHashMap<>();
        for (Policy p : policies) {
            mon.policy = p;
            reports.put(p, ex.report(p));
        }
        List<ExpectationResult> exps = new ArrayList<>();
        for (ExpectationSpec e : spec.expectations()) {
            if (checks(e, policies)) {
                exps.add(ex.check(e));
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        // out of memory: the partial report follows on stdout; stderr gets exactly one line about it
        reports.values().stream().filter(r -> !r.complete() && r.partialReason() != null && r.partialReason().startsWith("memory"))
                .findFirst().ifPresent(r -> err.println("pinscope: " + r.policy() + " stopped by " + r.partialReason()
                        + "; the report is PARTIAL"));
        if (common.json) {
            out.println(ReportJson.write(new ReportJson.Comparison(spec.name(), mode, reports, exps, secs)));
        } else {
            out.printf("Scenario: %s%n", spec.name());
            if (policies.size() == 1) {
                TextReport.printReport(out, reports.get(policies.get(0)));
            } else {
                TextReport.printTable(out, spec, reports);
            }
            if (cycles.noCycles) {
                out.println("Livelock/starvation: not checked (--no-cycles)");
            }
            TextReport.printExpectations(out, exps);
        }
        writeJunit(spec, exps);
        boolean completed = reports.values().stream().allMatch(ExplorationReport::complete);
        return exitCode(exps, completed);
    }
}
