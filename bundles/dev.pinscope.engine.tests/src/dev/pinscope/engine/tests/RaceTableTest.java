package dev.pinscope.engine.tests;

import static dev.pinscope.engine.spec.Errno.EAGAIN;
import static dev.pinscope.engine.spec.Errno.EBUSY;
import static dev.pinscope.engine.spec.Errno.EFAULT;
import static dev.pinscope.engine.spec.Errno.EINTR;
import static dev.pinscope.engine.spec.Errno.EINVAL;
import static dev.pinscope.engine.spec.Errno.OK;
import static dev.pinscope.engine.spec.Policy.BOUNDED;
import static dev.pinscope.engine.spec.Policy.ENOENT;
import static dev.pinscope.engine.spec.Policy.GUP_STYLE;
import static dev.pinscope.engine.spec.Policy.GUP_STYLE_DROP_LOCK;
import static dev.pinscope.engine.spec.Policy.PATCH_V1;
import static dev.pinscope.engine.spec.Policy.PRE_PATCH;
import static dev.pinscope.engine.tests.T.G;
import static dev.pinscope.engine.tests.T.VA;
import static dev.pinscope.engine.tests.T.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KERNEL-MODEL.md §10, row by row: each named interleaving as a scripted schedule with its exact result, and
 * each scenario explored for the exact set of reachable results, under every policy the row lists (plus the
 * two policies §9 adds: (d') and (e)). Scenarios are builder-made; ShippedExamplesTest covers the files.
 */
class RaceTableTest {
    static final Policy[] ALL = Policy.values();

    private static void scriptedEach(ScenarioSpec s, Map<Policy, Errno> expected) {
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), T.result(s, e.getKey()), "scripted result under " + e.getKey());
        }
    }

    private static void reachEach(ScenarioSpec s, Map<Policy, Set<Errno>> expected) {
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), T.reach(s, e.getKey()), "reachable results under " + e.getKey());
        }
    }

    // ---------------------------------------------------------------------------------------------- row 1

    @ParameterizedTest
    @EnumSource(Policy.class)
    void row1PinnerAloneMapsTheWholeGiB(Policy p) {
        ScenarioSpec s = T.bar(G, G).build();
        Run r = T.scripted(s, p);
        assertEquals(OK, r.result(0));
        assertEquals(G >> 12, r.actor(0).pinnedPages());
        assertEquals(1, T.count(r, "FAULT_INSERT"), "one fault installs the PUD leaf");
        assertEquals(set(OK), T.reach(s, p));
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void row1LeafAlreadyPresentNeedsNoFault(Policy p) {
        ScenarioSpec s = T.bar(G, G).entry(VA, Level.PUD, T.PFN0, true).build();
        Run r = T.scripted(s, p);
        assertEquals(OK, r.result(0));
        assertEquals(0, T.count(r, "FIXUP"), "F1 succeeds, fixup_user_fault is never called");
        assertEquals(set(OK), T.reach(s, p));
    }

    // ---------------------------------------------------------------------------------------------- row 2

    static ScenarioSpec row2() {
        SpecBuilder b = T.bar(G, G);
        int w = b.walker("W", 0, 1);
        return b.until(0, "F2_READ").step(w, -1).step(0, -1).build();
    }

    @Test
    void row2WalkerSplitInW1() {
        ScenarioSpec s = row2();
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, BOUNDED, OK, GUP_STYLE, OK, GUP_STYLE_DROP_LOCK, OK,
                ENOENT, OK));
        reachEach(s, Map.of(PRE_PATCH, set(OK, EINVAL), PATCH_V1, set(OK), BOUNDED, set(OK), GUP_STYLE, set(OK),
                GUP_STYLE_DROP_LOCK, set(OK), ENOENT, set(OK)));
        Run v1 = T.scripted(s, PATCH_V1);
        assertEquals(1, T.count(v1, "RETRY"), "exactly one retry");
        assertEquals(2, T.count(v1, "FAULT_INSERT"), "the retry refaults the PUD leaf");
    }

    // ---------------------------------------------------------------------------------------------- row 3

    /** A walker that hits W1 exactly k times (lockstep), then the pinner runs free. N = maxRetries. */
    static ScenarioSpec row3(int k, int n) {
        SpecBuilder b = T.bar(G, G).maxRetries(n);
        int w = b.walker("W", 0, k);
        for (int i = 0; i < k; i++) {
            b.addStep(new dev.pinscope.engine.spec.ScheduleStepSpec(0, -1, "F2_READ", i > 0));
            b.step(w, 3); // one walk: lock, split, unlock
        }
        return b.addStep(new dev.pinscope.engine.spec.ScheduleStepSpec(0, -1, null, true)).build();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void row3StormOfKZapsWithN3(int k) {
        int n = 3;
        ScenarioSpec s = row3(k, n);
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, GUP_STYLE, OK, ENOENT, OK, GUP_STYLE_DROP_LOCK, OK,
                BOUNDED, k <= n ? OK : EBUSY));
        Run v1 = T.scripted(s, PATCH_V1);
        assertEquals(k, T.count(v1, "RETRY"), "v1 retries exactly k times");
        Run b = T.scripted(s, BOUNDED);
        assertEquals(Math.min(k, n + 1), T.count(b, "F2_FAIL"), "BOUNDED sees min(k, N+1) F2 failures");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void row3ReachableResults(int k) {
        int n = 3;
        ScenarioSpec s = row3(k, n);
        reachEach(s, Map.of(PRE_PATCH, set(OK, EINVAL), PATCH_V1, set(OK), GUP_STYLE, set(OK),
                BOUNDED, k <= n ? set(OK) : set(OK, EBUSY)));
    }

    @Test
    void row3BoundaryKEqualsNAndNPlusOneForSeveralN() {
        for (int n : new int[] {0, 1, 2}) {
            assertEquals(OK, T.result(row3(n == 0 ? 1 : n, n == 0 ? 1 : n), BOUNDED), "k = N = " + n);
            assertEquals(EBUSY, T.result(row3(n + 1, n), BOUNDED), "k = N+1, N = " + n);
        }
    }

    // ---------------------------------------------------------------------------------------------- row 4/5

    static SpecBuilder row4(int n) {
        SpecBuilder b = T.bar(G, G).maxRetries(n);
        b.walker("W", 0, -1);
        return b;
    }

    @Test
    void row4AdversarialWalkerForever() {
        ScenarioSpec s = row4(2).until(0, "F2_READ").until(1, "SPLIT").step(1, 1).build();
        assertEquals(EINVAL, T.result(s, PRE_PATCH));
        reachEach(s, Map.of(PRE_PATCH, set(OK, EINVAL), PATCH_V1, set(OK), BOUNDED, set(OK, EBUSY), GUP_STYLE,
                set(OK), GUP_STYLE_DROP_LOCK, set(OK), ENOENT, set(OK)));
    }

    @Test
    void row4LockstepNeverReturnsUnderV1AndGupStyleButBoundedGivesEbusy() {
        // 40 lockstep rounds: the walker splits the PUD leaf in every W1
        ScenarioSpec s = row4(3).build();
        for (Policy p : new Policy[] {PATCH_V1, GUP_STYLE, ENOENT, GUP_STYLE_DROP_LOCK, BOUNDED}) {
            Run r = T.sim(s, p).newRun();
            int rounds = 0;
            while (rounds < 40 && T.until(r, 0, "F2_READ")) {
                assertTrue(T.until(r, 1, "SPLIT"));
                r.step(1);
                r.step(1);
                rounds++;
            }
            if (p == BOUNDED) {
                while (r.isRunnable(0)) {
                    r.step(0);
                }
                assertEquals(EBUSY, r.result(0));
                assertEquals(4, T.count(r, "F2_FAIL"), "-EBUSY after N+1 = 4 F2 failures");
                assertEquals(4, rounds, "the 5th round finds the pinner finished");
            } else {
                assertEquals(40, rounds);
                assertNull(r.result(0), p + " must not return during the lockstep");
                assertEquals(39, T.count(r, "RETRY"), p + " retried after every hit");
            }
        }
    }

    @Test
    void row5SignalBeforeTheFirstFixupGivesEintrEverywhere() {
        SpecBuilder b = row4(2);
        int k = b.signal("K", 0);
        ScenarioSpec s = b.step(k, 1).step(0, -1).build();
        for (Policy p : ALL) {
            assertEquals(EINTR, T.result(s, p), p.name());
        }
    }

    @Test
    void row5SignalDuringTheLoop() {
        SpecBuilder b = row4(5);
        int k = b.signal("K", 0);
        // lockstep hit, then SIGKILL while the pinner sits at FIXUP of the retry
        ScenarioSpec s = b.until(0, "F2_READ").until(1, "SPLIT").step(1, 1)
                .addStep(new dev.pinscope.engine.spec.ScheduleStepSpec(0, -1, "FIXUP", true)).step(k, 1)
                .addStep(new dev.pinscope.engine.spec.ScheduleStepSpec(0, -1, null, true)).build();
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, EINTR, BOUNDED, EINTR, GUP_STYLE, EINTR, ENOENT, EINTR,
                GUP_STYLE_DROP_LOCK, EINTR));
        // signal while the pinner is at the RETRY line: GUP-style stops at its loop-head check, v1 at FIXUP
        SpecBuilder b2 = row4(5);
        int k2 = b2.signal("K", 0);
        ScenarioSpec s2 = b2.until(0, "F2_READ").until(1, "SPLIT").step(1, 1)
                .addStep(new dev.pinscope.engine.spec.ScheduleStepSpec(0, -1, "RETRY", true)).step(k2, 1)
                .addStep(new dev.pinscope.engine.spec.ScheduleStepSpec(0, -1, null, true)).build();
        Run gup = T.scripted(s2, GUP_STYLE);
        assertEquals(EINTR, gup.result(0));
        assertEquals(1, T.count(gup, "FIXUP"), "GUP-style returns at the RETRY check: no second FIXUP");
        Run v1 = T.scripted(s2, PATCH_V1);
        assertEquals(EINTR, v1.result(0));
        assertEquals(2, T.count(v1, "FIXUP"), "v1 notices the signal only in the next FIXUP (KILLABLE check)");
    }

    @Test
    void row5SignalAfterTheMapHasNoEffect() {
        SpecBuilder b = T.bar(G, G);
        int w = b.walker("W", 0, 1);
        int k = b.signal("K", 0);
        ScenarioSpec s = b.until(0, "F2_READ").step(w, -1).step(0, -1).step(k, 1).build();
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, BOUNDED, OK, GUP_STYLE, OK));
    }

    @Test
    void row5ReachableResultsWithSignalAndForeverWalker() {
        SpecBuilder b = row4(2);
        b.signal("K", 0);
        ScenarioSpec s = b.build();
        reachEach(s, Map.of(PRE_PATCH, set(OK, EINVAL, EINTR), PATCH_V1, set(OK, EINTR), BOUNDED,
                set(OK, EBUSY, EINTR), GUP_STYLE, set(OK, EINTR), ENOENT, set(OK, EINTR)));
        // the pending SIGKILL ends every loop: under weak fairness no livelock remains
        for (Policy p : new Policy[] {PATCH_V1, GUP_STYLE}) {
            assertFalse(T.explore(s, p).hasLivelock("P"), p.name());
        }
    }

    // ---------------------------------------------------------------------------------------------- rows 6-9

    static ScenarioSpec zapInW1(ZapTrigger t) {
        SpecBuilder b = T.bar(G, G);
        int z = b.zapper("Z", 0, t, 1);
        return b.until(0, "F2_READ").step(z, -1).step(0, -1).build();
    }

    /**
     * What a zap that disables memory (rows 6 and 7) can give over all schedules: -EFAULT when the fault finds
     * memory disabled, and PRE_PATCH's -EINVAL when the zap falls between F1 and F2.
     */
    private static Map<Policy, Set<Errno>> zapInW1Reachable() {
        return Map.of(PRE_PATCH, set(OK, EINVAL, EFAULT), PATCH_V1, set(OK, EFAULT), BOUNDED, set(OK, EFAULT),
                GUP_STYLE, set(OK, EFAULT));
    }

    @Test
    void row6CommandMemoryDisableInW1() {
        ScenarioSpec s = zapInW1(ZapTrigger.COMMAND_MEMORY_DISABLE);
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, EFAULT, BOUNDED, EFAULT, GUP_STYLE, EFAULT, ENOENT,
                EFAULT, GUP_STYLE_DROP_LOCK, EFAULT));
        reachEach(s, zapInW1Reachable());
    }

    @Test
    void row6ZapBeforeTheFirstFaultGivesEfaultEverywhere() {
        SpecBuilder b = T.bar(G, G);
        int z = b.zapper("Z", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        ScenarioSpec s = b.step(z, -1).step(0, -1).build();
        for (Policy p : ALL) {
            assertEquals(EFAULT, T.result(s, p), p.name());
        }
    }

    @Test
    void row7BarSizingMemoryReenabledBeforeTheRetryFault() {
        ScenarioSpec s = zapInW1(ZapTrigger.BAR_SIZING);
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, BOUNDED, OK, GUP_STYLE, OK));
        reachEach(s, zapInW1Reachable());
    }

    @Test
    void row7BarSizingMemoryReenabledAfterTheRetryFault() {
        SpecBuilder b = T.bar(G, G);
        int z = b.zapper("Z", 0, ZapTrigger.BAR_SIZING, 1);
        // zap + MEMORY=0 + up_write, then the pinner's retry fault sees memory disabled → SIGBUS
        ScenarioSpec s = b.until(0, "F2_READ").until(z, "Z_BAR").step(0, -1).step(z, -1).build();
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, EFAULT, BOUNDED, EFAULT, GUP_STYLE, EFAULT));
    }

    @Test
    void row8DeviceResetBlocksTheRetryFaultUntilItIsDone() {
        SpecBuilder b = T.bar(G, G);
        int z = b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        ScenarioSpec s = b.until(0, "F2_READ").until(z, "Z_STATE").build();
        for (Policy p : new Policy[] {PATCH_V1, BOUNDED, GUP_STYLE}) {
            Run r = T.sim(s, p).newRun();
            assertTrue(T.until(r, 0, "F2_READ"));
            assertTrue(T.until(r, z, "Z_STATE"));
            // the pinner retries and blocks on down_read(memory_lock) while the reset holds it for write
            while (r.isRunnable(0)) {
                r.step(0);
            }
            ActorView pv = r.actor(0);
            assertEquals(ActorView.Status.BLOCKED, pv.status());
            assertTrue(pv.waitingFor().startsWith("memory_lock"), pv.waitingFor());
            assertEquals("vfio_pci_mmap_huge_fault", pv.frames().get(0).function());
            while (r.isRunnable(z)) {
                r.step(z);
            }
            while (r.isRunnable(0)) {
                r.step(0);
            }
            assertEquals(OK, r.result(0), p.name());
        }
        ScenarioSpec s2 = zapInW1(ZapTrigger.DEVICE_RESET);
        scriptedEach(s2, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, BOUNDED, OK, GUP_STYLE, OK));
        reachEach(s2, Map.of(PRE_PATCH, set(OK, EINVAL), PATCH_V1, set(OK), BOUNDED, set(OK), GUP_STYLE, set(OK)));
        ScenarioSpec hot = zapInW1(ZapTrigger.HOT_RESET);
        scriptedEach(hot, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, GUP_STYLE, OK));
    }

    @ParameterizedTest
    @EnumSource(value = ZapTrigger.class, names = {"LOW_POWER_ENTRY", "D3HOT"})
    void row9LowPowerGivesEfault(ZapTrigger t) {
        ScenarioSpec s = zapInW1(t);
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, EFAULT, BOUNDED, EFAULT, GUP_STYLE, EFAULT));
        reachEach(s, Map.of(PRE_PATCH, set(OK, EINVAL, EFAULT), PATCH_V1, set(OK, EFAULT), GUP_STYLE, set(OK, EFAULT)));
    }

    // ---------------------------------------------------------------------------------------------- row 10

    static SpecBuilder row10(boolean recheck, boolean present) {
        SpecBuilder b = T.bar(G, G);
        b.kernel(b.kernel().withRecheck(recheck));
        if (present) {
            b.entry(VA, Level.PUD, T.PFN0, true);
        }
        b.walker("W", 0, 1);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void row10PreFixZapInW0GivesStalePfnSuccess(Policy p) {
        ScenarioSpec s = row10(false, true).until(0, "F1_LOCK").step(1, -1).step(0, -1).build();
        RunResult rr = T.scriptedResult(s, p);
        assertEquals(OK, rr.first().result());
        assertTrue(rr.first().stalePfn(), "the PFN came from the zapped entry");
        ExplorationReport r = T.explore(s, p);
        assertTrue(r.hasViolation("P"), "explorer reports the stale-PFN violation");
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void row10PostFixZapInW0AtF1RefaultsAndSucceeds(Policy p) {
        ScenarioSpec s = row10(true, true).until(0, "F1_LOCK").step(1, -1).step(0, -1).build();
        RunResult rr = T.scriptedResult(s, p);
        assertEquals(OK, rr.first().result());
        assertFalse(rr.first().stalePfn());
        assertFalse(T.explore(s, p).hasViolation("P"), "no stale PFN with recheckUnderLock");
    }

    @Test
    void row10PostFixZapInW0AtF2() {
        ScenarioSpec s = row10(true, false).until(0, "F2_LOCK").step(1, -1).step(0, -1).build();
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, BOUNDED, OK, GUP_STYLE, OK));
        // with the memory disabled in W0 at F1 the refault gets SIGBUS
        SpecBuilder b = T.bar(G, G).entry(VA, Level.PUD, T.PFN0, true);
        int z = b.zapper("Z", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        ScenarioSpec s2 = b.until(0, "F1_LOCK").step(z, -1).step(0, -1).build();
        scriptedEach(s2, Map.of(PRE_PATCH, EFAULT, PATCH_V1, EFAULT, GUP_STYLE, EFAULT));
    }

    // ---------------------------------------------------------------------------------------------- row 11

    static SpecBuilder row11() {
        SpecBuilder b = new SpecBuilder().maxRetries(2);
        int v = b.vma("ttm-bo", VA, VA + 2 * SpecBuilder.MiB, VmFlags.VFIO_BAR_RW, -1, -1, 0x100000,
                FaultBehavior.DROPS_LOCK);
        b.pinner("P", VA, 4096, true);
        b.unmapper("M", v);
        return b;
    }

    @Test
    void row11MunmapInTheUnlockedWindowLeaksAStaleEagain() {
        ScenarioSpec s = row11().until(0, "FIXUP_RELOCK").step(1, -1).step(0, -1).build();
        for (Policy p : ALL) {
            assertEquals(EAGAIN, T.result(s, p), p.name());
        }
        // an implementation that resets ret at retry: returns -EFAULT instead
        SimulationOptions reset = SimulationOptions.defaults().withResetRetOnRetry(true);
        for (Policy p : ALL) {
            RunResult rr = T.sim(s, reset.withPolicy(p)).run(new dev.pinscope.engine.Scheduler.Scripted(s.schedule()));
            assertEquals(EFAULT, rr.first().result(), p.name());
        }
        for (Policy p : ALL) {
            assertEquals(set(OK, EAGAIN, EFAULT), T.reach(s, p), p.name());
        }
    }

    @Test
    void row11WithoutMunmapTheUnlockedRetrySucceeds() {
        SpecBuilder b = row11();
        ScenarioSpec s = b.step(0, -1).step(1, -1).build();
        Run r = T.scripted(s, PATCH_V1);
        assertEquals(OK, r.result(0));
        assertEquals(1, T.count(r, "FAULT_DROP"));
        assertEquals(1, T.count(r, "RETRY"), "unlocked → follow_fault_pfn returns -EAGAIN → one retry");
    }

    // ---------------------------------------------------------------------------------------------- row 12

    @ParameterizedTest
    @EnumSource(Policy.class)
    void row12WriteToReadOnlyMappingIsEfaultWithoutLoop(Policy p) {
        SpecBuilder b = T.bar(G, G);
        b.vmaFlags(0, VmFlags.VFIO_BAR_RW & ~VmFlags.VM_WRITE);
        ScenarioSpec s = b.build();
        Run r = T.scripted(s, p);
        assertEquals(EFAULT, r.result(0));
        assertEquals(0, T.count(r, "RETRY"));
        assertEquals(set(EFAULT), T.reach(s, p));
        // entry present but not writable: F1 succeeds, the write check after it fails
        ScenarioSpec s2 = T.bar(G, G).entry(VA, Level.PUD, T.PFN0, false).build();
        Run r2 = T.scripted(s2, p);
        assertEquals(EFAULT, r2.result(0));
        assertEquals(0, T.count(r2, "FIXUP"));
        assertFalse(T.explore(s2, p).hasLivelock("P"));
    }

    // ---------------------------------------------------------------------------------------------- row 13

    static SpecBuilder row13(int pages, int resets, int n) {
        SpecBuilder b = T.bar(G, pages * 4096L).maxRetries(n);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, resets);
        return b;
    }

    @Test
    void row13FourKOnlyEveryPageIsItsOwnCall() {
        ScenarioSpec alone = T.bar(G, 4 * 4096L).kernel(KernelSpecs.never()).build();
        Run r = T.scripted(alone, PATCH_V1);
        assertEquals(OK, r.result(0));
        assertEquals(4, T.count(r, "P_LOCK"), "one vaddr_get_pfns (mmap lock round trip) per 4K page");
        assertEquals(4, r.actor(0).pinnedPages());
        ScenarioSpec s = row13(4, 1, 2).until(0, "F2_READ").step(1, -1).step(0, -1).build();
        scriptedEach(s, Map.of(PRE_PATCH, EINVAL, PATCH_V1, OK, BOUNDED, OK, GUP_STYLE, OK));
        reachEach(s, Map.of(PRE_PATCH, set(OK, EINVAL), PATCH_V1, set(OK), BOUNDED, set(OK), GUP_STYLE, set(OK)));
    }

    @Test
    void row13BoundedGivesEbusyOnlyWhenOnePageExceedsN() {
        // two resets on the same page with N = 1 → -EBUSY; on two different pages → OK
        ScenarioSpec same = row13(2, 2, 1).until(0, "F2_READ").step(1, 4).until(0, "F2_READ").step(1, 4)
                .step(0, -1).build();
        assertEquals(EBUSY, T.result(same, BOUNDED));
        ScenarioSpec different = row13(2, 2, 1).until(0, "F2_READ").step(1, 4).until(0, "P_UNLOCK")
                .until(0, "F2_READ").step(1, 4).step(0, -1).build();
        assertEquals(OK, T.result(different, BOUNDED));
        assertEquals(2, T.count(T.scripted(different, BOUNDED), "RETRY"));
        assertEquals(set(OK, EBUSY), T.reach(row13(2, 2, 1).build(), BOUNDED));
        assertEquals(set(OK), T.reach(row13(2, 2, 1).build(), PATCH_V1));
    }

    // ---------------------------------------------------------------------------------------------- row 14

    static SpecBuilder row14() {
        SpecBuilder b = T.bar(G, 2 * 4096L);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.unmapper("M", 0);
        return b;
    }

    @Test
    void row14MunmapBetweenCallsFailsTheWholeMap() {
        ScenarioSpec s = row14().until(0, "P_UNLOCK").step(0, 1).step(1, -1).step(0, -1).build();
        for (Policy p : ALL) {
            Run r = T.scripted(s, p);
            assertEquals(EFAULT, r.result(0), p.name());
            assertEquals(0, r.actor(0).pinnedPages(), "the first page is unwound too");
        }
        for (Policy p : ALL) {
            assertEquals(set(OK, EFAULT), T.reach(row14().build(), p), p.name());
        }
    }

    @Test
    void row14MunmapWaitsWhileThePinnerHoldsTheMmapLock() {
        Run r = T.sim(row14().build(), PATCH_V1).newRun();
        r.step(0); // MAP_LOOP
        r.step(0); // PPR_LOOP
        r.step(0); // P_LOCK
        assertFalse(r.isRunnable(1), "mmap_write_lock must wait for the pinner's read lock");
        assertEquals(java.util.List.of(0), r.runnableActors());
        assertEquals(ActorView.Status.BLOCKED, r.actor(1).status());
        assertEquals("mmap_lock (write)", r.actor(1).waitingFor());
    }

    @Test
    void row14DropLockVariantSeesTheMunmapMidLoop() {
        // (d') drops the mmap lock before each retry: a munmap can land mid-loop. As the kernel code stands
        // the retried vma_lookup() fails with ret still -EAGAIN (the §1.3 quirk); with ret reset: -EFAULT.
        SpecBuilder b = T.bar(G, G);
        b.walker("W", 0, 1);
        b.unmapper("M", 0);
        ScenarioSpec s = b.build();
        assertTrue(T.reach(s, GUP_STYLE_DROP_LOCK).contains(EAGAIN));
        assertFalse(T.reach(s, GUP_STYLE).contains(EAGAIN), "without dropping the lock no stale -EAGAIN");
        ExplorationReport r = T.explore(s, SimulationOptions.defaults().withPolicy(GUP_STYLE_DROP_LOCK)
                .withResetRetOnRetry(true), ExploreOptions.defaults());
        assertFalse(r.resultsOf("P").contains(EAGAIN));
        assertTrue(r.resultsOf("P").contains(EFAULT));
    }

    // ---------------------------------------------------------------------------------------------- row 15

    static SpecBuilder row15(int n) {
        SpecBuilder b = new SpecBuilder().maxRetries(n);
        b.vma("gpu-bo", VA, VA + G, VmFlags.VFIO_BAR_RW, -1, -1, 0, FaultBehavior.NO_INSTALL);
        b.pinner("P", VA, G, true);
        return b;
    }

    @Test
    void row15FaultWithoutInstall() {
        ScenarioSpec s = row15(3).maxSteps(5_000).build();
        assertEquals(EINVAL, T.result(s, PRE_PATCH));
        Run b = T.scripted(s, BOUNDED);
        assertEquals(EBUSY, b.result(0));
        assertEquals(4, T.count(b, "F2_FAIL"), "-EBUSY after N+1 F2 failures");
        for (Policy p : new Policy[] {PATCH_V1, GUP_STYLE, ENOENT, GUP_STYLE_DROP_LOCK}) {
            RunResult rr = T.scriptedResult(s, p);
            assertEquals(RunResult.Status.MAX_STEPS, rr.status(), p + " loops with no concurrency at all");
            assertNull(rr.first().result());
        }
        reachEach(s, Map.of(PRE_PATCH, set(EINVAL), BOUNDED, set(EBUSY), PATCH_V1, set(), GUP_STYLE, set()));
        SpecBuilder withKill = row15(3);
        withKill.signal("K", 0);
        ScenarioSpec k = withKill.build();
        reachEach(k, Map.of(PRE_PATCH, set(EINVAL, EINTR), BOUNDED, set(EBUSY, EINTR), PATCH_V1, set(EINTR),
                GUP_STYLE, set(EINTR)));
    }

    /** Small helper for kernel variants used above. */
    static final class KernelSpecs {
        static dev.pinscope.engine.spec.KernelSpec never() {
            return dev.pinscope.engine.spec.KernelSpec.defaults().withThp(ThpMode.NEVER);
        }
    }
}
