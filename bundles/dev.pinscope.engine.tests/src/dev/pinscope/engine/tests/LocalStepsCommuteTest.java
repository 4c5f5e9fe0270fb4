package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.internal.Machine;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.examples.Examples;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The partial-order reduction expands only a step marked local. That is sound only if, in every reachable
 * state, such a step commutes with every other enabled step (each leaves the other enabled, and both orders
 * reach the same state) — checked here over the whole unreduced state space of small scenarios. That it is
 * worth something (strictly fewer states) and exact (the same verdicts) is {@link ReductionIsExactTest}'s part,
 * over these scenarios and more, under every policy.
 */
class LocalStepsCommuteTest {
    private static List<ScenarioSpec> small() {
        List<ScenarioSpec> out = new ArrayList<>(PorAndWitnessTest.scenarios());
        for (String id : List.of("02-numa-maps-split-w1", "05-sigkill-mid-loop", "08-device-reset", "13-4k-only-small")) {
            out.add(EmfAdapter.toSpec(Examples.load(id).scenario()));
        }
        return out;
    }

    private static long[] after(Machine m, long[] s, int a) {
        long[] t = s.clone();
        m.step(t, a, null);
        return t;
    }

    private record Key(long[] s) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(s, k.s);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(s);
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void everyLocalStepCommutesWithEveryOtherEnabledStep(Policy p) {
        for (ScenarioSpec spec : small()) {
            Machine m = Machine.create(spec, p, Math.max(0, spec.maxRetries()), 100_000, SimulationOptions.defaults());
            Set<Key> seen = new HashSet<>();
            ArrayDeque<long[]> q = new ArrayDeque<>();
            q.add(m.initial());
            seen.add(new Key(m.initial()));
            long checked = 0;
            while (!q.isEmpty() && seen.size() < 200_000) {
                long[] s = q.poll();
                int[] enabled = LongStream.range(0, m.actorCount()).mapToInt(x -> (int) x).filter(a -> m.runnable(s, a))
                        .toArray();
                for (int a : enabled) {
                    if (m.localNext(s, a)) {
                        long[] sa = after(m, s, a);
                        for (int b : enabled) {
                            if (b == a) {
                                continue;
                            }
                            long[] sb = after(m, s, b);
                            String where = spec.name() + " " + p + ": " + m.actorName(a) + "'s local step and "
                                    + m.actorName(b) + "'s step";
                            assertTrue(m.runnable(sa, b), where + ": the local step disables the other");
                            assertTrue(m.runnable(sb, a), where + ": the other step disables the local one");
                            assertArrayEquals(after(m, sa, b), after(m, sb, a), where + " do not commute");
                            checked++;
                        }
                    }
                    long[] t = after(m, s, a);
                    if (seen.add(new Key(t))) {
                        q.add(t);
                    }
                }
            }
            assertTrue(q.isEmpty(), spec.name() + ": the state space is small enough to check whole");
            assertTrue(checked > 0 || spec.actors().size() < 2, spec.name() + " " + p + ": some pair was checked");
        }
    }
}
