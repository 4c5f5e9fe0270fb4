package dev.pinscope.spin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.spin.PromelaExport;
import dev.pinscope.spin.SpinComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPIN tests' CI time (issue 16): a model that chooses its policy when pan runs is one text for all six
 * policies, so one compiled pan from the cache serves them all, and each run still gets its own policy's verdict.
 */
class PanCacheTest {
    @TempDir
    Path tmp;

    @Test
    void onePanServesEveryPolicyOfAScenarioAndEachRunKeepsItsPolicysVerdict() throws Exception {
        SpinTestSupport.requireTools();
        ScenarioSpec spec = SpinTestSupport.example("02-numa-maps-split-w1");
        Path cache = tmp.resolve("cache");
        List<Policy> policies = List.of(Policy.PRE_PATCH, Policy.PATCH_V1, Policy.GUP_STYLE_DROP_LOCK);
        List<SpinComparison.Row> rows = SpinComparison.check(spec, policies, SimulationOptions.defaults(),
                ExploreOptions.defaults(), SpinTestSupport.OPTIONS.withPanCache(cache), tmp.resolve("runs"), null, null);
        SpinTestSupport.assertAgreement(spec, rows);

        List<Path> pans;
        try (Stream<Path> s = Files.list(cache)) {
            pans = s.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList();
        }
        assertEquals(1, pans.size(), "one pan for the three policies: " + pans);
        String first = Files.readString(tmp.resolve("runs/PRE_PATCH/out/member-0/build.out"));
        assertTrue(first.contains("pan0: compiled into the cache"), first);
        for (Policy p : policies.subList(1, policies.size())) {
            String later = Files.readString(tmp.resolve("runs/" + p + "/out/member-0/build.out"));
            assertTrue(later.contains("pan0: from the cache"), p + ":\n" + later);
            assertFalse(later.contains("compiled"), p + " compiled again:\n" + later);
        }

        // the same pan, and still each policy's own behaviour: only the pre-patch code returns -EINVAL here
        SpinComparison.Row pre = rows.stream().filter(r -> r.policy() == Policy.PRE_PATCH).findFirst().orElseThrow();
        SpinComparison.Row v1 = rows.stream().filter(r -> r.policy() == Policy.PATCH_V1).findFirst().orElseThrow();
        assertTrue(pre.spinResults().contains(Errno.EINVAL), pre.spinResults().toString());
        assertFalse(v1.spinResults().contains(Errno.EINVAL), v1.spinResults().toString());
    }

    @Test
    void anExportedModelStillNamesItsOnePolicyAndTheSharedOneNamesNone() {
        ScenarioSpec spec = SpinTestSupport.example("02-numa-maps-split-w1");
        String fixed = PromelaExport.export(spec, Policy.BOUNDED).text();
        assertTrue(fixed.contains("Policy BOUNDED"), "the user's export is of one policy");
        assertFalse(fixed.contains("PINSCOPE_POLICY"), "the user's export does not depend on the environment");
        PromelaExport.Options shared = PromelaExport.Options.defaults().withPolicyAtRunTime(true);
        String a = PromelaExport.export(spec, Policy.BOUNDED, shared).text();
        String b = PromelaExport.export(spec, Policy.PRE_PATCH, shared).text();
        assertEquals(a, b, "one text (so one pan) for every policy");
        assertTrue(a.contains("PINSCOPE_POLICY"), a);
    }
}
