package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.spin.SpinVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinscope export --promela} and {@code pinscope verify --spin / --spin-merge} as a user runs them. */
class VerifyCliTest {
    @TempDir
    Path tmp;

    private Path example(String id) throws Exception {
        CliTest t = new CliTest();
        t.tmp = tmp;
        return t.example(id, null);
    }

    @Test
    void exportWritesAPromelaModelAtomically() throws Exception {
        Path f = example("02-numa-maps-split-w1");
        Path pml = tmp.resolve("m.pml");
        CliTest.Out r = CliTest.cli("export", "--promela", f.toString(), "--policy", "pre_patch", "-o", pml.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(pml);
        assertTrue(text.contains("proctype P0_qemu()") && text.contains("proctype P1_numa_maps()"), text);
        assertTrue(text.contains("Policy PRE_PATCH"));
        assertTrue(Files.list(tmp).noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        CliTest.Out bad = CliTest.cli("export", "--promela", f.toString(), "--policy", "sometimes");
        CliTest.assertOneLineError(bad);
        assertTrue(bad.err().contains("unknown policy 'sometimes'"), bad.err());
    }

    @Test
    void verifyPrintsTheComparisonAsJsonAndJunitAndAgrees() throws Exception {
        assertNull(SpinVerifier.missingTools());
        Path f = example("04-adversarial-livelock");
        Path junit = tmp.resolve("spin.xml");
        CliTest.Out r = CliTest.cli("verify", "--spin", f.toString(), "--policy", "PATCH_V1", "--json", "--junit",
                junit.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) new MiniJson(r.out()).parse();
        assertEquals(true, j.get("agree"));
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((List<Object>) j.get("rows")).get(0);
        assertEquals("AGREE", row.get("agreement"));
        @SuppressWarnings("unchecked")
        Map<String, Object> spin = (Map<String, Object>) row.get("spin");
        assertEquals(List.of("OK"), ((List<?>) spin.get("results")).stream()
                .map(x -> ((Map<?, ?>) x).get("result")).toList());
        assertEquals(1, ((List<?>) spin.get("livelocks")).size(), "SPIN finds the retry livelock");
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"1\" failures=\"0\"") && xml.contains("PATCH_V1 qemu SPIN agrees"), xml);
    }

    @Test
    void aDisagreementExitsOneAndShowsSpinsWitnessAsASchedule() throws Exception {
        assertNull(SpinVerifier.missingTools());
        Path f = example("10-stale-pfn-w0-prefix");
        System.setProperty("pinscope.testonly.fault.reductionTreatsLockStepAsLocal", "true");
        CliTest.Out r;
        try {
            r = CliTest.cli("verify", "--spin", f.toString(), "--policy", "PRE_PATCH");
        } finally {
            System.clearProperty("pinscope.testonly.fault.reductionTreatsLockStepAsLocal");
        }
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("DISAGREEMENT PRE_PATCH qemu: violation no vs yes"), r.out());
        assertTrue(r.out().matches("(?s).*SPIN only: stale PFN, schedule \\S+.*"), r.out());
        assertTrue(r.out().contains(" NO"), "the agreement column says NO: " + r.out());
    }

    @Test
    void mergeReadsASwarmDirectoryAndBadDirectoriesAreOneLine() throws Exception {
        CliTest.assertOneLineError(CliTest.cli("verify", "--spin-merge", tmp.resolve("nothing").toString()));
        CliTest.assertOneLineError(CliTest.cli("verify", "--spin", "--spin-merge", tmp.toString()));
        assertNull(SpinVerifier.missingTools());
        Path f = example("02-numa-maps-split-w1");
        Path runs = tmp.resolve("runs");
        CliTest.Out r = CliTest.cli("verify", "--spin", f.toString(), "--policy", "PRE_PATCH", "--spin-mode", "swarm",
                "--spin-members", "2", "--spin-hash-bits", "20", "--spin-dir", runs.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("APPROXIMATE"), r.out());
        assertTrue(Files.isRegularFile(runs.resolve("PRE_PATCH/swarm.sh")));
        CliTest.Out m = CliTest.cli("verify", "--spin-merge", runs.resolve("PRE_PATCH").toString());
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("results [OK, -EINVAL]") && m.out().contains("APPROXIMATE"), m.out());
    }
}
