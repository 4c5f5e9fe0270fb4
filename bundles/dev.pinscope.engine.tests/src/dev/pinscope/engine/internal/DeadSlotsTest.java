package dev.pinscope.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two equations that make the dead-slot canonicalization c exact, checked on every state of the unreduced
 * state space of small scenarios (every actor's step from every reachable state): c keeps what every actor can
 * do (runnable or waiting for the same lock, the same partial-order choice) and c(step(s, a)) = c(step(c(s), a))
 * with the same result; c is idempotent. Together they make c a functional bisimulation, so the search over
 * canonical states finds what the search over all states finds (DeadSlotReductionIsExactTest checks that too).
 */
class DeadSlotsTest {
    private static final long VA = SpecBuilder.BAR_VA;
    private static final long PFN0 = SpecBuilder.BAR_PA >>> 12;

    private static SpecBuilder pages(int n) {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).maxRetries(2);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.pinner("P", VA, n * 4096L, true);
        return b;
    }

    static List<ScenarioSpec> scenarios() {
        List<ScenarioSpec> out = new ArrayList<>();
        SpecBuilder a = pages(4).policy(Policy.BOUNDED);
        a.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        out.add(a.build());
        SpecBuilder b = pages(3);
        b.entry(VA + 3 * 4096L, Level.PTE, PFN0 + 3, true); // mapped, outside the pinned range: only Z reads it
        b.zapper("Z", 0, ZapTrigger.BAR_SIZING, 2);
        b.cpu("C", VA + 4096, false, 1);
        b.signal("K", 0);
        out.add(b.build());
        SpecBuilder c = pages(3).policy(Policy.GUP_STYLE_DROP_LOCK);
        c.zapper("Z", 0, ZapTrigger.HOT_RESET, 1);
        c.walker("W", 0, 1);
        c.pinner("Q", VA + 3 * 4096L, 4096L, false);
        out.add(c.build());
        SpecBuilder d = SpecBuilder.vfioBar(SpecBuilder.GiB).maxRetries(1); // 2 MiB PMD leaves, a 1 GiB pinner
        d.kernel(d.kernel().withPfnmap(false, true).withRecheck(false));
        d.pinner("P", VA, 4 * SpecBuilder.MiB, true);
        d.zapper("Z", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        d.walker("W", 0, 1);
        out.add(d.build());
        SpecBuilder e = SpecBuilder.vfioBar(SpecBuilder.GiB).maxRetries(1); // one 1 GiB PUD leaf, split by a walker
        e.pinner("P", VA, SpecBuilder.GiB, true);
        e.walker("W", 0, 2);
        e.cpu("C", VA + 4096, true, 1);
        e.signal("K", 0);
        out.add(e.build());
        return out;
    }

    @Test
    void canonicalStatesBehaveAsTheStatesTheyStandFor() {
        int changed = 0;
        for (ScenarioSpec spec : scenarios()) {
            for (Policy p : new Policy[] {spec.policy(), Policy.PATCH_V1, Policy.BOUNDED}) {
                Machine m = Machine.create(spec, p, spec.maxRetries(), 100_000, SimulationOptions.defaults());
                DeadSlots dead = DeadSlots.of(m);
                assertTrue(dead != null, spec.name() + ": a scenario without munmap can be reduced");
                StateStore seen = new StateStore(m.words());
                List<long[]> queue = new ArrayList<>();
                queue.add(m.initial());
                seen.add(m.initial(), -1, 0);
                for (int head = 0; head < queue.size(); head++) {
                    long[] s = queue.get(head);
                    long[] c = canonical(dead, s);
                    assertArrayEquals(c, canonical(dead, c), "idempotent");
                    if (!Arrays.equals(s, c)) {
                        changed++;
                    }
                    for (int a = 0; a < m.actorCount(); a++) {
                        String what = spec.name() + " " + p + " state " + head + " actor " + m.actorName(a);
                        assertEquals(m.waitCode(s, a), m.waitCode(c, a), what + ": the same wait");
                        if (!m.runnable(s, a)) {
                            continue;
                        }
                        assertEquals(m.localNext(s, a), m.localNext(c, a), what + ": the same reduction choice");
                        long[] t = s.clone();
                        m.step(t, a, null);
                        long[] u = c.clone();
                        m.step(u, a, null);
                        assertArrayEquals(canonical(dead, t), canonical(dead, u), what + ": c(step(s)) = c(step(c(s)))");
                        long[] w = u.clone();
                        dead.canonicalize(c, w, a); // what the explorer does: the parent is already canonical
                        assertArrayEquals(canonical(dead, u), w, what + ": the pass after a step resets what c does");
                        assertEquals(m.result(t, a), m.result(u, a), what);
                        assertEquals(m.stalePfnUsed(t, a), m.stalePfnUsed(u, a), what);
                        if (seen.add(t, head, a) >= 0) {
                            queue.add(t);
                        }
                    }
                }
                assertTrue(queue.size() < 400_000, spec.name() + ": small enough to check every state");
            }
        }
        assertTrue(changed > 0, "some reachable state has a dead slot that is not yet 0");
    }

    private static long[] canonical(DeadSlots dead, long[] s) {
        long[] c = s.clone();
        dead.canonicalize(c);
        return c;
    }

    @Test
    void munmapReadsEverySlotSoNothingIsReduced() {
        SpecBuilder b = pages(2);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        b.unmapper("M", 0);
        assertNull(DeadSlots.of(Machine.create(b.build(), Policy.PATCH_V1, 2, 100_000, SimulationOptions.defaults())));
    }
}
