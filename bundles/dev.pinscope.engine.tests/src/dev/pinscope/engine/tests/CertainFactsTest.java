package dev.pinscope.engine.tests;

import static dev.pinscope.engine.spec.Errno.EBUSY;
import static dev.pinscope.engine.spec.Errno.EFAULT;
import static dev.pinscope.engine.spec.Errno.EINTR;
import static dev.pinscope.engine.spec.Errno.OK;
import static dev.pinscope.engine.tests.T.G;
import static dev.pinscope.engine.tests.T.VA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.Run;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.PowerState;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The [S] facts of KERNEL-MODEL.md the issue lists as certain; each checked on the engine's trace. */
class CertainFactsTest {

    @ParameterizedTest
    @EnumSource(Policy.class)
    void gupFailsWithEfaultBeforeAnyFaultForPfnmap(Policy p) {
        Run r = T.scripted(T.bar(G, G).build(), p);
        List<StepRecord> t = T.trace(r);
        int gup = -1;
        int firstFault = -1;
        for (int i = 0; i < t.size(); i++) {
            if (gup < 0 && t.get(i).label().equals("GUP")) {
                gup = i;
            }
            if (firstFault < 0 && t.get(i).label().equals("HANDLE_FAULT")) {
                firstFault = i;
            }
        }
        assertTrue(gup >= 0 && firstFault > gup, "GUP step precedes the first fault");
        assertEquals("-EFAULT", t.get(gup).outcome().ret(), t.get(gup).event());
        assertEquals(0, t.get(gup).outcome().pagesPinned(), "pin_user_pages_remote() pins nothing of a VM_PFNMAP VMA");
        assertEquals("LOOKUP", t.get(gup + 1).label(), "then vma_lookup()");
    }

    /** Pages pinned by one vaddr_get_pfns() call: min(npages, leaf pages - pfn % leaf pages). */
    @ParameterizedTest
    @CsvSource({
        // pgoff (pages into the BAR), pin pages, thp, expected first-call count
        "0,      262144, ALWAYS, 262144",
        "0,      1000,   ALWAYS, 1000",
        "0,      262144, NEVER,  1",
        "5,      262144, ALWAYS, 1",
        "512,    262144, ALWAYS, 512",
    })
    void firstChunkCount(long pgoff, long pages, ThpMode thp, long expected) {
        SpecBuilder b = new SpecBuilder().kernel(dev.pinscope.engine.spec.KernelSpec.defaults().withThp(thp));
        int d = b.device("0000:01:00.0", true, PowerState.D0, false, List.of(new BarSpec(0, SpecBuilder.BAR_PA, 4 * G)));
        b.vma("bar0", VA, VA + G, VmFlags.VFIO_BAR_RW, d, 0, pgoff, FaultBehavior.VFIO_PCI);
        b.pinner("P", VA, pages * 4096, true);
        Run r = T.sim(b.build(), Policy.PATCH_V1).newRun();
        while (!r.peek(0).label().equals("PPR_CHECK")) {
            r.step(0);
        }
        StepRecord check = r.step(0);
        assertEquals(expected, check.outcome().pagesPinned(), check.event());
        assertEquals("0", check.outcome().ret());
    }

    @Test
    void pmdLeafCountsTo512MinusPfnModulo512() {
        // a 2 MiB-aligned VMA of 4 MiB whose start is mid-BAR: PUD_ORDER impossible, PMD leaves
        SpecBuilder b = new SpecBuilder();
        int d = b.device("0000:01:00.0", true, PowerState.D0, false, List.of(new BarSpec(0, SpecBuilder.BAR_PA, G)));
        b.vma("bar0", VA, VA + 4 * SpecBuilder.MiB, VmFlags.VFIO_BAR_RW, d, 0, 512, FaultBehavior.VFIO_PCI);
        // start 3 pages into the first PMD: pfn % 512 == 3 → 509 PFNs from the first leaf
        b.pinner("P", VA + 3 * 4096, 2 * SpecBuilder.MiB, true);
        Run r = T.scripted(b.build(), Policy.PATCH_V1);
        List<StepRecord> checks = T.trace(r).stream().filter(x -> x.label().equals("PPR_CHECK")).toList();
        assertEquals(509, checks.get(0).outcome().pagesPinned(), checks.get(0).event());
        assertEquals(3, checks.get(1).outcome().pagesPinned(), "second leaf capped by npages: " + checks.get(1).event());
        assertEquals(OK, r.result(0));
        assertEquals(512, r.actor(0).pinnedPages());
    }

