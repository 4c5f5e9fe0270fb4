package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.HitIndex;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepView;
import dev.pinscope.engine.spec.Policy;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Run Back to Previous Breakpoint over a {@link HitIndex} answers what a replay from step 0 answers. */
class HitIndexTest {

    /** The latest position before pos that a matching step arrived at, by replaying everything before it. */
    private static long replayAnswer(Run run, long pos, Predicate<StepView> test) {
        return replayAnswer(allHits(run, test), pos);
    }

    private static long replayAnswer(java.util.TreeSet<Long> hits, long pos) {
        Long h = hits.lower(pos);
        return h == null ? 0 : h;
    }

    /** Every position a matching step arrives at, by one replay from step 0. */
    private static java.util.TreeSet<Long> allHits(Run run, Predicate<StepView> test) {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        run.scan(0, run.length(), v -> {
            if (test.test(v)) {
                out.add(v.index() + 1);
            }
        });
        return out;
    }

    @Test
    void previousHitEqualsAReplayFromTheStart() {
        Simulation sim = Simulation.compile(RunTraceTest.endless(), SimulationOptions.defaults()
                .withPolicy(Policy.PATCH_V1).withCheckpointInterval(32)).orThrow();
        Run run = sim.newRun(Scheduler.random(11));
        run.indexLines();
        run.runWith(Scheduler.random(11), 5_000);
        int line = run.record(2_500).line();
        // a breakpoint on a line, and one on an event seen in the kernel snapshots: a lock changing hands
        Predicate<StepView> atLine = v -> v.actorAfter().frames().stream().anyMatch(f -> f.line() == line);
        Predicate<StepView> locks = v -> !v.snapshotBefore().locks().equals(v.snapshotAfter().locks());
        // the pinner's first line, reached once at the start: a search from the end skips nearly every segment
        int first = run.record(0).line();
        Predicate<StepView> atFirst = v -> v.record().index() > 0 && v.actorAfter().frames().stream()
                .anyMatch(f -> f.line() == first) && v.framesBefore().stream().noneMatch(f -> f.line() == first);
        for (int t = 0; t < 3; t++) {
            Predicate<StepView> test = java.util.List.of(atLine, locks, atFirst).get(t);
            int[] lines = t == 0 ? new int[] {line} : t == 2 ? new int[] {first} : null;
            java.util.TreeSet<Long> all = allHits(run, test);
            HitIndex cold = new HitIndex(run, test, lines);
            HitIndex warm = new HitIndex(run, test);
            run.scan(0, 4_000, v -> warm.observed(v.index(), test.test(v))); // tested on the way forward
            SplittableRandom rnd = new SplittableRandom(5);
            int nonZero = 0;
            for (int i = 0; i < 60; i++) {
                long pos = i < 5 ? new long[] {0, 1, 2, 5_000, 4_001}[i] : rnd.nextLong(5_001);
                long expected = replayAnswer(all, pos);
                assertEquals(expected, cold.previous(pos), "cold, from " + pos);
                assertEquals(expected, warm.previous(pos), "warm, from " + pos);
                nonZero += expected > 0 ? 1 : 0;
            }
            assertTrue(t == 2 || nonZero > 10, "the breakpoint is hit in the trace");
        }
        // the search for the rare line tests only the segments whose steps reach it, not the whole trace
        int[] tested = {0};
        HitIndex rare = new HitIndex(run, v -> {
            tested[0]++;
            return atFirst.test(v);
        }, new int[] {first});
        assertEquals(replayAnswer(allHits(run, atFirst), 5_000), rare.previous(5_000));
        assertTrue(tested[0] < 1_000, tested[0] + " of 5,000 steps tested");
    }

    @Test
    void aNewBranchForgetsTheOldFuture() {
        Simulation sim = Simulation.compile(RunTraceTest.endless(), SimulationOptions.defaults()
                .withPolicy(Policy.PATCH_V1).withCheckpointInterval(16)).orThrow();
        Run run = sim.newRun();
        run.runWith(Scheduler.random(2), 600);
        Predicate<StepView> test = v -> "RETRY".equals(v.record().label());
        HitIndex index = new HitIndex(run, test);
        assertEquals(replayAnswer(run, 600, test), index.previous(600));
        run.goTo(300);
        int other = run.runnableActors().stream().filter(a -> a != run.actorOf(300)).findFirst().orElseThrow();
        long branches = run.branches();
        run.step(other);
        assertEquals(branches + 1, run.branches());
        index.truncate(300);
        index.observed(300, test.test(run.lastStep()));
        run.runWith(Scheduler.roundRobin(), 600);
        assertEquals(replayAnswer(run, 600, test), index.previous(600));
        assertEquals(replayAnswer(run, 301, test), index.previous(301));
        index.invalidate();
        assertEquals(replayAnswer(run, 450, test), index.previous(450));
    }
}
