package dev.pinscope.releng.bench;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.ZapTrigger;

/**
 * Engine benchmark (issue 4, "Performance"; issue 18): exploration speed (states/s), bytes per stored state, the
 * cost of the full verdict (results + livelock/starvation analysis) over reachability alone, and the speed of a
 * straight run (steps/s). Not part of the test run. {@code -Dbench.only=A,B,C,run} picks scenarios (default A,B,run),
 * {@code -Dbench.reps=N} the alternations (default 5), {@code -Dbench.inevitable=off} explores without the reduction
 * over every actor's steps. From the repository root:
 * <pre>
 *   mvn -B -q -f releng/bench/pom.xml compile exec:java -Dbench.main=dev.pinscope.releng.bench.EngineBenchmark
 * </pre>
 * Scenarios (documented in the report):
 * <ul>
 * <li>A "1G": BAR0 1 GiB PUD-mapped, pinner of 1 GiB, BOUNDED N=8, a numa_maps walker that walks 8 times,
 *     a CPU-access thread (2 accesses), a SIGKILL sender.</li>
 * <li>B "3x4K": THP=never, pinner of 3 pages (one vaddr_get_pfns per page), BOUNDED N=8, the same walker,
 *     a VFIO_DEVICE_RESET zapper firing 8 times (walkers do not split PTEs), a CPU access, a SIGKILL sender.</li>
 * <li>C "4096x4K" (only with {@code -Dbench.only=C}): see {@link #scenarioC()}.</li>
 * <li>straight run: §10 #15 under PATCH_V1 (the pinner never returns) with a forever walker and CPU thread,
 *     10,000,000 round-robin steps with the trace and checkpoints recorded.</li>
 * </ul>
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    static ScenarioSpec scenarioA() {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name("bench A: 1G PUD, N=8").policy(Policy.BOUNDED)
                .maxRetries(8).maxSteps(1_000_000);
        int p = b.pinner("P", SpecBuilder.BAR_VA, SpecBuilder.GiB, true);
        b.walker("W", 0, 8);
        b.cpu("C", SpecBuilder.BAR_VA + 0x1000, false, 2);
        b.signal("K", p);
        return b.build();
    }

    static ScenarioSpec scenarioB() {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name("bench B: 3x4K, N=8").policy(Policy.BOUNDED)
                .maxRetries(8).maxSteps(1_000_000);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        int p = b.pinner("P", SpecBuilder.BAR_VA, 3 * 4096, true);
        b.walker("W", 0, 8);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 8);
        b.cpu("C", SpecBuilder.BAR_VA + 0x1000, false, 1);
        b.signal("K", p);
        return b.build();
    }

    static ScenarioSpec endless() {
        // the most a scenario may ask for (the model's rule); the run asks for its 10,000,000 steps itself
        SpecBuilder b = new SpecBuilder().name("bench run: #15 endless").policy(Policy.PATCH_V1)
                .maxSteps(10_000_000);
        int v = b.vma("bo", SpecBuilder.BAR_VA, SpecBuilder.BAR_VA + SpecBuilder.GiB, VmFlags.VFIO_BAR_RW, -1, -1, 0,
                FaultBehavior.NO_INSTALL);
        b.pinner("P", SpecBuilder.BAR_VA, SpecBuilder.GiB, true);
        b.walker("W", v, -1);
        b.cpu("C", SpecBuilder.BAR_VA, false, -1);
        return b.build();
    }

    /**
     * C "4096x4K" (issue 18 point 4): THP=never, a pinner of 4,096 pages (16 MiB, one vaddr_get_pfns per page;
     * {@code -Dbench.pages=N} for another count), BOUNDED N=2, one VFIO_DEVICE_RESET zapper firing once. Its state
     * holds a PTE slot per page; its state count grows as about 17 * pages^2 (the reset can start at any page,
     * and the zapped prefix stays in the state).
     */
    static ScenarioSpec scenarioC() {
        int pages = Integer.getInteger("bench.pages", 4096);
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name("bench C: " + pages + "x4K, reset x1")
                .policy(Policy.BOUNDED).maxRetries(2).maxSteps(10_000_000);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.pinner("P", SpecBuilder.BAR_VA, pages * 4096L, true);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        return b.build();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    /**
     * Reachability alone (findCycles off) and the full verdict (results + livelock/starvation analysis),
     * alternated reps times after a warm-up, so both see the same machine load; medians and their ratio.
     */
    static void explore(ScenarioSpec s, long budget, int reps, boolean warmUp) {
        Simulation sim = Simulation.compile(s, SimulationOptions.defaults()).orThrow();
        // -Dbench.inevitable=off: without the reduction over every actor's steps (InevitableStep), for comparison
        ExploreOptions full = ExploreOptions.defaults().withMaxStates(budget)
                .withInevitableSteps(!"off".equals(System.getProperty("bench.inevitable")));
        ExploreOptions reach = full.withFindCycles(false);
        long warm = System.nanoTime();
        while (warmUp && System.nanoTime() - warm < 3_000_000_000L) {
            sim.explore(reach, null); // warm-up: at least 3 s of exploring so the JIT has compiled the hot loop
            sim.explore(full, null);
        }
        double[] reachSecs = new double[reps];
        double[] fullSecs = new double[reps];
        double[] reachCpu = new double[reps];
        double[] fullCpu = new double[reps];
        double[] reachProc = new double[reps];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        // the whole process's CPU as well: work the exploration causes in other threads (GC after a large
        // allocation, heap growth) is invisible in the exploring thread's time but not in the wall time
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ExplorationReport r = null;
        ExplorationReport f = null;
        for (int i = 0; i < reps; i++) {
            // CPU time of the exploring thread as well as wall time: on a loaded machine the wall time mostly
            // measures the other processes
            System.gc();
            long p0 = os.getProcessCpuTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            r = sim.explore(reach, null);
            reachCpu[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            reachProc[i] = (os.getProcessCpuTime() - p0) / 1e9;
            reachSecs[i] = r.seconds();
            System.gc();
            c0 = cpu.getCurrentThreadCpuTime();
            f = sim.explore(full, null);
            fullCpu[i] = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            fullSecs[i] = f.seconds();
        }
        double rs = median(reachSecs);
        double fs = median(fullSecs);
        System.out.printf("%-26s CPU s (exploring thread), median of %d: reachability %.3f, full verdict %.3f = %.2fx;"
                + " reachability %,.0f states per CPU second; process CPU per reachability run %.3f s%n", s.name(), reps,
                median(reachCpu), median(fullCpu), median(fullCpu) / median(reachCpu), r.states() / median(reachCpu),
                median(reachProc));
        System.out.printf("%-26s reachability: %,12d states %,12d transitions in %.3f s median of %d = %,11.0f states/s"
                + " (min %.3f, max %.3f s) %6.1f bytes/state (%d-word states, %d bits used)  %s%n", s.name(),
                r.states(), r.transitions(), rs, reps, r.states() / rs, java.util.Arrays.stream(reachSecs).min()
                        .getAsDouble(), java.util.Arrays.stream(reachSecs).max().getAsDouble(), r.bytesPerState(),
                sim.stateWords(), sim.stateBits(), r.complete() ? "complete" : r.partialReason());
        System.out.printf("%-26s full verdict (results + cycles): %.3f s median (min %.3f, max %.3f), %.2fx"
                + " reachability, %6.1f bytes/state; results %s; livelock %s; starvation %s  %s%n", "", fs,
                java.util.Arrays.stream(fullSecs).min().getAsDouble(),
                java.util.Arrays.stream(fullSecs).max().getAsDouble(), fs / rs, f.bytesPerState(), f.resultsOf("P"),
                f.hasLivelock("P"), f.hasStarvation("P"), f.complete() ? "complete" : f.partialReason());
        if (warmUp) {
            ExplorationReport noPor = sim.explore(reach.withPartialOrderReduction(false), null);
            System.out.printf("%-26s without partial-order reduction: %,d states in %.2f s (%,.0f states/s)%n", "",
                    noPor.states(), noPor.seconds(), noPor.states() / noPor.seconds());
        }
    }

    public static void main(String[] args) {
        long budget = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000; // args[0]: repository root (exec)
        System.out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores visible, single-threaded engine");
        String only = System.getProperty("bench.only", "A,B,run");
        int reps = Integer.getInteger("bench.reps", 5);
        System.out.printf("max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        if (only.contains("A")) {
            explore(scenarioA(), budget, reps, true);
        }
        if (only.contains("B")) {
            explore(scenarioB(), budget, reps, true);
        }
        if (only.contains("C")) {
            explore(scenarioC(), budget, Math.min(reps, 3), false);
        }
        if (!only.contains("run")) {
            return;
        }
        Simulation sim = Simulation.compile(endless(), SimulationOptions.defaults()).orThrow();
        sim.newRun().runWith(Scheduler.roundRobin(), 1_000_000); // warm-up
        long steps = 10_000_000;
        long t0 = System.nanoTime();
        Run run = sim.newRun();
        run.runWith(Scheduler.roundRobin(), steps);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-26s straight run: %,d steps in %.2f s = %,.0f steps/s (trace + checkpoints kept)%n",
                "bench run: #15 endless", run.length(), secs, run.length() / secs);
        t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            run.goTo((long) (Math.random() * run.length()));
        }
        System.out.printf("%-26s goTo on the %,d-step trace: %.2f ms average%n", "", run.length(),
                (System.nanoTime() - t0) / 1e6 / 100);
    }
}
