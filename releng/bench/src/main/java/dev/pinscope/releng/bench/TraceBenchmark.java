package dev.pinscope.releng.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import dev.pinscope.engine.Frame;
import dev.pinscope.engine.HitIndex;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepEvent;
import dev.pinscope.engine.StepView;

/**
 * Long-trace benchmark (issue 11 point 8): on a 1,000,000-step trace recorded as the debugger records it
 * (checkpoint every 256 steps), how long Step Back, a Timeline jump (move + the 256 rows of the page shown)
 * and Run Back to Previous Breakpoint take. Run Back is measured as the debugger does it: over a
 * {@link HitIndex} (breakpoint hits kept while the trace was recorded, or, right after a breakpoint was set,
 * found by testing checkpoint segments backwards from the current position), and, for comparison, the old way
 * (a replay from step 0). Not part of the test run:
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
        Run run = sim.newRun(Scheduler.random(7));
        run.indexLines(); // as the debugger does
        long r0 = System.nanoTime();
        run.runWith(Scheduler.random(7), 1_000_000);
        System.out.printf("trace: %,d steps, checkpoint every 256, random:7, recorded in %.0f ms%n", run.length(),
                (System.nanoTime() - r0) / 1e6);
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200;

        double[] back = new double[n];
        run.goTo(run.length());
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            run.goTo(run.position() - 1);
            run.record(run.position() - 1); // the step the views show as the last one
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

        // a line breakpoint as the debugger's: a frame of the stepping actor arrives at the line
        int line = run.record(run.length() / 2).line();
        Predicate<StepView> atLine = v -> arrives(v.framesBefore(), v.actorAfter().frames(), line);

        HitIndex kept = new HitIndex(run, atLine, new int[] {line});
        run.scan(0, run.length(), v -> kept.observed(v.index(), atLine.test(v))); // as Resume tests each step
        double[] warm = new double[n];
        long[] answers = new long[n];
        for (int i = 0; i < n; i++) {
            long from = 1 + rnd.nextLong(run.length());
            long t0 = System.nanoTime();
            long to = kept.previous(from);
            run.goTo(to);
            warm[i] = (System.nanoTime() - t0) / 1e6;
            answers[i] = from - to;
        }
        report("Run Back (hits kept)", warm);
        Arrays.sort(answers);
        System.out.printf("%-28s median %,d steps back, max %,d%n", "  distance to the hit", answers[n / 2],
                answers[n - 1]);

        double[] cold = new double[n];
        for (int i = 0; i < n; i++) {
            HitIndex fresh = new HitIndex(run, atLine, new int[] {line}); // the breakpoint was just set
            long from = 1 + rnd.nextLong(run.length());
            long t0 = System.nanoTime();
            run.goTo(fresh.previous(from));
            cold[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("Run Back (just set)", cold);

        // the worst case for a breakpoint just set: the line whose last arrival is earliest in the trace
        java.util.Map<Integer, Long> lastArrival = new java.util.HashMap<>();
        run.scan(0, run.length(), v -> {
            List<Frame> after = v.actorAfter().frames();
            for (Frame f : after) {
                if (f.line() > 0 && arrives(v.framesBefore(), after, f.line())) {
                    lastArrival.put(f.line(), v.index() + 1);
                }
            }
        });
        int rare = lastArrival.entrySet().stream().min(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        Predicate<StepView> atRare = v -> arrives(v.framesBefore(), v.actorAfter().frames(), rare);
        double[] worst = new double[3];
        for (int i = 0; i < worst.length; i++) {
            HitIndex fresh = new HitIndex(run, atRare, new int[] {rare});
            long t0 = System.nanoTime();
            long to = fresh.previous(run.length());
            run.goTo(to);
            worst[i] = (System.nanoTime() - t0) / 1e6;
            if (i == 0) {
                System.out.printf("  rare breakpoint (line %d): last hit at step %,d%n", rare, to);
            }
        }
        report("Run Back (just set, rare)", worst);

        // an event breakpoint as the debugger's, just set: a lock taken (frequent), and an entry zapped, which
        // this trace never sees (no leaf is installed): without the run's per-segment event summaries that
        // question was answered by testing every step back to the start
        for (StepEvent e : new StepEvent[] { StepEvent.LOCK_ACQUIRED, StepEvent.ENTRY_ZAPPED }) {
            Predicate<StepView> happened = v -> v.happened(e);
            double[] event = new double[e == StepEvent.ENTRY_ZAPPED ? 20 : n];
            for (int i = 0; i < event.length; i++) {
                HitIndex fresh = new HitIndex(run, happened, new int[0], e.bit());
                long from = i == 0 ? run.length() : 1 + rnd.nextLong(run.length());
                long t0 = System.nanoTime();
                run.goTo(fresh.previous(from));
                event[i] = (System.nanoTime() - t0) / 1e6;
            }
            report("Run Back (" + e.name().toLowerCase() + ", just set)", event);
        }
        double[] unfiltered = new double[3];
        for (int i = 0; i < unfiltered.length; i++) {
            HitIndex fresh = new HitIndex(run, v -> v.happened(StepEvent.ENTRY_ZAPPED)); // no summaries used
            long t0 = System.nanoTime();
            run.goTo(fresh.previous(run.length()));
            unfiltered[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("  same, old: no summaries", unfiltered);

        double[] old = new double[3];
        for (int i = 0; i < old.length; i++) {
            long t0 = System.nanoTime();
            long[] hit = {-1};
            run.scan(0, run.length() - 1, v -> {
                if (atLine.test(v)) {
                    hit[0] = v.index() + 1;
                }
            });
            run.goTo(hit[0]);
            old[i] = (System.nanoTime() - t0) / 1e6;
        }
        report("Run Back (old: replay from 0)", old);
    }

    /** The debugger's line breakpoint: below the frames the step left alone, one arrives at the line. */
    static boolean arrives(List<Frame> beforeInnerFirst, List<Frame> afterInnerFirst, int line) {
        int b = beforeInnerFirst.size();
        int a = afterInnerFirst.size();
        int k = 0;
        while (k < a && k < b && afterInnerFirst.get(a - 1 - k).function().equals(beforeInnerFirst.get(b - 1 - k)
                .function()) && afterInnerFirst.get(a - 1 - k).line() == beforeInnerFirst.get(b - 1 - k).line()) {
            k++;
        }
        for (int i = k; i < a; i++) {
            if (afterInnerFirst.get(a - 1 - i).line() == line) {
                return true;
            }
        }
        return false;
    }

    private static void report(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-30s median %8.3f ms   max %8.3f ms   (%d samples)%n", what, s[s.length / 2],
                s[s.length - 1], s.length);
    }
}
