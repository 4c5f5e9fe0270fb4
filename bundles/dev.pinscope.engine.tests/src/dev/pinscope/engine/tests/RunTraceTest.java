package dev.pinscope.engine.tests;

import static dev.pinscope.engine.tests.T.G;
import static dev.pinscope.engine.tests.T.VA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ScheduleStepSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedulers, traces with checkpoints (goTo/step back), frames, snapshots and schedule errors. */
class RunTraceTest {

    static ScenarioSpec busy() {
        SpecBuilder b = T.bar(G, G).maxSteps(2_000_000);
        b.walker("W", 0, -1);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, -1);
        b.cpu("C", VA, false, -1);
        return b.build();
    }

    /** §10 #15 under PATCH_V1 with forever companions: nothing ever terminates, runs go the distance. */
    static ScenarioSpec endless() {
        SpecBuilder b = new SpecBuilder().maxSteps(2_000_000);
        int v = b.vma("bo", VA, VA + G, dev.pinscope.engine.spec.VmFlags.VFIO_BAR_RW, -1, -1, 0,
                dev.pinscope.engine.spec.FaultBehavior.NO_INSTALL);
        b.pinner("P", VA, G, true);
        b.walker("W", v, -1);
        b.cpu("C", VA, false, -1);
        return b.build();
    }

    @Test
    void seededRandomRunsAreDeterministic() {
        Simulation sim = T.sim(busy(), Policy.BOUNDED);
        Run a = sim.newRun();
        Run b = sim.newRun();
        a.runWith(Scheduler.random(42), 5_000);
        b.runWith(Scheduler.random(42), 5_000);
        assertEquals(a.schedule(), b.schedule());
        assertArrayEquals(a.packedState(), b.packedState());
        Run c = sim.newRun();
        c.runWith(Scheduler.random(43), 5_000);
        assertNotEquals(a.schedule(), c.schedule(), "another seed, another interleaving");
    }

    @Test
    void goToAndStepBackOnAMillionStepTrace() {
        Simulation sim = T.sim(endless(), Policy.PATCH_V1);
        Run run = sim.newRun();
        RunResult rr = run.runWith(Scheduler.random(7), 1_000_000);
        assertEquals(1_000_000, run.length(), rr.toString());
        long[] end = run.packedState();
        // reference states by stepping a second run to the same positions
        long[] targets = {0, 1, 4095, 4096, 4097, 123_457, 999_999};
        Run ref = sim.newRun();
        long pos = 0;
        for (long t : targets) {
            while (pos < t) {
                ref.step(run.actorOf(pos++));
            }
            run.goTo(t);
            assertEquals(t, run.position());
            assertArrayEquals(ref.packedState(), run.packedState(), "state after " + t + " steps");
        }
        run.goTo(1_000_000);
        assertArrayEquals(end, run.packedState());
        assertTrue(run.stepBack());
        assertEquals(999_999, run.position());
        run.goTo(0);
        assertFalse(run.stepBack());
        // events are rebuilt by replay and agree with a fresh execution
        StepRecord rec = run.record(123_456);
        Run fresh = sim.newRun();
        for (long i = 0; i < 123_456; i++) {
            fresh.step(run.actorOf(i));
        }
        StepRecord again = fresh.step(run.actorOf(123_456));
        assertEquals(again.event(), rec.event());
        assertEquals(again.line(), rec.line());
        assertEquals(again.label(), rec.label());
    }

    @Test
    void steppingDifferentlyAfterGoToStartsANewBranch() {
        Simulation sim = T.sim(busy(), Policy.PATCH_V1);
        Run r = sim.newRun();
        r.runWith(Scheduler.roundRobin(), 100);
        r.goTo(10);
        int other = -1;
        for (int a : r.runnableActors()) {
            if (a != r.actorOf(10)) {
                other = a;
            }
        }
        r.step(other);
        assertEquals(11, r.length());
        assertEquals(other, r.actorOf(10));
    }

    @Test
    void interactiveStepsExposeFramesLocalsAndSnapshot() {
        Simulation sim = T.sim(T.bar(G, G).build(), Policy.PATCH_V1);
        Run r = sim.newRun();
        assertTrue(T.until(r, 0, "FAULT_LOCK"));
        ActorView p = r.actor(0);
        List<String> fns = p.frames().stream().map(Frame::function).toList();
        assertEquals(List.of("vfio_pci_mmap_huge_fault", "handle_mm_fault", "fixup_user_fault", "follow_fault_pfn",
                "vaddr_get_pfns", "vfio_pin_pages_remote", "vfio_pin_map_dma"), fns);
        for (Frame f : p.frames()) {
            assertTrue(f.line() > 0, f.function());
            assertEquals(f.function(), sim.listing().functionOf(f.line()), "frame line lies in its function");
        }
        Frame vgp = p.frames().get(4);
        assertTrue(vgp.locals().stream().anyMatch(v -> v.name().equals("vaddr") && v.value().equals("0x7f0000000000")));
        assertTrue(vgp.locals().stream().anyMatch(v -> v.name().equals("mmap_lock") && v.value().startsWith("held")));
        r.step(0); // down_read(memory_lock)
        KernelSnapshot snap = r.snapshot();
        KernelSnapshot.LockState mem = snap.locks().stream().filter(l -> l.name().startsWith("memory_lock"))
                .findFirst().orElseThrow();
        assertEquals(List.of("P"), mem.readers());
        r.step(0); // insert
        KernelSnapshot.SlotState pud = snap.slots().get(0);
        assertEquals(KernelSnapshot.SlotKind.NONE, pud.kind(), "the earlier snapshot is immutable");
        KernelSnapshot.SlotState after = r.snapshot().slots().get(0);
        assertEquals(KernelSnapshot.SlotKind.LEAF, after.kind());
        assertEquals("PUD", after.level());
        assertEquals(T.PFN0, after.pfn());
        assertTrue(after.writable());
    }

    @Test
    void scheduleNamingAFinishedActorIsAnErrorWithItsIndex() {
        SpecBuilder b = T.bar(G, G);
        int w = b.walker("W", 0, 1);
        ScenarioSpec s = b.step(w, -1).step(w, 1).build();
        RunResult rr = T.scriptedResult(s, Policy.PATCH_V1);
        assertEquals(RunResult.Status.SCHEDULE_ERROR, rr.status());
        assertEquals(2, rr.scheduleStep());
        assertTrue(rr.message().contains("W is finished"), rr.message());
        // optional steps are skipped instead
        SpecBuilder b2 = T.bar(G, G);
        int w2 = b2.walker("W", 0, 1);
        ScenarioSpec s2 = b2.step(w2, -1).addStep(new ScheduleStepSpec(w2, 1, null, true)).build();
        assertEquals(Errno.OK, T.result(s2, Policy.PATCH_V1));
    }

    @Test
    void scheduleNamingABlockedActorIsAnError() {
        SpecBuilder b = T.bar(G, G);
        int z = b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        // reset holds memory_lock for write; the pinner must block in its fault before reaching F2
        ScenarioSpec s = b.until(z, "Z_STATE").until(0, "F2_READ").build();
        RunResult rr = T.scriptedResult(s, Policy.PATCH_V1);
        assertEquals(RunResult.Status.SCHEDULE_ERROR, rr.status());
        assertEquals(2, rr.scheduleStep());
        assertTrue(rr.message().contains("blocked on memory_lock"), rr.message());
    }

    @Test
    void blockedActorsAreNotRunnable() {
        Simulation sim = T.sim(T.bar(G, G).build(), Policy.PATCH_V1);
        SpecBuilder b = T.bar(G, G);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        Run r = T.sim(b.build(), Policy.PATCH_V1).newRun();
        assertTrue(T.until(r, 1, "Z_STATE"));
        while (r.isRunnable(0)) {
            r.step(0);
        }
        assertEquals(List.of(1), r.runnableActors());
        assertThrows(IllegalStateException.class, () -> r.step(0));
        assertFalse(r.isDeadlocked());
        assertTrue(sim.listing().lines().size() > 100);
    }

    @Test
    void untilStopsBeforeTheLabelAndRunsAtLeastOneStep() {
        Simulation sim = T.sim(T.bar(G, G).build(), Policy.PATCH_V1);
        Run r = sim.newRun();
        assertTrue(T.until(r, 0, "F1_READ"));
        assertEquals("F1_READ", r.peek(0).label());
        assertEquals("F_READ", sim.listing().labelOf(r.peek(0).line()));
        assertTrue(T.until(r, 0, "F2_READ"));
        assertEquals("F2_READ", r.peek(0).label());
        assertEquals(r.peek(0).line(), sim.listing().linesFor("F1_READ").get(0), "F1 and F2 share the line");
    }

    @Test
    void breakpointsStopBeforeTheLineAndStepOverReturnWalkFrames() {
        SpecBuilder b = T.bar(G, G);
        b.walker("W", 0, 1);
        Simulation sim = T.sim(b.build(), Policy.PATCH_V1);
        int f2Line = sim.listing().linesFor("F2_READ").get(0);
        Run r = sim.newRun();
        RunResult rr = r.runWith(Scheduler.roundRobin(), 10_000, dev.pinscope.engine.StopCondition.atLines(
                java.util.Set.of(sim.listing().linesFor("FIXUP").get(0))));
        assertEquals(RunResult.Status.BREAKPOINT, rr.status(), rr.toString());
        assertEquals("FIXUP", r.peek(0).label());
        // step over the fixup_user_fault() line of follow_fault_pfn: the whole fault runs, we land on FIXUP_RET
        int depth = r.stackDepth(0);
        assertEquals("fixup_user_fault", r.actor(0).frames().get(0).function());
        java.util.List<StepRecord> ret = r.stepReturn(0);
        assertTrue(ret.size() >= 4, "fault path steps: " + ret);
        assertEquals(depth - 1, r.stackDepth(0));
        assertEquals("follow_fault_pfn", r.actor(0).frames().get(0).function());
        r.stepOver(0); // FIXUP_RET → F2 (a call: the next frame is deeper, so step over runs through it)
        assertTrue(r.stackDepth(0) <= depth - 1);
        assertTrue(f2Line > 0);
        RunResult cancelled = sim.newRun().runWith(Scheduler.roundRobin(), 10_000,
                new dev.pinscope.engine.StopCondition() {
                    public boolean stopBefore(StepRecord next) {
                        return false;
                    }

                    public boolean isCancelled() {
                        return true;
                    }
                });
        assertEquals(RunResult.Status.CANCELLED, cancelled.status());
    }
}
