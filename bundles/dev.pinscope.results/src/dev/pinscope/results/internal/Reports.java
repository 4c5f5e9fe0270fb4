package dev.pinscope.results.internal;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExplorationReport.Lasso;
import dev.pinscope.engine.ExplorationReport.ResultEntry;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.report.ReportJson.Comparison;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The policy × result table and the reports built on it: plain text a reviewer pastes into a mail, Markdown, and
 * a self-contained HTML page (table, bar chart, every witness as a step list).
 */
public final class Reports {
    private Reports() {
    }

    /** Columns of the policy × result table: "OK", "EINVAL"… (prefixed "qemu:" with more than one pinner). */
    public static List<String> resultColumns(Comparison c) {
        Set<String> pinners = new TreeSet<>();
        Set<Errno> errs = new TreeSet<>();
        for (ExplorationReport r : c.reports().values()) {
            for (ResultEntry e : r.results()) {
                pinners.add(e.actor());
                errs.add(e.result());
            }
        }
        List<String> cols = new ArrayList<>();
        for (String p : pinners) {
            for (Errno e : errs) {
                cols.add(pinners.size() > 1 ? p + ":" + e.name() : e.name());
            }
        }
        return cols;
    }

    private static String column(ResultEntry e, boolean prefixed) {
        return prefixed ? e.actor() + ":" + e.result().name() : e.result().name();
    }

