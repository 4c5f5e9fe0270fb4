package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.engine.Expectations;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example compiles through the EMF adapter and every expectation in it holds. */
class ShippedExamplesTest {
    static Stream<String> ids() {
        return Examples.list().stream().map(Examples.Example::id);
    }

    @Test
    void examplesAreShipped() {
        assertTrue(Examples.list().size() >= 14, "one example per §10 row: " + Examples.list());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void expectationsHold(String id) {
        LoadResult lr = Examples.load(id);
        assertTrue(lr.ok(), lr.firstProblem());
        CompileResult cr = Simulation.compile(lr.scenario(), SimulationOptions.defaults());
        assertTrue(cr.ok(), cr.errors().toString());
        ScenarioSpec spec = EmfAdapter.toSpec(lr.scenario());
        assertFalse(spec.expectations().isEmpty(), id + " has expectations");
        List<ExpectationResult> rs = Expectations.check(spec);
        for (ExpectationResult r : rs) {
            assertTrue(r.ok(), id + ": " + r);
        }
    }

    @Test
    void invalidScenarioIsReportedNotThrown() {
        LoadResult lr = Examples.load("02-numa-maps-split-w1");
        lr.scenario().getActors().get(0).setName(null);
        lr.scenario().getAddressSpace().getVmas().get(0).setEnd(lr.scenario().getAddressSpace().getVmas().get(0)
                .getStart() + 5);
        CompileResult cr = Simulation.compile(lr.scenario(), SimulationOptions.defaults());
        assertFalse(cr.ok());
        assertFalse(cr.errors().isEmpty());
    }
}
