package dev.pinscope.engine;

import dev.pinscope.engine.spec.Policy;

/** One checked expectation: what the scenario file expects, what the engine found, and whether they agree. */
public record ExpectationResult(Policy policy, String scope, String actor, String expected, String actual,
        boolean ok) {
}
