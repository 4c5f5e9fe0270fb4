package dev.pinscope.spin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.spin.PromelaExport;
import dev.pinscope.spin.SpinComparison;
import dev.pinscope.spin.SpinMode;
import dev.pinscope.spin.SpinReport;
import dev.pinscope.spin.SpinSchedules;
import dev.pinscope.spin.SpinVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Shared by the SPIN tests: small scopes, pan compiled once per scenario with -O0 -DNOREDUCE (the verdict depends on
 * neither; compile time dominates these tiny models, and without the reduction the safety runs and the cycle search
 * share one pan), a small hash table, two policies checked at a time. The model chooses its policy when pan runs,
 * so its text and its pan are the same for all six policies: the pans are kept in target/pan-cache (by model text
 * and flags) and each scenario's is compiled once for the whole build. The CLI tests (-O2) and the fault-injection test
 * (-O0) build pan with its partial-order reduction for the safety runs.
 */
final class SpinTestSupport {
    static final SpinVerifier.Options OPTIONS = SpinVerifier.Options.defaults().withMode(SpinMode.EXHAUSTIVE)
            .withCcOpt("-O0 -DNOREDUCE").withHashBits(18).withMaxDepth(200_000)
            .withExport(PromelaExport.Options.defaults().withPolicyAtRunTime(true)).withPanCache(panCache());

    /** target/pan-cache of this module (the build passes it), else one for this test JVM. */
    private static Path panCache() {
        String dir = System.getProperty("pinscope.spin.panCache");
        try {
            return dir != null ? Path.of(dir) : Files.createTempDirectory("pinscope-pan-cache");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SpinTestSupport() {
    }

    static void requireTools() {
        String missing = SpinVerifier.missingTools();
        assertNull(missing, "the SPIN tests need spin and gcc (.ci/run installs them): " + missing);
    }

    static ScenarioSpec example(String id) {
        LoadResult lr = Examples.load(id);
        assertTrue(lr.ok(), lr.firstProblem());
        return Simulation.compile(lr.scenario(), SimulationOptions.defaults()).orThrow().spec();
    }

    /** Engine vs SPIN for each policy (two at a time); returns every row. */
    static List<SpinComparison.Row> compare(ScenarioSpec spec, List<Policy> policies, Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<SpinComparison.Row>>> fs = new ArrayList<>();
            for (Policy p : policies) {
                fs.add(pool.submit(() -> SpinComparison.check(spec, List.of(p), SimulationOptions.defaults(),
                        ExploreOptions.defaults(), OPTIONS, Files.createDirectories(dir.resolve(spec.name()
                                .replaceAll("[^A-Za-z0-9]", "_"))), null, null)));
            }
            List<SpinComparison.Row> rows = new ArrayList<>();
            for (Future<List<SpinComparison.Row>> f : fs) {
                rows.addAll(f.get());
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every row agrees, SPIN's search was complete, and every SPIN witness replays in the engine to its result. */
    static void assertAgreement(ScenarioSpec spec, List<SpinComparison.Row> rows) {
        StringBuilder bad = new StringBuilder();
        for (SpinComparison.Row r : rows) {
            if (r.agreement() != SpinComparison.Agreement.AGREE) {
                bad.append(r.policy()).append(' ').append(r.actor()).append(": ").append(r.agreement()).append(' ')
                        .append(r.difference()).append(r.problem() == null ? "" : " (" + r.problem() + ")")
                        .append('\n');
            }
            assertTrue(r.engineComplete() && r.spinComplete(), r.policy() + ": both searches complete; SPIN: "
                    + r.problem());
            SpinReport s = r.spin();
            for (SpinReport.Result res : s.results()) {
                SpinSchedules.Replay rp = SpinSchedules.replay(spec, r.policy(), SimulationOptions.defaults(),
                        res.witness(), res.actor());
                assertTrue(rp.ok(), r.policy() + " " + res.result() + ": " + rp.message());
                assertEquals(res.result(), rp.result(), r.policy() + ": SPIN's trail for " + res.result()
                        + " replays in the engine to the same result");
            }
            for (SpinReport.Lasso l : s.livelocks()) {
                List<String> twice = new ArrayList<>(l.stem());
                twice.addAll(l.loop());
                twice.addAll(l.loop());
                SpinSchedules.Replay rp = SpinSchedules.replay(spec, r.policy(), SimulationOptions.defaults(), twice,
                        l.actor());
                assertTrue(rp.ok(), r.policy() + " livelock lasso replays: " + rp.message());
                assertNull(rp.result(), r.policy() + ": the pinner has not returned after stem + loop + loop");
                assertTrue(!l.loop().isEmpty() && l.loop().contains(l.actor()), "the loop has the pinner's steps");
            }
        }
        if (bad.length() > 0) {
            fail(spec.name() + ": SPIN and the engine disagree:\n" + bad);
        }
    }

    static boolean any(List<SpinComparison.Row> rows, Errno e) {
        return rows.stream().anyMatch(r -> r.spinResults().contains(e));
    }
}
