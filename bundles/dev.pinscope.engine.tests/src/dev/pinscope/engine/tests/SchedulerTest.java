package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.Run;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduler as one strategy: a run driven step by step ({@link Run#stepScheduled}, as the debugger's Resume
 * does) takes the same steps as {@link Run#runWith} (as {@code pinscope run} does), and going back in the trace
 * rewinds the scheduler's state, so Resume after Step Back repeats the same continuation.
 */
class SchedulerTest {

    private static Simulation sim(ScenarioSpec s, Policy p, int checkpointEvery) {
        return Simulation.compile(s, SimulationOptions.defaults().withPolicy(p).withCheckpointInterval(checkpointEvery))
                .orThrow();
    }

    /** A schedule with an until step, a counted step and a to-the-end step, then round-robin. */
    private static ScenarioSpec scripted() {
        var b = T.bar(T.G, T.G);
        int w = b.walker("W", 0, 3);
        b.cpu("C", T.VA, false, 2);
        return b.until(0, "F2_READ").step(w, 2).step(0, 1).step(w, -1).build();
    }

    /** Steps the run's own scheduler until it chooses no step, at most max steps in all. */
    private static void resume(Run r, long max) {
        while (r.position() < max && r.decide() instanceof Scheduler.Decision.Step) {
            r.stepScheduled();
        }
    }

    @Test
    void steppingTheSchedulerEqualsRunWith() {
        for (boolean ends : new boolean[] {true, false}) {
            Simulation sim = sim(ends ? RunTraceTest.busy() : RunTraceTest.endless(),
                    ends ? Policy.BOUNDED : Policy.PATCH_V1, 16);
            for (Scheduler s : List.of(Scheduler.random(7), Scheduler.roundRobin())) {
                Run batch = sim.newRun(s);
                batch.runWith(s, 3_000);
                Run stepped = sim.newRun(s);
                resume(stepped, 3_000);
                assertEquals(batch.schedule(), stepped.schedule(), s.toString());
                assertTrue(batch.length() > 20, "the run goes somewhere");
            }
        }
        Simulation sim = sim(scripted(), Policy.PATCH_V1, 16);
        Run batch = sim.newRun();
        batch.runWith(sim.scriptedSchedule(), 3_000);
        Run stepped = sim.newRun(sim.scriptedSchedule());
        resume(stepped, 3_000);
        assertEquals(batch.schedule(), stepped.schedule(), "scripted");
    }

    @Test
    void stepBackRewindsTheRandomScheduler() {
        Simulation sim = sim(RunTraceTest.endless(), Policy.PATCH_V1, 16);
        Scheduler seven = Scheduler.random(7);
        Run r = sim.newRun(seven);
        List<Long> states = new ArrayList<>();
        while (r.position() < 2_000) {
            states.add(r.schedulerState());
            r.stepScheduled();
        }
        List<String> first = r.schedule();
        long atEnd = r.schedulerState();
        // back to positions on, next to and between checkpoints; Resume again gives the same steps
        for (long back : new long[] {1_999, 1_500, 1_024, 1_023, 17, 1, 0}) {
            r.goTo(back);
            assertEquals(states.get((int) back), r.schedulerState(), "generator state at step " + back);
            long branches = r.branches();
            resume(r, 2_000);
            assertEquals(first, r.schedule(), "continuation after going back to " + back);
            assertEquals(branches, r.branches(), "the recorded future was followed, not replaced");
        }
        // the generator moved on without rewinding would choose differently: what this test guards
        Run fresh = sim.newRun(seven);
        resume(fresh, 1_000);
        Run drifted = sim.newRun(Scheduler.random(atEnd));
        for (long i = 0; i < 1_000; i++) {
            drifted.step(fresh.actorOf(i));
        }
        resume(drifted, 2_000);
        assertNotEquals(first.subList(1_000, 2_000), drifted.schedule().subList(1_000, 2_000));
    }

    @Test
    void aUserStepIsObservedAndReplayedToo() {
        Simulation sim = sim(RunTraceTest.endless(), Policy.PATCH_V1, 8);
        Run r = sim.newRun(Scheduler.random(7));
        resume(r, 100);
        r.goTo(50);
        int other = r.runnableActors().stream().filter(a -> a != r.actorOf(50)).findFirst().orElseThrow();
        r.step(other); // the user's pick: the generator does not draw
        resume(r, 300);
        List<String> withPick = r.schedule();
        r.goTo(51);
        resume(r, 300);
        assertEquals(withPick, r.schedule(), "the state after a user's step is rebuilt from the trace");
        r.goTo(3);
        r.goTo(51);
        resume(r, 300);
        assertEquals(withPick, r.schedule());
    }

    @Test
    void scriptedStateIsRewoundAndReportsItsErrors() {
        Simulation sim = sim(scripted(), Policy.PATCH_V1, 4);
        Scheduler script = sim.scriptedSchedule();
        Run r = sim.newRun(script);
        resume(r, 3_000);
        List<String> all = r.schedule();
        for (long k = 0; k < all.size(); k += 3) {
            r.goTo(k);
            resume(r, 3_000);
            assertEquals(all, r.schedule(), "script resumed at " + k);
        }
        // a script naming a finished actor stops with the step's index, as pinscope run reports it
        var b = T.bar(T.G, T.G);
        int w = b.walker("W", 0, 1);
        Simulation bad = sim(b.step(w, -1).step(w, 1).build(), Policy.PATCH_V1, 4);
        RunResult rr = bad.newRun().runWith(bad.scriptedSchedule(), 3_000);
        assertEquals(RunResult.Status.SCHEDULE_ERROR, rr.status());
        assertEquals(2, rr.scheduleStep());
        assertEquals("schedule step 2 (W x1): W is finished", rr.message());
        Run stepped = bad.newRun(bad.scriptedSchedule());
        resume(stepped, 3_000);
        assertEquals(new Scheduler.Decision.Error(2, rr.message()), stepped.decide());
    }

    @Test
    void replayFollowsALassoLoopForever() {
        Simulation sim = sim(RunTraceTest.endless(), Policy.PATCH_V1, 64);
        Run probe = sim.newRun();
        probe.runWith(Scheduler.random(3), 40);
        List<Integer> stem = new ArrayList<>();
        for (long i = 0; i < 40; i++) {
            stem.add(probe.actorOf(i));
        }
        Scheduler lasso = new Scheduler.Replay(stem, 30, Scheduler.interactive());
        Run r = sim.newRun(lasso);
        RunResult rr = r.runWith(lasso, 400);
        assertEquals(RunResult.Status.MAX_STEPS, rr.status(), rr.toString());
        for (long i = 0; i < 400; i++) {
            int expected = i < 40 ? stem.get((int) i) : stem.get(30 + (int) ((i - 40) % 10));
            assertEquals(expected, r.actorOf(i), "step " + i);
        }
        Scheduler waits = new Scheduler.Replay(stem, -1, Scheduler.interactive());
        Run w = sim.newRun(waits);
        RunResult stop = w.runWith(waits, 400);
        assertEquals(RunResult.Status.WAITING, stop.status());
        assertEquals(40, w.position(), "after the witness the interactive scheduler waits for the user");
        assertInstanceOf(Scheduler.Decision.Wait.class, w.decide());
        assertTrue(w.isRunnable(stem.get(0)) || !w.runnableActors().isEmpty());
    }
}
