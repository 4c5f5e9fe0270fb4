package dev.pinscope.engine.tests;

import static dev.pinscope.engine.tests.T.G;
import static dev.pinscope.engine.tests.T.VA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExplorationReport.Lasso;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.ZapTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Livelock = a reachable cycle in which a pinner keeps retrying and never completes (§10 #4, #15), reported as a
 * lasso; starvation of memory_lock by a zapper is a different finding (§10 notes).
 */
class LivelockTest {

    static ScenarioSpec foreverWalker() {
        SpecBuilder b = T.bar(G, G).maxRetries(2);
        b.walker("W", 0, -1);
        return b.build();
    }

    static ScenarioSpec foreverReset() {
        SpecBuilder b = T.bar(G, G).maxRetries(2);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, -1);
        return b.build();
    }

    /** Replays stem, then the loop twice: the state after each loop pass equals the state after the stem. */
    static void assertRealCycle(Simulation sim, Lasso l) {
        Run r = T.replay(sim, l.stem());
        long[] atEntry = r.packedState();
        assertFalse(l.loop().isEmpty());
        for (int pass = 0; pass < 2; pass++) {
            for (String a : l.loop()) {
                r.step(sim.actorIndex(a));
            }
            assertArrayEquals(atEntry, r.packedState(), "loop pass " + pass + " returns to the entry state");
        }
        assertNull(r.result(sim.actorIndex(l.actor())), "the pinner has not returned");
    }

    @ParameterizedTest
    @EnumSource(value = Policy.class, names = {"PATCH_V1", "GUP_STYLE", "ENOENT", "GUP_STYLE_DROP_LOCK"})
    void foreverZapperWithoutSignalLivelocksUnboundedPolicies(Policy p) {
        for (ScenarioSpec s : new ScenarioSpec[] {foreverWalker(), foreverReset()}) {
            ExplorationReport r = T.explore(s, p);
            assertTrue(r.hasLivelock("P"), p + " " + s.actors());
            Lasso l = r.livelocks().get(0);
            assertEquals(Lasso.Kind.LIVELOCK, l.kind());
            assertTrue(l.loop().contains("P"), "the pinner itself steps in the loop");
            assertRealCycle(T.sim(s, p), l);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Policy.class, names = {"PRE_PATCH", "BOUNDED"})
    void noLivelockForPrePatchAndBounded(Policy p) {
        for (ScenarioSpec s : new ScenarioSpec[] {foreverWalker(), foreverReset()}) {
            assertFalse(T.explore(s, p).hasLivelock("P"), p.name());
        }
    }

    @Test
    void foreverResetStarvesTheFaultButThatIsNotALivelock() {
        // PRE_PATCH cannot retry, yet the pinner can wait forever on down_read(memory_lock) while the reset
        // zapper takes it for write again and again (no reader fairness in the model)
        ExplorationReport r = T.explore(foreverReset(), Policy.PRE_PATCH);
        assertFalse(r.hasLivelock("P"));
        assertTrue(r.hasStarvation("P"));
        Lasso s = r.starvations().get(0);
        assertEquals(Lasso.Kind.STARVATION, s.kind());
        assertTrue(s.waitingFor().startsWith("memory_lock"), s.waitingFor());
        assertFalse(s.loop().contains("P"), "the pinner never steps in a starvation loop");
        assertRealCycle(T.sim(foreverReset(), Policy.PRE_PATCH), s);
        // the walker takes no sleeping lock the pinner needs: no starvation there
        assertFalse(T.explore(foreverWalker(), Policy.PATCH_V1).hasStarvation("P"));
    }

    @Test
    void row15LoopsUnderV1WithNoConcurrencyAtAll() {
        SpecBuilder b = new SpecBuilder();
        b.vma("bo", VA, VA + G, VmFlags.VFIO_BAR_RW, -1, -1, 0, FaultBehavior.NO_INSTALL);
        b.pinner("P", VA, G, true);
        ScenarioSpec s = b.build();
        ExplorationReport r = T.explore(s, Policy.PATCH_V1);
        assertTrue(r.hasLivelock("P"));
        assertTrue(r.resultsOf("P").isEmpty(), "the pinner can never return");
        Lasso l = r.livelocks().get(0);
        assertTrue(l.loop().stream().allMatch("P"::equals));
        assertRealCycle(T.sim(s, Policy.PATCH_V1), l);
        assertFalse(T.explore(s, Policy.BOUNDED).hasLivelock("P"));
        assertFalse(T.explore(s, Policy.PRE_PATCH).hasLivelock("P"));
        assertTrue(T.explore(s, Policy.GUP_STYLE).hasLivelock("P"));
    }

    @Test
    void weakFairnessIsWhatRemovesTheLivelockWhenASignalIsPending() {
        SpecBuilder b = T.bar(G, G);
        b.walker("W", 0, -1);
        b.signal("K", 0);
        ScenarioSpec s = b.build();
        assertFalse(T.explore(s, Policy.PATCH_V1).hasLivelock("P"));
        ExplorationReport unfair = T.explore(s, SimulationOptions.defaults().withPolicy(Policy.PATCH_V1),
                ExploreOptions.defaults().withWeakFairness(false));
        assertTrue(unfair.hasLivelock("P"), "only a schedule that never runs the SIGKILL sender loops");
        assertFalse(unfair.livelocks().get(0).loop().contains("K"));
    }

    @Test
    void finiteStormIsNoLivelock() {
        SpecBuilder b = T.bar(G, G);
        b.walker("W", 0, 3);
        for (Policy p : Policy.values()) {
            assertFalse(T.explore(b.build(), p).hasLivelock("P"), p.name());
        }
    }
}
