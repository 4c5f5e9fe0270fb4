package dev.pinscope.engine.report;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExplorationReport.Deadlock;
import dev.pinscope.engine.ExplorationReport.Lasso;
import dev.pinscope.engine.ExplorationReport.ResultEntry;
import dev.pinscope.engine.ExplorationReport.Violation;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of {@code pinscope explore|compare --json}, shared by the CLI and the workbench (JSON export and
 * the persisted {@code name.pinscope.results.json}):
 *
 * <pre>
 * {"scenario","policy","mode","complete","partialReason","states","transitions","seconds",
 *  "results":[{"actor","result","pinnedPages","count","witness":[actor…],"policy"}],
 *  "violations":[{"actor","kind","description","witness","policy"}],
 *  "livelocks":[{"actor","stem","loop","kind","waitingFor","policy"}], "starvations":[…same…],
 *  "deadlocks":[{"description","witness","policy"}],
 *  "expectations":[{"policy","expected","actual","ok","scope","actor"[,"inconclusive":true]}],
 *  "policies":[{"policy","complete","partialReason","states","transitions","seconds"}]}
 * </pre>
 *
 * {@code policies} (one summary per explored policy) is what lets {@link #read} rebuild every report exactly.
 */
public final class ReportJson {
    private ReportJson() {
    }

    /** A set of explorations of one scenario, one report per policy, with the checked expectations. */
    public record Comparison(String scenario, String mode, Map<Policy, ExplorationReport> reports,
            List<ExpectationResult> expectations, double seconds) {
        public boolean complete() {
            return reports.values().stream().allMatch(ExplorationReport::complete);
        }
    }

    public static Map<String, Object> toJson(Comparison c) {
        boolean single = c.reports().size() == 1;
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", c.scenario());
        j.put("policy", single ? c.reports().keySet().iterator().next().name() : "all");
        j.put("mode", c.mode());
        j.put("complete", c.complete());
        long states = 0;
        long transitions = 0;
        List<Object> results = new ArrayList<>();
        List<Object> violations = new ArrayList<>();
        List<Object> livelocks = new ArrayList<>();
        List<Object> starvations = new ArrayList<>();
        List<Object> deadlocks = new ArrayList<>();
        List<Object> policies = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (var e : c.reports().entrySet()) {
            ExplorationReport r = e.getValue();
            String pol = e.getKey().name();
            states += r.states();
            transitions += r.transitions();
            if (!r.complete()) {
                partial.add(pol + ": " + r.partialReason());
            }
            for (var re : r.results()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("actor", re.actor());
                m.put("result", re.result().name());
                m.put("pinnedPages", re.pinnedPages());
                m.put("count", re.count());
                m.put("witness", re.witness());
                m.put("policy", pol);
                results.add(m);
            }
            for (var v : r.violations()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("actor", v.actor());
                m.put("kind", v.kind());
                m.put("description", v.description());
                m.put("witness", v.witness());
                m.put("policy", pol);
                violations.add(m);
            }
            for (var l : r.livelocks()) {
                livelocks.add(lasso(l, pol));
            }
            for (var l : r.starvations()) {
                starvations.add(lasso(l, pol));
            }
            for (var d : r.deadlocks()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("description", d.description());
                m.put("witness", d.witness());
                m.put("policy", pol);
                deadlocks.add(m);
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("policy", pol);
            p.put("complete", r.complete());
            p.put("partialReason", r.partialReason());
            p.put("states", r.states());
            p.put("transitions", r.transitions());
            p.put("seconds", r.seconds());
            policies.add(p);
        }
        j.put("partialReason", partial.isEmpty() ? null : String.join("; ", partial));
        j.put("states", states);
        j.put("transitions", transitions);
        j.put("seconds", c.seconds());
        j.put("results", results);
        j.put("violations", violations);
        j.put("livelocks", livelocks);
        j.put("starvations", starvations);
        j.put("deadlocks", deadlocks);
        j.put("expectations", expectations(c.expectations()));
        j.put("policies", policies);
        return j;
    }

    public static String write(Comparison c) {
        return Json.write(toJson(c));
    }

    private static Map<String, Object> lasso(Lasso l, String pol) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actor", l.actor());
        m.put("stem", l.stem());
        m.put("loop", l.loop());
        m.put("kind", l.kind().name());
        m.put("waitingFor", l.waitingFor());
        m.put("policy", pol);
        return m;
    }

    public static List<Object> expectations(List<ExpectationResult> exps) {
        List<Object> out = new ArrayList<>();
        for (ExpectationResult e : exps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", e.policy().name());
            m.put("expected", e.expected());
            m.put("actual", e.actual());
            m.put("ok", e.ok());
            m.put("scope", e.scope());
            m.put("actor", e.actor());
            if (e.inconclusive()) {
                m.put("inconclusive", true); // only then: complete reports keep their shape
            }
            out.add(m);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- reading

    /** Rebuilds a comparison from JSON text written by {@link #write}; IllegalArgumentException if it is not one. */
    public static Comparison read(String text) {
        Object o = Json.parse(text);
        if (!(o instanceof Map<?, ?> j) || !(j.get("policies") instanceof List<?> pols)) {
            throw new IllegalArgumentException("not a Pinscope exploration report (no \"policies\")");
        }
        String scenario = str(j.get("scenario"));
        Map<Policy, ExplorationReport> reports = new LinkedHashMap<>();
        for (Object po : pols) {
            Map<?, ?> p = (Map<?, ?>) po;
            String pol = str(p.get("policy"));
            Policy policy = Policy.valueOf(pol);
            List<ResultEntry> results = new ArrayList<>();
            for (Map<?, ?> m : of(j, "results", pol)) {
                results.add(new ResultEntry(str(m.get("actor")), Errno.valueOf(str(m.get("result"))),
                        num(m.get("pinnedPages")), num(m.get("count")), names(m.get("witness"))));
            }
            List<Violation> violations = new ArrayList<>();
            for (Map<?, ?> m : of(j, "violations", pol)) {
                violations.add(new Violation(str(m.get("actor")), str(m.get("kind")), str(m.get("description")),
                        names(m.get("witness"))));
            }
            List<Deadlock> deadlocks = new ArrayList<>();
            for (Map<?, ?> m : of(j, "deadlocks", pol)) {
                deadlocks.add(new Deadlock(str(m.get("description")), names(m.get("witness"))));
            }
            reports.put(policy, new ExplorationReport(scenario, policy, Boolean.TRUE.equals(p.get("complete")),
                    str(p.get("partialReason")), num(p.get("states")), num(p.get("transitions")),
                    real(p.get("seconds")), 0, results, violations, lassos(j, "livelocks", pol),
                    lassos(j, "starvations", pol), deadlocks));
        }
        List<ExpectationResult> exps = new ArrayList<>();
        if (j.get("expectations") instanceof List<?> l) {
            for (Object eo : l) {
                Map<?, ?> m = (Map<?, ?>) eo;
                exps.add(new ExpectationResult(Policy.valueOf(str(m.get("policy"))), str(m.get("scope")),
                        str(m.get("actor")), str(m.get("expected")), str(m.get("actual")),
                        Boolean.TRUE.equals(m.get("ok")), Boolean.TRUE.equals(m.get("inconclusive"))));
            }
        }
        return new Comparison(scenario, str(j.get("mode")), reports, exps, real(j.get("seconds")));
    }

    private static List<Lasso> lassos(Map<?, ?> j, String key, String pol) {
        List<Lasso> out = new ArrayList<>();
        for (Map<?, ?> m : of(j, key, pol)) {
            out.add(new Lasso(str(m.get("actor")), Lasso.Kind.valueOf(str(m.get("kind"))), str(m.get("waitingFor")),
                    names(m.get("stem")), names(m.get("loop"))));
        }
        return out;
    }

    private static List<Map<?, ?>> of(Map<?, ?> j, String key, String pol) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (j.get(key) instanceof List<?> l) {
            for (Object x : l) {
                if (x instanceof Map<?, ?> m && pol.equals(m.get("policy"))) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static double real(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static List<String> names(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }
}