    /** Rows of strings: header first, then one row per policy. Cells hold the result's count or "-". */
    public static List<List<String>> table(Comparison c) {
        List<String> cols = resultColumns(c);
        boolean prefixed = !cols.isEmpty() && cols.get(0).contains(":");
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("Policy"));
        head.addAll(cols);
        head.addAll(List.of("Livelock", "Violation", "Deadlock", "States", "Complete"));
        rows.add(head);
        for (var pe : c.reports().entrySet()) {
            ExplorationReport r = pe.getValue();
            List<String> row = new ArrayList<>();
            row.add(policyLabel(pe.getKey()));
            for (String col : cols) {
                String cell = "-";
                for (ResultEntry e : r.results()) {
                    if (column(e, prefixed).equals(col)) {
                        cell = String.valueOf(e.count());
                    }
                }
                row.add(cell);
            }
            row.add(r.livelocks().isEmpty() ? "no" : "YES");
            row.add(r.violations().isEmpty() ? "no" : "YES");
            row.add(r.deadlocks().isEmpty() ? "no" : "YES");
            row.add(String.format(Locale.ROOT, "%,d", r.states()));
            row.add(r.complete() ? "yes" : "PARTIAL");
            rows.add(row);
        }
        return rows;
    }

    public static String policyLabel(Policy p) {
        return p.name() + " (" + p.letter() + ")";
    }

    public static String status(Comparison c) {
        if (c.complete()) {
            return "complete";
        }
        List<String> why = new ArrayList<>();
        c.reports().forEach((p, r) -> {
            if (!r.complete()) {
                why.add(p.name() + ": " + r.partialReason());
            }
        });
        return "PARTIAL — " + String.join("; ", why);
    }

    // ------------------------------------------------------------------------------------------- plain text

    public static String plainText(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scenario: ").append(c.scenario()).append('\n');
        sb.append("Explored all interleavings (").append(c.mode()).append(", ").append(status(c)).append(")\n\n");
        List<List<String>> t = table(c);
        int[] w = new int[t.get(0).size()];
        for (List<String> row : t) {
            for (int i = 0; i < row.size(); i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        for (int k = 0; k < t.size(); k++) {
            List<String> row = t.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean left = i == 0;
                line.append(left ? pad(cell, w[i]) : lpad(cell, w[i])).append(i + 1 < row.size() ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        sb.append("\nCells are the number of explored states from which the pinner's final step returns that result.\n");
        appendLassos(sb, c, "");
        appendExpectations(sb, c.expectations(), "");
        return sb.toString();
    }

    private static void appendLassos(StringBuilder sb, Comparison c, String bullet) {
        for (var pe : c.reports().entrySet()) {
            for (Lasso l : pe.getValue().livelocks()) {
                sb.append(bullet).append(pe.getKey().name()).append(": LIVELOCK, ").append(l.actor())
                        .append(" retries forever — stem ").append(Witnesses.runs(l.stem())).append("; loop ")
                        .append(Witnesses.runs(l.loop())).append('\n');
            }
            for (Lasso l : pe.getValue().starvations()) {
                sb.append(bullet).append(pe.getKey().name()).append(": starvation, ").append(l.actor())
                        .append(" waits for ").append(l.waitingFor()).append(" forever — stem ")
                        .append(Witnesses.runs(l.stem())).append("; loop ").append(Witnesses.runs(l.loop()))
                        .append('\n');
            }
            for (var v : pe.getValue().violations()) {
                sb.append(bullet).append(pe.getKey().name()).append(": VIOLATION (").append(v.kind()).append(") ")
                        .append(v.actor()).append(" — witness ").append(Witnesses.runs(v.witness())).append('\n');
            }
            for (var d : pe.getValue().deadlocks()) {
                sb.append(bullet).append(pe.getKey().name()).append(": DEADLOCK — ").append(d.description())
                        .append('\n');
            }
        }
    }

    private static void appendExpectations(StringBuilder sb, List<ExpectationResult> exps, String bullet) {
        if (exps.isEmpty()) {
            return;
        }
        long failed = exps.stream().filter(e -> !e.ok()).count();
        sb.append("\nExpectations: ").append(exps.size() - failed).append(" passed, ").append(failed)
                .append(" failed\n");
        for (ExpectationResult e : exps) {
            sb.append(bullet.isEmpty() ? "  " : bullet).append(e.ok() ? "ok   " : e.inconclusive() ? "INCONCLUSIVE " : "FAIL ")
                    .append(e.policy()).append(' ')
                    .append(e.scope()).append(": expected ").append(e.expected()).append("; actual ")
                    .append(e.actual()).append('\n');
        }
    }

    private static String pad(String s, int n) {
        return s + " ".repeat(Math.max(0, n - s.length()));
    }

    private static String lpad(String s, int n) {
        return " ".repeat(Math.max(0, n - s.length())) + s;
    }

    // ------------------------------------------------------------------------------------------- Markdown

    public static String markdown(Comparison c, Function<Policy, Simulation> sims) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(c.scenario()).append("\n\n");
        sb.append("Explored all interleavings (").append(c.mode()).append(", ").append(status(c)).append(").\n\n");
        List<List<String>> t = table(c);
        for (int k = 0; k < t.size(); k++) {
            sb.append("| ").append(String.join(" | ", t.get(k))).append(" |\n");
            if (k == 0) {
                sb.append("|").append("---|".repeat(t.get(0).size())).append('\n');
            }
        }
        sb.append("\nCells: number of explored states from which the pinner's final step returns that result.\n\n");
        StringBuilder other = new StringBuilder();
        appendLassos(other, c, "- ");
        if (other.length() > 0) {
            sb.append("## Livelocks, violations, deadlocks\n\n").append(other).append('\n');
        }
        sb.append("## Shortest witnesses\n\n");
        for (var pe : c.reports().entrySet()) {
            Simulation sim = sims.apply(pe.getKey());
            for (ResultEntry e : pe.getValue().results()) {
                sb.append("### ").append(pe.getKey().name()).append(": ").append(e.actor()).append(" → ")
                        .append(resultText(e)).append(" (").append(e.witness().size()).append(" steps)\n\n");
                int i = 1;
                for (String s : Witnesses.steps(sim, e.witness())) {
                    sb.append(i++).append(". `").append(s).append("`\n");
                }
                sb.append('\n');
            }
        }
        StringBuilder exps = new StringBuilder();
        appendExpectations(exps, c.expectations(), "- ");
        if (exps.length() > 0) {
            sb.append("## Expectations\n").append(exps);
        }
        return sb.toString();
    }

    public static String resultText(ResultEntry e) {
        return e.result() == Errno.OK ? "OK, " + e.pinnedPages() + " pages pinned" : "-" + e.result().name();
    }

    // ------------------------------------------------------------------------------------------- HTML

    /** Result colours shared by the view's chart and the HTML chart. */
    public static String color(Errno e) {
        return switch (e) {
            case OK -> "#4caf50";
            case EINVAL -> "#e53935";
            case EAGAIN -> "#fb8c00";
            case EBUSY -> "#8e24aa";
            case EFAULT -> "#6d4c41";
            case EINTR -> "#1e88e5";
            case ENOMEM -> "#757575";
        };
    }

    public static String html(Comparison c, Function<Policy, Simulation> sims) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(c.scenario())).append(" — Pinscope</title>\n<style>\n")
                .append("body{font:14px/1.4 sans-serif;margin:24px;color:#222}h1{font-size:20px}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #bbb;padding:3px 8px}")
                .append("th{background:#eee}td.n{text-align:right}.yes{color:#c62828;font-weight:bold}")
                .append(".partial{background:#fff3cd;padding:6px;border:1px solid #e0b000}")
                .append("ol{font-family:monospace;font-size:12px}li.loop{background:#fde0dc}")
                .append("li.stem{background:#e3f2fd}.ok{color:#2e7d32}.fail{color:#c62828;font-weight:bold}")
                .append("</style></head><body>\n");
        sb.append("<h1>").append(esc(c.scenario())).append("</h1>\n");
        if (!c.complete()) {
            sb.append("<p class=\"partial\">").append(esc(status(c))).append("</p>\n");
        } else {
            sb.append("<p>Explored all interleavings (").append(esc(c.mode())).append(", complete).</p>\n");
        }
        List<List<String>> t = table(c);
        sb.append("<table id=\"results\">\n<tr>");
        for (String h : t.get(0)) {
            sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> row : t.subList(1, t.size())) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                String cls = i == 0 ? "" : v.equals("YES") || v.equals("PARTIAL") ? " class=\"yes\"" : " class=\"n\"";
                sb.append("<td").append(cls).append(">").append(esc(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h2>Result shares</h2>\n").append(svgChart(c));
        sb.append("<h2>Witnesses</h2>\n");
        for (var pe : c.reports().entrySet()) {
            Simulation sim = sims.apply(pe.getKey());
            for (ResultEntry e : pe.getValue().results()) {
                sb.append("<h3>").append(esc(pe.getKey().name())).append(": ").append(esc(e.actor())).append(" → ")
                        .append(esc(resultText(e))).append(" <small>(").append(e.witness().size())
                        .append(" steps, reached from ").append(e.count()).append(" states)</small></h3>\n<ol>");
                for (String s : Witnesses.steps(sim, e.witness())) {
                    sb.append("<li>").append(esc(s)).append("</li>");
                }
                sb.append("</ol>\n");
            }
            for (Lasso l : pe.getValue().livelocks()) {
                sb.append("<h3>").append(esc(pe.getKey().name())).append(": LIVELOCK, ").append(esc(l.actor()))
                        .append(" retries forever <small>(stem ").append(l.stem().size()).append(" steps, loop ")
                        .append(l.loop().size()).append(" steps, repeated forever)</small></h3>\n<ol>");
                List<String> all = new ArrayList<>(l.stem());
                all.addAll(l.loop());
                List<String> steps = Witnesses.steps(sim, all);
                for (int i = 0; i < steps.size(); i++) {
                    sb.append("<li class=\"").append(i < l.stem().size() ? "stem" : "loop").append("\">")
                            .append(esc(steps.get(i))).append("</li>");
                }
                sb.append("</ol>\n");
            }
            for (var v : pe.getValue().violations()) {
                sb.append("<h3>").append(esc(pe.getKey().name())).append(": VIOLATION ").append(esc(v.kind()))
                        .append("</h3>\n<p>").append(esc(v.description())).append("</p>\n<ol>");
                for (String s : Witnesses.steps(sim, v.witness())) {
                    sb.append("<li>").append(esc(s)).append("</li>");
                }
                sb.append("</ol>\n");
            }
        }
        if (!c.expectations().isEmpty()) {
            sb.append("<h2>Expectations</h2>\n<table><tr><th></th><th>Policy</th><th>Scope</th><th>Expected</th>")
                    .append("<th>Actual</th></tr>\n");
            for (ExpectationResult e : c.expectations()) {
                sb.append("<tr><td class=\"").append(e.ok() ? "ok\">ok" : e.inconclusive() ? "fail\">INCONCLUSIVE" : "fail\">FAIL")
                        .append("</td><td>")
                        .append(esc(e.policy().name())).append("</td><td>").append(esc(e.scope())).append("</td><td>")
                        .append(esc(e.expected())).append("</td><td>").append(esc(e.actual())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /** One horizontal bar per policy, split by the shares of its results' counts. */
    public static List<Share> shares(ExplorationReport r) {
        long total = 0;
        for (ResultEntry e : r.results()) {
            total += e.count();
        }
        List<Share> out = new ArrayList<>();
        for (ResultEntry e : r.results()) {
            out.add(new Share(e.actor(), e.result(), total == 0 ? 0 : e.count() / (double) total));
        }
        return out;
    }

    public record Share(String actor, Errno result, double fraction) {
    }

    static String svgChart(Comparison c) {
        int labelW = 190;
        int barW = 420;
        int rowH = 26;
        int h = rowH * c.reports().size() + 34;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + barW + 140)
                .append("\" height=\"").append(h).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        int y = 4;
        Set<Errno> legend = new LinkedHashSet<>();
        for (var pe : c.reports().entrySet()) {
            sb.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(policyLabel(pe.getKey())))
                    .append("</text>");
            double x = labelW;
            for (Share s : shares(pe.getValue())) {
                double w = s.fraction() * barW;
                legend.add(s.result());
                sb.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"><title>%s %s %.0f%%</title></rect>",
                        x, y, w, color(s.result()), esc(s.actor()), s.result(), s.fraction() * 100));
                if (w > 8 * (s.result().name().length() + 5)) {
                    sb.append(String.format(Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" fill=\"#fff\">%s %.0f%%</text>", x + 4, y + 15, s.result(),
                            s.fraction() * 100));
                }
                x += w;
            }
            String tail = (pe.getValue().livelocks().isEmpty() ? "" : " ∞ livelock")
                    + (pe.getValue().complete() ? "" : " (partial)");
            sb.append("<text x=\"").append(labelW + barW + 6).append("\" y=\"").append(y + 15)
                    .append("\" fill=\"#c62828\">").append(esc(tail.strip())).append("</text>\n");
            y += rowH;
        }
        int x = 0;
        for (Errno e : legend) {
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(y + 4).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(color(e)).append("\"/><text x=\"").append(x + 16).append("\" y=\"").append(y + 15)
                    .append("\">").append(e).append("</text>");
            x += 90;
        }
        sb.append("\n</svg>\n");
        return sb.toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Convenience for callers without simulations (no step details). */
    public static Function<Policy, Simulation> noSimulations() {
        return p -> null;
    }

    static Map<Policy, ExplorationReport> reports(Comparison c) {
        return c.reports();
    }
}
