package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Level;
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
 * The dead-slot reduction (page-table slots no actor can read again are reset before a state is stored) against
 * the search without it ({@code ExploreOptions.withDeadSlotReduction(false)}), on every shipped example, the
 * partial-order reduction's scenarios and generated multi-page scenarios: the same results with shortest-witness
 * lengths, violations (and their witness lengths), livelocks, starvations and deadlocks, under every policy, with
 * and without the partial-order reduction; never more states, and strictly fewer where a pinner or a zapper
 * leaves pages behind.
 */
class DeadSlotReductionIsExactTest {
    /** Multi-page 4K scenarios: zappers that fire once, twice or forever, CPU threads, walkers, SIGKILL, munmap. */
    static List<ScenarioSpec> generated() {
        List<ScenarioSpec> out = new ArrayList<>();
        ZapTrigger[] triggers = {ZapTrigger.DEVICE_RESET, ZapTrigger.COMMAND_MEMORY_DISABLE, ZapTrigger.BAR_SIZING,
                ZapTrigger.HOT_RESET, ZapTrigger.COMMAND_MEMORY_ENABLE};
        Random r = new Random(20261201L);
        for (int i = 0; i < 14; i++) {
            int pages = 2 + r.nextInt(3);
            SpecBuilder b = T.bar(T.G, pages * 4096L).maxRetries(1 + r.nextInt(2)).name("generated " + i);
            b.kernel(b.kernel().withThp(ThpMode.NEVER).withRecheck(r.nextInt(4) != 0));
            if (r.nextBoolean()) {
                int k = r.nextInt(pages + 1); // a page already mapped, maybe just past the pinned range
                b.entry(T.VA + 4096L * k, Level.PTE, T.PFN0 + k, true);
            }
            b.zapper("Z", 0, triggers[r.nextInt(triggers.length)], i % 5 == 4 ? -1 : 1 + r.nextInt(2));
            if (r.nextInt(3) == 0) {
                b.cpu("C", T.VA + 4096L * r.nextInt(pages), r.nextBoolean(), 1);
            }
            if (r.nextInt(4) == 0) {
                b.walker("W", 0, 1);
            }
            if (r.nextInt(3) == 0) {
                b.signal("K", 0);
            }
            if (i == 6) {
                b.unmapper("M", 0); // munmap reads every slot: nothing is reduced
            }
            if (i == 9) {
                b.pinner("Q", T.VA + 4096L * pages, 4096L, false); // a second pinner, right behind the first
            }
            out.add(b.build());
        }
        // the benchmark's shape, small: one reset while a pinner walks 6 pages
        SpecBuilder c = T.bar(T.G, 6 * 4096L).policy(Policy.BOUNDED).maxRetries(2).name("6x4K, reset x1");
        c.kernel(c.kernel().withThp(ThpMode.NEVER));
        c.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        out.add(c.build());
        return out;
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void withAndWithoutTheDeadSlotReductionTheSearchFindsTheSame(Policy p) {
        long removed = 0;
        List<ScenarioSpec> generated = generated();
        List<ScenarioSpec> all = new ArrayList<>(ReductionIsExactTest.scenarios()); // shipped examples + POR's
        all.addAll(generated);
        for (ScenarioSpec s : all) {
            SimulationOptions o = SimulationOptions.defaults().withPolicy(p);
            // with every reduction (what users run) and with the pinner-only partial-order reduction everywhere,
            // without partial-order reduction on the generated ones
            List<ExploreOptions> variants = new ArrayList<>(List.of(ExploreOptions.defaults(),
                    ExploreOptions.defaults().withInevitableSteps(false)));
            if (generated.contains(s)) {
                variants.add(ExploreOptions.defaults().withPartialOrderReduction(false));
            }
            for (ExploreOptions on : variants) {
                ExplorationReport off = T.explore(s, o, on.withDeadSlotReduction(false));
                ExplorationReport red = T.explore(s, o, on);
                String what = s.name() + " " + p + (!on.partialOrderReduction() ? " without partial-order reduction"
                        : on.inevitableSteps() ? "" : " with the pinner-only partial-order reduction");
                assertEquals(ReductionIsExactTest.findings(off), ReductionIsExactTest.findings(red), what);
                if (!on.inevitableSteps() || !on.partialOrderReduction()) {
                    // the inevitable-step reduction's rationing depends on the order states are met in, so only
                    // without it does the dead-slot reduction never store more states
                    assertTrue(red.states() <= off.states(), what + ": " + red.states() + " > " + off.states());
                    removed += off.states() - red.states();
                }
            }
        }
        assertTrue(removed > 0, p + ": the dead-slot reduction stored strictly fewer states somewhere");
    }

    @Test
    void aResetWhileThePinnerWalksItsPagesStoresFewerStates() {
        ScenarioSpec s = generated().getLast();
        SimulationOptions o = SimulationOptions.defaults().withPolicy(Policy.BOUNDED);
        ExplorationReport off = T.explore(s, o, ExploreOptions.defaults().withDeadSlotReduction(false));
        ExplorationReport red = T.explore(s, o, ExploreOptions.defaults());
        // the pages behind the pinner, once the reset has passed them, no longer tell states apart
        assertTrue(red.states() * 5 < off.states() * 4, red.states() + " states with it, " + off.states() + " without");
        assertEquals(ReductionIsExactTest.findings(off), ReductionIsExactTest.findings(red));
    }
}
