package dev.pinscope.results.internal;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExplorationReport.Lasso;
import dev.pinscope.engine.ExplorationReport.ResultEntry;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.report.ReportJson.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Results view's tree: one node per policy with its results, lassos, violations, deadlocks and bound marker,
 * and one node with the expectations. Columns: finding, pinner, result, pinned pages, count, details.
 */
public final class Rows {
    private Rows() {
    }

    public static final String[] COLUMNS = { "Policy / finding", "Pinner", "Result", "Pinned pages", "Count",
            "Details" };

    public sealed interface Row permits PolicyRow, ResultRow, LassoRow, ViolationRow, DeadlockRow, BoundRow,
            ExpectationsRow, ExpectationRow {
        String[] cells();

        default List<Row> children() {
            return List.of();
        }

        /** Red when something a reviewer must look at (livelock, violation, failed expectation, partial). */
        default boolean alarming() {
            return false;
        }
    }

    public record PolicyRow(Policy policy, ExplorationReport report, List<Row> children) implements Row {
        @Override
        public String[] cells() {
            return new String[] { Reports.policyLabel(policy), "", "", "", "",
                    String.format(Locale.ROOT, "%,d states, %,d transitions, %.2f s — %s", report.states(),
                            report.transitions(), report.seconds(),
                            report.complete() ? "complete" : "PARTIAL: " + report.partialReason()) };
        }

        @Override
        public boolean alarming() {
            return !report.complete();
        }
    }

    public record ResultRow(Policy policy, ResultEntry entry) implements Row {
        @Override
        public String[] cells() {
            return new String[] { "result", entry.actor(), resultCell(entry.result()),
                    entry.result() == Errno.OK ? String.valueOf(entry.pinnedPages()) : "-",
                    String.valueOf(entry.count()),
                    "shortest witness: " + entry.witness().size() + " steps — double-click to debug" };
        }
    }

    public record LassoRow(Policy policy, Lasso lasso) implements Row {
        @Override
        public String[] cells() {
            boolean live = lasso.kind() == Lasso.Kind.LIVELOCK;
            return new String[] { live ? "LIVELOCK" : "starvation", lasso.actor(),
                    live ? "never returns" : "waits for " + lasso.waitingFor(), "", "",
                    "lasso: stem " + lasso.stem().size() + " steps, loop " + lasso.loop().size()
                            + " steps repeated forever — double-click to debug" };
        }

        @Override
        public boolean alarming() {
            return lasso.kind() == Lasso.Kind.LIVELOCK;
        }
    }

    public record ViolationRow(Policy policy, ExplorationReport.Violation violation) implements Row {
        @Override
        public String[] cells() {
            return new String[] { "VIOLATION", violation.actor(), violation.kind(), "", "",
                    violation.description() + " — witness " + violation.witness().size() + " steps" };
        }

        @Override
        public boolean alarming() {
            return true;
        }
    }

    public record DeadlockRow(Policy policy, ExplorationReport.Deadlock deadlock) implements Row {
        @Override
        public String[] cells() {
            return new String[] { "DEADLOCK", "", "", "", "",
                    deadlock.description() + " — witness " + deadlock.witness().size() + " steps" };
        }

        @Override
        public boolean alarming() {
            return true;
        }
    }

    public record BoundRow(Policy policy, String reason) implements Row {
        @Override
        public String[] cells() {
            return new String[] { "BOUND REACHED", "", "", "", "",
                    "partial: " + reason + " — more results may exist; no livelock proves nothing" };
        }

        @Override
        public boolean alarming() {
            return true;
        }
    }

    public record ExpectationsRow(List<Row> children) implements Row {
        @Override
        public String[] cells() {
            long failed = children.stream().filter(r -> r.alarming()).count();
            return new String[] { "Expectations", "", "", "", "",
                    (children.size() - failed) + " passed, " + failed + " failed" };
        }

        @Override
        public boolean alarming() {
            return children.stream().anyMatch(Row::alarming);
        }
    }

    public record ExpectationRow(ExpectationResult e) implements Row {
        @Override
        public String[] cells() {
            // a partial exploration decides nothing it did not refute: INCONCLUSIVE, not FAIL (issue 12)
            return new String[] { e.ok() ? "pass" : e.inconclusive() ? "INCONCLUSIVE" : "FAIL", e.actor(), e.policy().name(), "", "",
                    e.scope() + ": expected " + e.expected() + "; actual " + e.actual() };
        }

        @Override
        public boolean alarming() {
            return !e.ok();
        }
    }

    public static String resultCell(Errno e) {
        return e == Errno.OK ? "OK" : e.kernelName();
    }

    public static List<Row> of(Comparison c) {
        List<Row> out = new ArrayList<>();
        for (var pe : c.reports().entrySet()) {
            Policy p = pe.getKey();
            ExplorationReport r = pe.getValue();
            List<Row> kids = new ArrayList<>();
            for (ResultEntry e : r.results()) {
                kids.add(new ResultRow(p, e));
            }
            for (Lasso l : r.livelocks()) {
                kids.add(new LassoRow(p, l));
            }
            for (Lasso l : r.starvations()) {
                kids.add(new LassoRow(p, l));
            }
            for (var v : r.violations()) {
                kids.add(new ViolationRow(p, v));
            }
            for (var d : r.deadlocks()) {
                kids.add(new DeadlockRow(p, d));
            }
            if (!r.complete()) {
                kids.add(new BoundRow(p, r.partialReason()));
            }
            out.add(new PolicyRow(p, r, kids));
        }
        if (!c.expectations().isEmpty()) {
            List<Row> kids = new ArrayList<>();
            for (ExpectationResult e : c.expectations()) {
                kids.add(new ExpectationRow(e));
            }
            out.add(new ExpectationsRow(kids));
        }
        return out;
    }
}