    @Test
    void pudCountUsesTheLeafOffsetOfThePfn() {
        // pin 2 GiB starting 1 MiB into a 1 GiB-aligned BAR mapping: first leaf gives 262144 - 256 PFNs
        SpecBuilder b = new SpecBuilder();
        int d = b.device("0000:01:00.0", true, PowerState.D0, false, List.of(new BarSpec(0, SpecBuilder.BAR_PA, 4 * G)));
        b.vma("bar0", VA, VA + 4 * G, VmFlags.VFIO_BAR_RW, d, 0, 0, FaultBehavior.VFIO_PCI);
        b.pinner("P", VA + SpecBuilder.MiB, 2 * G, true);
        Run r = T.scripted(b.build(), Policy.PRE_PATCH);
        List<StepRecord> checks = T.trace(r).stream().filter(x -> x.label().equals("PPR_CHECK")).toList();
        assertEquals(261888, checks.get(0).outcome().pagesPinned(), checks.get(0).event());
        assertEquals(OK, r.result(0));
        assertEquals(2 * G >> 12, r.actor(0).pinnedPages());
        // contiguous PFNs across the three leaves: one vfio_pin_pages_remote() call stitches them
        assertEquals(1, T.count(r, "PPR_OUT"));
        assertEquals(3, T.count(r, "P_LOCK"), "each leaf is its own vaddr_get_pfns() call with its own lock");
    }

    @Test
    void discontiguousPfnsSplitTheMapIntoSeveralPinPagesRemoteCalls() {
        // two adjacent VMAs mapping two different BARs: the PFN does not continue *pfn_base + pinned
        SpecBuilder b = new SpecBuilder();
        int d = b.device("0000:01:00.0", true, PowerState.D0, false,
                List.of(new BarSpec(0, SpecBuilder.BAR_PA, G), new BarSpec(2, SpecBuilder.BAR_PA + 8 * G, G)));
        b.vma("bar0", VA, VA + G, VmFlags.VFIO_BAR_RW, d, 0, 0, FaultBehavior.VFIO_PCI);
        b.vma("bar2", VA + G, VA + 2 * G, VmFlags.VFIO_BAR_RW, d, 2, 0, FaultBehavior.VFIO_PCI);
        b.pinner("P", VA, 2 * G, true);
        Run r = T.scripted(b.build(), Policy.PATCH_V1);
        assertEquals(OK, r.result(0));
        assertEquals(2, T.count(r, "PPR_OUT"), "contiguity break ends the first call");
        assertEquals(2, T.count(r, "MAP_RESULT"));
    }

