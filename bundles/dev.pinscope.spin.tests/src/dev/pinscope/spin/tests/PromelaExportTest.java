package dev.pinscope.spin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.spin.PromelaExport;
import dev.pinscope.spin.SpinComparison;
import dev.pinscope.spin.SpinMode;
import dev.pinscope.spin.SpinOutputs;
import dev.pinscope.spin.SpinReport;
import dev.pinscope.spin.SpinSchedules;
import dev.pinscope.spin.SpinVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the export contains, that spin accepts it as it stands, and what the comparison catches. */
class PromelaExportTest {
    /** The engine's test-only fault switch (Machine.TEST_ONLY_FAULT_PROPERTY; off unless a test sets it). */
    private static final String FAULT = "pinscope.testonly.fault.reductionTreatsLockStepAsLocal";

    @TempDir
    Path dir;

    @Test
    void theModelHasAProctypePerActorLocksSlotsLabelsAndComments() {
        ScenarioSpec spec = SpinTestSupport.example("05-sigkill-mid-loop");
        PromelaExport.Model m = PromelaExport.export(spec, Policy.PATCH_V1);
        String t = m.text();
        for (int a = 0; a < spec.actors().size(); a++) {
            assertTrue(t.contains("proctype P" + a + "_"), "a proctype for actor " + a);
        }
        for (String s : List.of("byte slot[", "byte ptl[", "mmap_r", "mem_w[", "dev_mem[", "fatal_signal_pending[",
                "accept_retry:", "RESULT 0 262144", "RESULT -EINTR 0", "assert(res[0] != 8)",
                "follow_pfnmap_start() at F2 (§3.3)", "fixup_user_fault() (§4.1)", "vfio_pin_map_dma() (§1.1)",
                "vfio_pci_mmap_huge_fault() (§5.2)", "Policy PATCH_V1")) {
            assertTrue(t.contains(s), "the model contains " + s);
        }
        assertEquals(List.of(0), m.pinners());
    }

    @Test
    void spinAcceptsTheExportAsItStandsAndItsSimulationPrintsAResult() throws Exception {
        SpinTestSupport.requireTools();
        ScenarioSpec spec = SpinTestSupport.example("02-numa-maps-split-w1");
        Files.writeString(dir.resolve("m.pml"), PromelaExport.export(spec, Policy.PRE_PATCH).text());
        Process p = new ProcessBuilder("spin", "-n7", "m.pml").directory(dir.toFile()).redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.matches("(?s).*RESULT (0 262144|-EINVAL 0).*"), "a random simulation ends with a RESULT: " + out);
    }

    @Test
    void badScopeIsOneLineNotAStackTrace() {
        ScenarioSpec big = new SpecBuilder().name("x").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromelaExport.export(big, Policy.PATCH_V1));
        assertFalse(e.getMessage().contains("\n"));
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).kernel(dev.pinscope.engine.spec.KernelSpec.defaults()
                .withThp(dev.pinscope.engine.spec.ThpMode.NEVER));
        b.pinner("qemu", SpecBuilder.BAR_VA, 64 * SpecBuilder.MiB, true);
        e = assertThrows(IllegalArgumentException.class, () -> PromelaExport.export(b.build(), Policy.PATCH_V1));
        assertTrue(e.getMessage().contains("Promela export"), e.getMessage());
    }

    /**
     * The test-only fault in the engine's reduction (the page-table lock step treated as a local step) hides
     * the zap between the read and the lock: the engine then misses example 10's stale-PFN violation, and the
     * comparison with SPIN says so. Without the fault they agree.
     */
    @Test
    void aFaultInjectedIntoTheEnginesReductionIsCaught() throws Exception {
        SpinTestSupport.requireTools();
        ScenarioSpec spec = SpinTestSupport.example("10-stale-pfn-w0-prefix");
        List<SpinComparison.Row> clean = SpinComparison.check(spec, List.of(Policy.PRE_PATCH),
                SimulationOptions.defaults(), ExploreOptions.defaults(), SpinTestSupport.OPTIONS.withCcOpt("-O0"), dir.resolve("a"),
                null, null);
        assertEquals(SpinComparison.Agreement.AGREE, clean.get(0).agreement(), clean.get(0).difference());
        assertTrue(clean.get(0).spinViolation());
        System.setProperty(FAULT, "true");
        List<SpinComparison.Row> faulty;
        try {
            faulty = SpinComparison.check(spec, List.of(Policy.PRE_PATCH), SimulationOptions.defaults(),
                    ExploreOptions.defaults(), SpinTestSupport.OPTIONS.withCcOpt("-O0"), dir.resolve("b"), null, null);
        } finally {
            System.clearProperty(FAULT);
        }
        SpinComparison.Row r = faulty.get(0);
        assertEquals(SpinComparison.Agreement.DISAGREE, r.agreement());
        assertFalse(r.engineViolation(), "the faulty reduction misses the violation");
        assertTrue(r.spinViolation(), "SPIN still finds it");
        assertTrue(r.difference().contains("violation no vs yes"), r.difference());
        // SPIN's witness is a Pinscope schedule: the (correct) engine replays it to the stale success
        SpinReport.Witness w = r.spin().violations().get(0);
        SpinSchedules.Replay rp = SpinSchedules.replay(spec, Policy.PRE_PATCH, SimulationOptions.defaults(),
                w.witness(), w.actor());
        assertTrue(rp.ok(), rp.message());
        assertEquals(Errno.OK, rp.result());
        assertTrue(rp.stalePfn(), "the replayed schedule ends with a stale PFN");
        assertFalse(SpinSchedules.toSchedule(spec, w.witness()).isEmpty());
    }

    @Test
    void aSwarmOfBitstateRunsIsMarkedApproximateAndMergesFromItsDirectory() throws Exception {
        SpinTestSupport.requireTools();
        ScenarioSpec spec = SpinTestSupport.example("04-adversarial-livelock");
        SpinVerifier.Options o = SpinTestSupport.OPTIONS.withMode(SpinMode.SWARM).withMembers(3).withCores(2)
                .withHashBits(20);
        SpinReport r = SpinVerifier.verify(spec, Policy.BOUNDED, o, dir.resolve("swarm"), null);
        assertTrue(r.approximate());
        assertFalse(r.complete());
        assertEquals(java.util.Set.of(Errno.OK, Errno.EBUSY), r.resultsOf("qemu"));
        assertNotNull(r.hashFactor(), "pan's hash factor is reported");
        assertTrue(Files.isRegularFile(dir.resolve("swarm/swarm.sh")));
        for (int k = 0; k < 3; k++) {
            assertTrue(Files.isDirectory(dir.resolve("swarm/out/member-" + k)), "member " + k + " ran");
        }
        SpinReport merged = SpinOutputs.read(dir.resolve("swarm"));
        assertEquals(r.resultsOf("qemu"), merged.resultsOf("qemu"));
        assertTrue(merged.coverage().startsWith("3 members"), merged.coverage());
    }
}
