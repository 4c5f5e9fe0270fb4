package dev.pinscope.releng.bench;

import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.ZapTrigger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Issue 18 point 4: a 4,096-page 4K-only scenario with one bounded reset zapper (EngineBenchmark's scenario C:
 * THP never, a pinner of N pages, BOUNDED N=2, one VFIO_DEVICE_RESET firing once) explored completely in the
 * default heap, thanks to the dead-slot reduction. Prints per page count the states, transitions, wall and CPU
 * seconds of the exploring thread, bytes per state and the peak heap used (sampled at every progress report,
 * about every 16K states, so a lower bound by at most one report's allocation), for the full verdict (results +
 * livelock/starvation analysis) with the reduction; {@code -Dbench.off=N} also explores page counts up to N
 * without it (its state count grows as about 17 * pages^2). Not part of the test run. From the repository root:
 * <pre>
 *   mvn -B -q -f releng/bench/pom.xml compile exec:java -Dbench.main=dev.pinscope.releng.bench.DeadSlotBenchmark \
 *       [-Dbench.pages=256,1024,4096] [-Dbench.off=256]
 * </pre>
 */
public final class DeadSlotBenchmark {
    private DeadSlotBenchmark() {
    }

    public static ScenarioSpec scenario(int pages) {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name(pages + "x4K, reset x1").policy(Policy.BOUNDED)
                .maxRetries(2).maxSteps(10_000_000);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.pinner("P", SpecBuilder.BAR_VA, pages * 4096L, true);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        return b.build();
    }

    /** The largest heap use seen at the exploration's progress reports, and the last state count reported. */
    private static final class PeakHeap implements ExplorationMonitor {
        long peak;
        long states;

        @Override
        public void progress(String phase, long states, long transitions, long depth) {
            Runtime rt = Runtime.getRuntime();
            peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
            this.states = states;
        }
    }

    /** -Dbench.inevitable=off explores without the inevitable-step reduction (InevitableStep), =both with and without. */
    private static boolean inevitable = true;

    static void explore(int pages, boolean reduced) {
        Simulation sim = Simulation.compile(scenario(pages), SimulationOptions.defaults()).orThrow();
        ExploreOptions o = ExploreOptions.defaults().withMaxStates(Integer.MAX_VALUE - 1).withDeadSlotReduction(reduced)
                .withInevitableSteps(inevitable);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.gc();
        PeakHeap heap = new PeakHeap();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ExplorationReport r;
        try {
            r = sim.explore(o, heap);
        } catch (OutOfMemoryError full) {
            // the explorer reports a full heap as PARTIAL; this is for an error thrown past it (e.g. by the JIT's
            // deoptimization), so the table still gets its row
            System.out.printf("%5d pages  inevitable %-3s  dead slots %-3s  heap full after %,d states (last progress report), %.1f s"
                    + " wall; thrown past the explorer: %s%n", pages, inevitable ? "on" : "off", reduced ? "on" : "off", heap.states,
                    (System.nanoTime() - t0) / 1e9, full.getMessage());
            return;
        }
        double cpuSecs = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("%5d pages  inevitable %-3s  dead slots %-3s  %,13d states %,13d transitions  %8.1f s wall %8.1f s CPU"
                + "  %6.1f bytes/state  peak heap %,6d MB  results %s  livelock %s  starvation %s  %s%n", pages,
                inevitable ? "on" : "off", reduced ? "on" : "off", r.states(), r.transitions(), r.seconds(), cpuSecs, r.bytesPerState(),
                heap.peak >> 20, r.resultsOf("P"), r.hasLivelock("P"), r.hasStarvation("P"),
                r.complete() ? "complete" : "PARTIAL: " + r.partialReason());
    }

    public static void main(String[] args) {
        System.out.printf("Java %s, max heap %,d MB (the default: no -Xmx), %d cores visible%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        int off = Integer.getInteger("bench.off", 0);
        for (String p : System.getProperty("bench.pages", "64,256,1024,4096").split(",")) {
            int pages = Integer.parseInt(p.trim());
            String mode = System.getProperty("bench.inevitable", "on");
            for (boolean on : mode.equals("both") ? new boolean[] {false, true} : new boolean[] {!mode.equals("off")}) {
                inevitable = on;
                if (pages <= off) {
                    explore(pages, false);
                }
                explore(pages, true);
            }
        }
    }
}
