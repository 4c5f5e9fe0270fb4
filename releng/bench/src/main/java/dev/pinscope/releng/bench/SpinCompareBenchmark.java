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
import dev.pinscope.spin.SpinReport;
import dev.pinscope.spin.SpinVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * spin-compare (issue 18 point 7): Pinscope's full verdict (reachable results + livelock/starvation analysis)
 * against SPIN's on the Promela export of the same scenario (pan -O2, with and without -DNOREDUCE; SPIN's full
 * verdict = the result-collecting safety runs + the weakly fair acceptance run), alternately, three times each.
 * Prints states, seconds (median), states/s, bytes/state and SPIN's time over Pinscope's, each row as soon as its
 * scenario is done. A benchmark, not a test.
 *
 * <p>Run: {@code mvn -B -q -f releng/bench/pom.xml compile exec:java
 * -Dbench.main=dev.pinscope.releng.bench.SpinCompareBenchmark} (needs spin and gcc).
 */
public final class SpinCompareBenchmark {
    private static final Pattern MEM = Pattern.compile("([0-9.]+)\\s+total actual memory usage");

    private SpinCompareBenchmark() {
    }

    static ScenarioSpec pud(Policy p) {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name("1 GiB PUD, walker x8, CPU x8, SIGKILL, " + p
                + (p == Policy.BOUNDED ? " 8" : "")).policy(p).maxRetries(8);
        int pin = b.pinner("P", SpecBuilder.BAR_VA, SpecBuilder.GiB, true);
        b.walker("W", 0, 8);
        b.cpu("C", SpecBuilder.BAR_VA + 0x1000, false, 8);
        b.signal("K", pin);
        return b.build();
    }

    static ScenarioSpec fourK(Policy p) {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name("3-page 4K, reset x8, CPU x8, SIGKILL, " + p
                + (p == Policy.BOUNDED ? " 8" : "")).policy(p).maxRetries(8);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        int pin = b.pinner("P", SpecBuilder.BAR_VA, 3 * 4096, true);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 8);
        b.cpu("C", SpecBuilder.BAR_VA + 0x1000, false, 8);
        b.signal("K", pin);
        return b.build();
    }

    record Sample(long states, double seconds, double bytesPerState) {
    }

    static Sample engine(ScenarioSpec s) {
        Simulation sim = Simulation.compile(s, SimulationOptions.defaults()).orThrow();
        ExplorationReport r = sim.explore(ExploreOptions.defaults().withMaxStates(50_000_000), ExplorationMonitor.NONE);
        if (!r.complete()) {
            throw new IllegalStateException("engine partial: " + r.partialReason());
        }
        return new Sample(r.states(), r.seconds(), r.bytesPerState());
    }

    static Sample spin(ScenarioSpec s, boolean noReduce, Path dir) throws Exception {
        SpinVerifier.Options o = SpinVerifier.Options.defaults().withHashBits(24).withMaxDepth(10_000_000)
                .withCcOpt(noReduce ? "-O2 -DNOREDUCE" : "-O2");
        SpinReport r = SpinVerifier.verify(s, s.policy(), o, dir, null);
        if (!r.complete()) {
            throw new IllegalStateException("SPIN partial: " + r.problem());
        }
        double mb = 0;
        for (int i = 0; Files.isRegularFile(dir.resolve("out/member-0/safety-" + i + ".out")); i++) {
            Matcher m = MEM.matcher(Files.readString(dir.resolve("out/member-0/safety-" + i + ".out")));
            if (m.find()) {
                mb = Double.parseDouble(m.group(1));
            }
        }
        return new Sample(r.states(), r.seconds(), mb * 1024 * 1024 / Math.max(1, r.states()));
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    public static void main(String[] args) throws Exception {
        String missing = SpinVerifier.missingTools();
        if (missing != null) {
            System.err.println("spin-compare: " + missing);
            System.exit(2);
        }
        int reps = Integer.getInteger("bench.reps", 3);
        // the three rows; -Dbench.all=true adds the PUD scenario under PATCH_V1
        List<ScenarioSpec> scenarios = Boolean.getBoolean("bench.all")
                ? List.of(pud(Policy.BOUNDED), fourK(Policy.BOUNDED), pud(Policy.PATCH_V1), fourK(Policy.PATCH_V1))
                : List.of(pud(Policy.BOUNDED), fourK(Policy.BOUNDED), fourK(Policy.PATCH_V1));
        Path dir = Files.createTempDirectory("spin-compare");
        engine(scenarios.get(0)); // JIT warm-up
        System.out.println("| Scenario | Checker | States | Seconds (median of " + reps + ") | States/s | Bytes/state "
                + "| SPIN s / Pinscope s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (ScenarioSpec s : scenarios) {
            List<Double> te = new ArrayList<>();
            List<Double> tp = new ArrayList<>();
            List<Double> tn = new ArrayList<>();
            Sample e = null;
            Sample p = null;
            Sample n = null;
            for (int i = 0; i < reps; i++) { // alternately, so load changes hit all three alike
                e = engine(s);
                te.add(e.seconds());
                p = spin(s, false, dir.resolve("por"));
                tp.add(p.seconds());
                n = spin(s, true, dir.resolve("noreduce"));
                tn.add(n.seconds());
                // each round as it comes (stderr), so a long sitting cut short still has its samples
                System.err.printf(Locale.ROOT, "spin-compare: %s round %d: Pinscope %.3f s (%d states), pan %.3f s (%d), "
                        + "pan -DNOREDUCE %.3f s (%d); load %s%n", s.name(), i + 1, e.seconds(), e.states(), p.seconds(),
                        p.states(), n.seconds(), n.states(), load());
            }
            double me = median(te);
            row(s.name(), "Pinscope (full verdict)", e, me, Double.NaN);
            row(s.name(), "pan -O2 (safety + acceptance)", p, median(tp), median(tp) / me);
            row(s.name(), "pan -O2 -DNOREDUCE", n, median(tn), median(tn) / me);
            System.out.flush();
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void row(String name, String who, Sample s, double secs, double ratio) {
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.3f | %,.0f | %.1f | %s |%n", name, who, s.states(), secs,
                s.states() / Math.max(secs, 1e-6), s.bytesPerState(), Double.isNaN(ratio) ? ""
                        : String.format(Locale.ROOT, "%.2f", ratio));
    }
}