    @Test
    void aLaterChunkFailureFailsTheWholeMap() {
        // the second GiB has no VMA: the first GiB is pinned, then GUP/LOOKUP fail with -EFAULT
        ScenarioSpec s = T.bar(G, 2 * G).build();
        for (Policy p : Policy.values()) {
            Run r = T.scriptedOutsideTheModel(s, p);
            assertEquals(EFAULT, r.result(0), p.name());
            assertEquals(0, r.actor(0).pinnedPages());
            // vfio_pin_map_dma(): the failed chunk's ret reaches MAP_RESULT, which unwinds (vfio_remove_dma)
            assertTrue(T.trace(r).stream().anyMatch(x -> x.label().equals("MAP_RESULT")
                    && "-EFAULT".equals(x.outcome().ret())), "MAP_DMA sees the failure");
            assertEquals(2, T.count(r, "P_LOCK"), "the failure comes from the second vaddr_get_pfns()");
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void fixupFatalSignalCheckReturnsEintr(Policy p) {
        SpecBuilder b = T.bar(G, G);
        int k = b.signal("K", 0);
        ScenarioSpec s = b.step(k, 1).step(0, -1).build();
        Run r = T.scripted(s, p);
        assertEquals(EINTR, r.result(0));
        StepRecord fixup = T.trace(r).stream().filter(x -> x.label().equals("FIXUP")).findFirst().orElseThrow();
        assertEquals("-EINTR", fixup.outcome().ret(), fixup.event());
        assertEquals(0, T.count(r, "HANDLE_FAULT"), "no fault once the signal is seen");
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void unlockedFixupMakesFollowFaultPfnReturnEagain(Policy p) {
        SpecBuilder b = new SpecBuilder();
        b.vma("ttm", VA, VA + 2 * SpecBuilder.MiB, VmFlags.VFIO_BAR_RW, -1, -1, 0x100000, FaultBehavior.DROPS_LOCK);
        b.pinner("P", VA, 4096, true);
        Run r = T.scripted(b.build(), p);
        StepRecord ret = T.trace(r).stream().filter(x -> x.label().equals("FIXUP_RET")).findFirst().orElseThrow();
        assertEquals("-EAGAIN", ret.outcome().ret(), "follow_fault_pfn() returns -EAGAIN after an unlocked fixup: " + ret.event());
        assertEquals(OK, r.result(0));
    }

    @Test
    void ebusyOnlyAfterNPlusOneF2Failures() {
        for (int n = 0; n <= 4; n++) {
            SpecBuilder b = new SpecBuilder().maxRetries(n);
            b.vma("bo", VA, VA + G, VmFlags.VFIO_BAR_RW, -1, -1, 0, FaultBehavior.NO_INSTALL);
            b.pinner("P", VA, G, true);
            Run r = T.scripted(b.build(), Policy.BOUNDED);
            assertEquals(EBUSY, r.result(0));
            assertEquals(n + 1, T.count(r, "F2_FAIL"), "N = " + n);
            // every F2 failure reaches the retry decision: N of them retry, the (N+1)th returns -EBUSY
            List<StepRecord> decisions = T.trace(r).stream().filter(x -> x.label().equals("RETRY")).toList();
            assertEquals(n + 1, decisions.size(), "N = " + n);
            assertEquals("-EBUSY", decisions.get(n).outcome().ret(), decisions.get(n).event());
            assertTrue(decisions.subList(0, n).stream().noneMatch(x -> "-EBUSY".equals(x.outcome().ret())), "N = " + n);
        }
    }

    @Test
    void unlockedRetriesAreNotCountedByDefaultButCanBe() {
        SpecBuilder b = new SpecBuilder().maxRetries(0);
        b.vma("ttm", VA, VA + 2 * SpecBuilder.MiB, VmFlags.VFIO_BAR_RW, -1, -1, 0x100000, FaultBehavior.DROPS_LOCK);
        b.pinner("P", VA, 4096, true);
        ScenarioSpec s = b.build();
        assertEquals(OK, T.result(s, Policy.BOUNDED));
        var o = dev.pinscope.engine.SimulationOptions.defaults().withPolicy(Policy.BOUNDED)
                .withBoundedCountsUnlocked(true);
        assertEquals(EBUSY, T.sim(s, o).run(dev.pinscope.engine.Scheduler.roundRobin()).first().result());
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void stalePfnOnlyWithoutTheRecheck(Policy p) {
        for (boolean recheck : new boolean[] {false, true}) {
            SpecBuilder b = T.bar(G, G).entry(VA, Level.PUD, T.PFN0, true);
            b.kernel(b.kernel().withRecheck(recheck));
            b.walker("W", 0, 1);
            b.zapper("Z", 0, dev.pinscope.engine.spec.ZapTrigger.DEVICE_RESET, 1);
            var rep = T.explore(b.build(), p);
            assertEquals(!recheck, rep.hasViolation("P"), "recheck=" + recheck);
            if (!recheck) {
                // the witness really ends in a stale success
                Run w = T.replay(T.sim(b.build(), p), rep.violations().get(0).witness());
                assertEquals(OK, w.result(0));
                assertTrue(w.actor(0).stalePfn());
            }
        }
    }

    @Test
    void faultOnDisabledMemoryIsSigbusAndEfault() {
        SpecBuilder b = T.bar(G, G).deviceState(0, false, PowerState.D0, false);
        assertEquals(EFAULT, T.result(b.build(), Policy.PATCH_V1));
        // no_command_memory ignores the command bit (SR-IOV VF)
        SpecBuilder vf = new SpecBuilder();
        int d = vf.device("0000:01:00.1", false, PowerState.D0, true, List.of(new BarSpec(0, SpecBuilder.BAR_PA, G)));
        vf.vma("bar0", VA, VA + G, VmFlags.VFIO_BAR_RW, d, 0, 0, FaultBehavior.VFIO_PCI);
        vf.pinner("P", VA, G, true);
        assertEquals(OK, T.result(vf.build(), Policy.PATCH_V1));
        SpecBuilder d3 = T.bar(G, G).deviceState(0, true, PowerState.D3HOT, false);
        assertEquals(EFAULT, T.result(d3.build(), Policy.PATCH_V1));
    }

    @Test
    void pfnWithANormalStructPageIsEfault() {
        SpecBuilder b = new SpecBuilder();
        int d = b.device("0000:01:00.0", true, PowerState.D0, false,
                List.of(new BarSpec(0, SpecBuilder.BAR_PA, G, true, false)));
        b.vma("bar0", VA, VA + G, VmFlags.VFIO_BAR_RW, d, 0, 0, FaultBehavior.VFIO_PCI);
        b.pinner("P", VA, G, true);
        assertEquals(EFAULT, T.result(b.build(), Policy.PATCH_V1));
        SpecBuilder r = new SpecBuilder();
        int d2 = r.device("0000:01:00.0", true, PowerState.D0, false,
                List.of(new BarSpec(0, SpecBuilder.BAR_PA, G, true, true)));
        r.vma("bar0", VA, VA + G, VmFlags.VFIO_BAR_RW, d2, 0, 0, FaultBehavior.VFIO_PCI);
        r.pinner("P", VA, G, true);
        assertEquals(OK, T.result(r.build(), Policy.PATCH_V1), "PageReserved pages are accepted");
    }

    @Test
    void vmIoWithoutPfnmapIsNotFollowed() {
        SpecBuilder b = T.bar(G, G);
        b.vmaFlags(0, VmFlags.VFIO_BAR_RW & ~VmFlags.VM_PFNMAP);
        Run r = T.scriptedOutsideTheModel(b.build(), Policy.PATCH_V1);
        assertEquals(EFAULT, r.result(0));
        assertEquals(0, T.count(r, "F1_READ"), "vma_lookup hit, but VM_IO alone is not VM_PFNMAP");
        assertEquals(0, T.count(r, "FIXUP"));
    }
}
