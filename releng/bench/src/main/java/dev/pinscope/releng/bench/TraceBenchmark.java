package dev.pinscope.releng.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepRecord;

/**
 * Long-trace benchmark (issue 11 point 8): on a 1,000,000-step trace recorded as the debugger records it
 * (checkpoint every 256 steps), how long Step Back, a Timeline jump (move + the 256 rows of the page shown)
 * and Run Back to Previous Breakpoint take. Run Back is measured as the debugger does it today: a replay
 * from step 0 that tests a line breakpoint before every step. Not part of the test run:
 * <pre>
 *   mvn -B -q -f releng/bench/pom.xml compile exec:java -Dbench.main=dev.pinscope.releng.bench.TraceBenchmark
 * </pre>
 */
public final class TraceBenchmark {
    private TraceBenchmark() {
    }

    public static void main(String[] args) {
        Simulation sim = Simulation.compile(EngineBenchmark.endless(), SimulationOptions.defaults()
                .withCheckpointInterval(256)).orThrow();
        Run run = sim.newRun();
        run.runWith(Scheduler.roundRobin(), 1_000_000);
        System.out.printf("trace: %,d steps, checkpoint every 256%n", run.length());
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200;

        double[] back = new double[n];
        run.goTo(run.length());
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            run.goTo(run.position() - 1);
            back[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("Step Back", back);

        double[] jump = new double[n];
        for (int i = 0; i < n; i++) {
            long to = rnd.nextLong(run.length() + 1);
            long t0 = System.nanoTime();
            run.goTo(to);
            long from = Math.max(0, to - 128);
            run.records(from, Math.min(run.length(), from + 256));
            jump[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("Timeline jump (+256 rows)", jump);

        // today's Run Back: replay from step 0, testing a line breakpoint before each step
        int line = run.record(run.length() / 2).line();
        double[] runBack = new double[5];
        for (int i = 0; i < runBack.length; i++) {
            long t0 = System.nanoTime();
            Run replay = sim.newRun();
            long hit = -1;
            for (long s = 0; s < run.length() - 1; s++) {
                int a = run.actorOf(s);
                StepRecord next = replay.peek(a);
                if (next.line() == line) {
                    hit = s;
                }
                replay.step(a);
            }
            runBack[i] = (System.nanoTime() - t0) / 1e6;
            if (hit < 0) {
                throw new IllegalStateException("no breakpoint hit");
            }
        }
        report("Run Back (replay from 0)", runBack);
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-28s median %8.3f ms   max %8.3f ms   (%d samples)%n", what, s[s.length / 2], s[s.length - 1],
                s.length);
    }
}
