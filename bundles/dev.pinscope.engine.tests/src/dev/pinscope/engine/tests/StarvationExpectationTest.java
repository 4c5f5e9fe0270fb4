package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Expectations;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ExpectationSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Expectation.starvation: a forever reset zapper starves the fault's down_read(memory_lock) under PRE_PATCH (no
 * livelock). Stated, it is checked both ways; unset, it is not; on a partial exploration a starvation found
 * refutes "no", and a missing one leaves "yes" inconclusive.
 */
class StarvationExpectationTest {
    private static ExpectationResult check(Boolean starvation, ExploreOptions eo) {
        ScenarioSpec s = LivelockTest.foreverReset();
        Set<Errno> results = T.explore(s, Policy.PRE_PATCH).resultsOf("P");
        Expectations ex = new Expectations(s, SimulationOptions.defaults(), eo, null);
        return ex.check(new ExpectationSpec(Policy.PRE_PATCH, true, results, null, false, false, -1, starvation));
    }

    @Test
    void aStatedStarvationIsCheckedAndShownInBothTexts() {
        ExpectationResult yes = check(true, ExploreOptions.defaults());
        assertTrue(yes.ok(), yes.actual());
        assertTrue(yes.expected().contains("starvation=yes") && yes.actual().contains("starvation=yes"), yes.actual());
        ExpectationResult no = check(false, ExploreOptions.defaults());
        assertFalse(no.ok(), no.actual());
        assertFalse(no.inconclusive());
    }

    @Test
    void anUnsetStarvationIsNotChecked() {
        ExpectationResult unset = check(null, ExploreOptions.defaults());
        assertTrue(unset.ok(), unset.actual());
        assertFalse(unset.expected().contains("starvation"), unset.expected());
    }

    @Test
    void onAPartialExplorationOnlyWhatWasFoundDecides() {
        ExpectationResult yes = check(true, ExploreOptions.defaults().withMaxStates(3));
        assertFalse(yes.ok());
        assertTrue(yes.inconclusive(), "a starvation not found yet may lie beyond the budget: " + yes.actual());
    }
}
