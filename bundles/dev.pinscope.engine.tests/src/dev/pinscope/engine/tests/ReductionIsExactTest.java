package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.internal.Machine;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.ZapTrigger;
import dev.pinscope.model.examples.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The partial-order reduction against the unreduced search on every shipped example and on generated scenarios
 * (walkers, CPU threads, zappers, SIGKILL, with and without munmap): per pinner the same results with
 * shortest-witness lengths, the same violations (and witness lengths), livelocks, starvations and deadlocks.
 * The reduction must also remove states somewhere, under every policy. It takes a pinner's step alone when the
 * step commutes with every other step (LocalStepsCommuteTest checks that on whole state spaces): its local steps,
 * and its mmap_lock read-side steps when nothing in the scenario takes mmap_lock for write.
 */
class ReductionIsExactTest {
    static List<ScenarioSpec> scenarios() {
        List<ScenarioSpec> out = new ArrayList<>();
        for (var e : Examples.list()) {
            out.add(EmfAdapter.toSpec(Examples.load(e.id()).scenario()));
        }
        out.addAll(PorAndWitnessTest.scenarios());
        SpecBuilder a = T.bar(T.G, 3 * 4096L).maxRetries(2);
        a.kernel(a.kernel().withThp(ThpMode.NEVER));
        a.walker("W", 0, 1);
        a.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 2);
        a.cpu("C", T.VA + 4096, false, 1);
        a.signal("K", 0);
        out.add(a.build());
        SpecBuilder b = T.bar(T.G, T.G).maxRetries(2);
        b.walker("W", 0, 3);
        b.cpu("C", T.VA, true, 2);
        b.zapper("Z", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        out.add(b.build());
        SpecBuilder c = T.bar(T.G, 2 * 4096L).maxRetries(1);
        c.kernel(c.kernel().withThp(ThpMode.NEVER));
        c.cpu("C", T.VA, false, 2);
        c.zapper("Z", 0, ZapTrigger.DEVICE_RESET, -1);
        c.signal("K", 0);
        out.add(c.build());
        // two pinners: one pinner's step taken alone would lengthen the other's shortest witness
        SpecBuilder d = T.bar(T.G, 2 * 4096L).maxRetries(2);
        d.kernel(d.kernel().withThp(ThpMode.NEVER));
        d.pinner("Q", T.VA + 4096, 4096L, false);
        d.zapper("Z", 0, ZapTrigger.DEVICE_RESET, -1);
        d.cpu("C", T.VA, true, 1);
        out.add(d.build());
        return out;
    }

    /** How many of a pinner's steps, running alone to its end, the reduction may take alone. */
    private static int reducibleSteps(ScenarioSpec s) {
        Machine m = Machine.create(s, Policy.PATCH_V1, 1, 100_000, SimulationOptions.defaults());
        long[] st = m.initial();
        int n = 0;
        for (int i = 0; i < 1000 && !m.done(st, 0); i++) {
            assertTrue(m.runnable(st, 0));
            if (m.localNext(st, 0)) {
                n++;
            }
            m.step(st, 0, null);
        }
        assertTrue(m.done(st, 0));
        return n;
    }

    @Test
    void thePinnersMmapLockReadStepsAreTakenAloneOnlyWhenNothingTakesItForWrite() {
        SpecBuilder alone = T.bar(T.G, T.G);
        alone.walker("W", 0, 1);
        SpecBuilder withMunmap = T.bar(T.G, T.G);
        withMunmap.walker("W", 0, 1);
        withMunmap.unmapper("M", 0);
        int without = reducibleSteps(alone.build());
        int with = reducibleSteps(withMunmap.build());
        // mmap_read_lock() and mmap_read_unlock() at least, once each per vaddr_get_pfns() call
        assertTrue(without >= with + 2, "reducible steps: " + without + " without munmap, " + with + " with it");
    }

    /** What a user reads in a report, with witnesses reduced to their lengths (their schedules may differ). */
    static Map<String, Object> findings(ExplorationReport r) {
        Map<String, Object> f = new TreeMap<>();
        r.results().forEach(e -> f.put("result " + e.actor() + " " + e.result() + " pinned " + e.pinnedPages(),
                e.witness().size()));
        r.violations().forEach(v -> f.put("violation " + v.actor() + " " + v.kind(), v.witness().size()));
        r.livelocks().forEach(l -> f.put("livelock " + l.actor(), true));
        r.starvations().forEach(l -> f.put("starvation " + l.actor() + " waiting for " + l.waitingFor(), true));
        f.put("deadlock", !r.deadlocks().isEmpty());
        f.put("complete", r.complete());
        return f;
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void reducedAndUnreducedSearchesFindTheSame(Policy p) {
        long removed = 0;
        for (ScenarioSpec s : scenarios()) {
            SimulationOptions o = SimulationOptions.defaults().withPolicy(p);
            ExplorationReport full = T.explore(s, o, ExploreOptions.defaults().withPartialOrderReduction(false));
            ExplorationReport red = T.explore(s, o, ExploreOptions.defaults());
            assertTrue(full.complete(), s.name() + " " + p + ": small enough to explore whole");
            assertEquals(findings(full), findings(red), s.name() + " " + p);
            assertTrue(red.states() <= full.states(), s.name() + " " + p);
            removed += full.states() - red.states();
        }
        assertTrue(removed > 0, p + ": the reduction stored strictly fewer states somewhere");
    }
}
