package dev.pinscope.cli;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.report.ScheduleText;
import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human-readable output of explore/compare/run: one report, the policy table, the expectations. */
final class TextReport {
    private TextReport() {
    }

    static void printReport(PrintStream out, ExplorationReport r) {
        out.printf("Policy:   %s (%s)%n", r.policy(), r.policy().letter());
        out.printf("Explored %,d states, %,d transitions in %.2f s — %s%n", r.states(), r.transitions(), r.seconds(),
                r.complete() ? "complete" : "PARTIAL: " + r.partialReason());
        out.printf("%-10s %-8s %10s %8s  %s%n", "Pinner", "Result", "Pinned", "Count", "Shortest witness");
        for (var e : r.results()) {
            out.printf("%-10s %-8s %10d %8d  %s%n", e.actor(), e.result(), e.pinnedPages(), e.count(),
                    ScheduleText.runs(e.witness()));
        }
        if (r.results().isEmpty()) {
            out.println("  (no pinner returned in the explored states)");
        }
        for (var l : r.livelocks()) {
            out.printf("LIVELOCK   %s retries forever: stem %s; loop %s%n", l.actor(), ScheduleText.runs(l.stem()),
                    ScheduleText.runs(l.loop()));
        }
        for (var l : r.starvations()) {
            out.printf("STARVATION %s waits for %s forever: stem %s; loop %s%n", l.actor(), l.waitingFor(),
                    ScheduleText.runs(l.stem()), ScheduleText.runs(l.loop()));
        }
        for (var v : r.violations()) {
            out.printf("VIOLATION  %s: %s — %s; witness %s%n", v.actor(), v.kind(), v.description(),
                    ScheduleText.runs(v.witness()));
        }
        for (var d : r.deadlocks()) {
            out.printf("DEADLOCK   %s; witness %s%n", d.description(), ScheduleText.runs(d.witness()));
        }
        if (r.livelocks().isEmpty() && r.starvations().isEmpty() && r.violations().isEmpty()
                && r.deadlocks().isEmpty()) {
            out.println(r.complete() ? "No livelock, starvation, violation or deadlock."
                    : "No livelock, starvation, violation or deadlock found so far (PARTIAL).");
        }
    }

    static void printTable(PrintStream out, ScenarioSpec spec, Map<Policy, ExplorationReport> reports) {
        out.printf("%-25s %-30s %-9s %-11s %-10s %-9s %10s  %s%n", "Policy", "Reachable results", "Livelock",
                "Starvation", "Violation", "Deadlock", "States", "Complete");
        boolean severalPinners = spec.actors().stream().filter(a -> a instanceof ActorSpec.Pinner).count() > 1;
        for (var e : reports.entrySet()) {
            ExplorationReport r = e.getValue();
            List<String> parts = new ArrayList<>();
            for (var re : r.results()) {
                parts.add((severalPinners ? re.actor() + ":" : "") + re.result());
            }
            out.printf("%-25s %-30s %-9s %-11s %-10s %-9s %10d  %s%n", e.getKey() + " (" + e.getKey().letter() + ")",
                    parts.isEmpty() ? "-" : String.join(", ", parts), r.livelocks().isEmpty() ? "no" : "YES",
                    r.starvations().isEmpty() ? "no" : "yes", r.violations().isEmpty() ? "no" : "YES",
                    r.deadlocks().isEmpty() ? "no" : "YES", r.states(), r.complete() ? "yes" : "PARTIAL");
        }
    }

    static void printExpectations(PrintStream out, List<ExpectationResult> exps) {
        if (exps.isEmpty()) {
            return;
        }
        out.println("Expectations:");
        for (ExpectationResult e : exps) {
            out.printf("  %-4s %-20s %-13s expected %s; actual %s%n", e.verdict(), e.policy(), e.scope(),
                    e.expected(), e.actual());
        }
        long failed = exps.stream().filter(ExpectationResult::failed).count();
        long undecided = exps.stream().filter(ExpectationResult::inconclusive).count();
        out.printf("%d passed, %d failed%s%n", exps.size() - failed - undecided, failed,
                undecided == 0 ? "" : ", " + undecided + " inconclusive");
    }
}
