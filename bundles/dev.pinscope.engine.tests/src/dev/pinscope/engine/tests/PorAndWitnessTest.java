package dev.pinscope.engine.tests;

import static dev.pinscope.engine.tests.T.G;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Partial-order reduction keeps results exact; witnesses replay to their result and are shortest. */
class PorAndWitnessTest {

    static List<ScenarioSpec> scenarios() {
        List<ScenarioSpec> out = new ArrayList<>();
        SpecBuilder a = T.bar(G, G).maxRetries(1);
        a.walker("W", 0, 2);
        a.zapper("Z", 0, ZapTrigger.BAR_SIZING, 1);
        a.signal("K", 0);
        out.add(a.build());
        SpecBuilder b = T.bar(G, 2 * 4096L).maxRetries(1);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.zapper("Z", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        b.cpu("C", T.VA + 4096, false, 1);
        b.unmapper("M", 0);
        out.add(b.build());
        SpecBuilder c = T.bar(G, G).maxRetries(2);
        c.walker("W", 0, -1);
        c.zapper("Z", 0, ZapTrigger.DEVICE_RESET, -1);
        out.add(c.build());
        return out;
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void reductionDoesNotChangeAnyFinding(Policy p) {
        for (ScenarioSpec s : scenarios()) {
            SimulationOptions o = SimulationOptions.defaults().withPolicy(p);
            ExplorationReport full = T.explore(s, o, ExploreOptions.defaults().withPartialOrderReduction(false));
            ExplorationReport red = T.explore(s, o, ExploreOptions.defaults());
            assertEquals(full.resultsOf("P"), red.resultsOf("P"), p + " results");
            assertEquals(full.hasLivelock("P"), red.hasLivelock("P"), p + " livelock");
            assertEquals(full.hasStarvation("P"), red.hasStarvation("P"), p + " starvation");
            assertEquals(full.hasViolation("P"), red.hasViolation("P"), p + " violation");
            assertTrue(red.states() <= full.states());
            for (var e : red.results()) {
                int fullLen = full.entry(e.actor(), e.result()).witness().size();
                assertEquals(fullLen, e.witness().size(), "reduction keeps witnesses shortest: " + e.result());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void witnessesReplayToTheirResultAndNothingShorterReachesIt(Policy p) {
        for (ScenarioSpec s : scenarios()) {
            Simulation sim = T.sim(s, p);
            ExplorationReport r = T.explore(s, p);
            for (var e : r.results()) {
                Run run = T.replay(sim, e.witness());
                assertEquals(e.result(), run.result(0), "witness of " + e.result());
                // BFS: with the depth bound one below the witness length the result is not reachable
                ExplorationReport shorter = sim.explore(ExploreOptions.defaults()
                        .withMaxDepth(e.witness().size() - 1).withFindCycles(false), null);
                assertFalse(shorter.resultsOf("P").contains(e.result()), "no shorter witness for " + e.result());
            }
        }
    }
}
