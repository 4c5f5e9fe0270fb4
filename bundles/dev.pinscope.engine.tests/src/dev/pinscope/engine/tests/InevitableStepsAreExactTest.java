package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reduction over every actor's steps (InevitableStep: a zapper's, walker's, CPU thread's step taken alone where
 * every path to a result passes through it; Chains: runs of such steps stored as one edge) against the search
 * without it and the unreduced search: on the shipped examples, the scenarios of the other reduction tests,
 * pinner-versus-reset races over several pages and randomly generated scenarios, the same results with
 * shortest-witness lengths, violations, livelocks, starvations and deadlocks; its witnesses replay to their
 * results; and on a reset racing a pinner over 64 pages it stores far fewer states.
 */
class InevitableStepsAreExactTest {
    /** A pinner over n 4K pages racing one VFIO_DEVICE_RESET (the engine benchmark's scenario C). */
    static ScenarioSpec resetRace(int pages, int resets) {
        SpecBuilder b = T.bar(T.G, pages * 4096L).maxRetries(2);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, resets);
        return b.build();
    }

    /** Small scenarios of every actor kind, drawn from a fixed seed (the same every run). */
    static List<ScenarioSpec> generated(int count, long seed) {
        Random rnd = new Random(seed);
        ZapTrigger[] triggers = ZapTrigger.values();
        List<ScenarioSpec> out = new ArrayList<>();
        while (out.size() < count) {
            boolean small = rnd.nextBoolean();
            int pages = 1 + rnd.nextInt(4);
            SpecBuilder b = small ? T.bar(T.G, pages * 4096L) : T.bar(T.G, T.G);
            b.maxRetries(1 + rnd.nextInt(2));
            if (small) {
                b.kernel(b.kernel().withThp(ThpMode.NEVER));
            }
            int zappers = 1 + rnd.nextInt(2);
            for (int z = 0; z < zappers; z++) {
                b.zapper("Z" + z, 0, triggers[rnd.nextInt(triggers.length)], rnd.nextInt(4) == 0 ? -1 : 1 + rnd.nextInt(2));
            }
            if (rnd.nextInt(3) == 0) {
                b.walker("W", 0, 1 + rnd.nextInt(2));
            }
            if (rnd.nextInt(3) == 0) {
                b.cpu("C", T.VA + (small ? 4096L * rnd.nextInt(pages) : 0), rnd.nextBoolean(), 1);
            }
            if (rnd.nextInt(4) == 0) {
                b.signal("K", 0);
            }
            if (rnd.nextInt(6) == 0) {
                b.unmapper("M", 0);
            }
            out.add(b.build());
        }
        return out;
    }

    static List<ScenarioSpec> scenarios() {
        List<ScenarioSpec> out = new ArrayList<>(ReductionIsExactTest.scenarios());
        out.add(resetRace(3, 1));
        out.add(resetRace(6, 2));
        SpecBuilder w = T.bar(T.G, 3 * 4096L).maxRetries(2);
        w.kernel(w.kernel().withThp(ThpMode.NEVER));
        w.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        w.zapper("Y", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        w.cpu("C", T.VA + 4096, true, 1);
        out.add(w.build());
        out.addAll(generated(12, 18));
        return out;
    }

    private static ExplorationReport explore(ScenarioSpec s, Policy p, ExploreOptions eo) {
        return T.sim(s, SimulationOptions.defaults().withPolicy(p)).explore(eo, null);
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void withAndWithoutInevitableStepsTheSearchFindsTheSame(Policy p) {
        for (ScenarioSpec s : scenarios()) {
            ExplorationReport unreduced = explore(s, p, ExploreOptions.defaults().withPartialOrderReduction(false));
            ExplorationReport pinnerOnly = explore(s, p, ExploreOptions.defaults().withInevitableSteps(false));
            ExplorationReport all = explore(s, p, ExploreOptions.defaults());
            assertTrue(unreduced.complete(), s.name() + " " + p + ": small enough to explore whole");
            assertEquals(ReductionIsExactTest.findings(unreduced), ReductionIsExactTest.findings(all),
                    s.name() + " " + p + " against the unreduced search");
            assertEquals(ReductionIsExactTest.findings(pinnerOnly), ReductionIsExactTest.findings(all),
                    s.name() + " " + p + " against the pinner-only reduction");
            assertTrue(all.states() <= unreduced.states(), s.name() + " " + p);
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void witnessesThroughRunsReplayToTheirResults(Policy p) {
        for (ScenarioSpec s : List.of(resetRace(5, 1), resetRace(4, 2))) {
            Simulation sim = T.sim(s, p);
            ExplorationReport r = sim.explore(ExploreOptions.defaults(), null);
            assertTrue(r.complete());
            for (var e : r.results()) {
                Run run = T.replay(sim, e.witness());
                assertEquals(e.result(), run.result(0), s.name() + " " + p + ": the witness of " + e.result());
            }
        }
    }

    @Test
    void aResetRacingAPinnerOver64PagesStoresFewerThanAQuarterOfTheStates() {
        ScenarioSpec s = resetRace(64, 1);
        ExplorationReport without = explore(s, Policy.BOUNDED, ExploreOptions.defaults().withInevitableSteps(false));
        ExplorationReport with = explore(s, Policy.BOUNDED, ExploreOptions.defaults());
        assertEquals(ReductionIsExactTest.findings(without), ReductionIsExactTest.findings(with));
        assertTrue(with.states() * 4 < without.states(),
                with.states() + " states with the reduction, " + without.states() + " without");
    }
}
