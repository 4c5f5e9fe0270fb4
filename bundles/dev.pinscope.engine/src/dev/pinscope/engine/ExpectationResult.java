package dev.pinscope.engine;

import dev.pinscope.engine.spec.Policy;

/**
 * One checked expectation: what the scenario file expects, what the engine found, and whether they agree.
 * {@code inconclusive}: the engine could not decide it — the exploration was partial (a bound, a cancel or memory
 * stopped it) or the scheduled run was cut by MAX_STEPS, and nothing found so far refutes the expectation. An
 * inconclusive expectation is not {@code ok}, and it is not a failure either.
 */
public record ExpectationResult(Policy policy, String scope, String actor, String expected, String actual,
        boolean ok, boolean inconclusive) {

    /** A decided expectation: held ({@code ok}) or refuted. */
    public ExpectationResult(Policy policy, String scope, String actor, String expected, String actual, boolean ok) {
        this(policy, scope, actor, expected, actual, ok, false);
    }

    /** Refuted: the engine found something the expectation rules out. */
    public boolean failed() {
        return !ok && !inconclusive;
    }

    /** {@code ok}, {@code FAIL} or {@code INCONCLUSIVE}, as reports show it. */
    public String verdict() {
        return ok ? "ok" : inconclusive ? "INCONCLUSIVE" : "FAIL";
    }
}
