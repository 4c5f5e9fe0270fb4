package dev.pinscope.cli.tests;

import static dev.pinscope.cli.tests.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.cli.tests.CliTest.Out;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes that tell the truth (issue 12, point 4): 0 only when every expectation holds and everything
 * completed, 1 refuted, 2 bad input or usage, 3 inconclusive — a run cut by --max-steps or an exploration stopped
 * by a bound, whose undecided expectations show as INCONCLUSIVE, never FAIL.
 */
class ExitCodesTest {
    @TempDir
    Path tmp;

    Path example(String id, Consumer<Scenario> change) throws IOException {
        return CliTest.example(tmp, id, change);
    }

    @Test
    void aRunCutByMaxStepsWithNothingToCheckIsInconclusive() throws IOException {
        Path f = example("02-numa-maps-split-w1", null);
        // round-robin: the scenario's THIS_SCHEDULE expectations do not apply; cut after 3 steps
        Out r = cli("run", f.toString(), "--scheduler", "round-robin", "--max-steps", "3");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("MAX_STEPS"), r.out());
        Out whole = cli("run", f.toString(), "--scheduler", "round-robin");
        assertEquals(0, whole.code(), whole.out() + whole.err());
    }

    @Test
    void aRunCutBeforeThePinnerReturnsLeavesItsExpectationInconclusive() throws IOException {
        Path f = example("02-numa-maps-split-w1", null);
        Out r = cli("run", f.toString(), "--policy", "PRE_PATCH", "--max-steps", "2");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("INCONCLUSIVE"), r.out());
        assertFalse(r.out().contains("FAIL"), r.out());
        assertTrue(r.out().contains("0 passed, 0 failed, 1 inconclusive"), r.out());
        Out json = cli("run", f.toString(), "--policy", "PRE_PATCH", "--max-steps", "2", "--json");
        assertEquals(3, json.code());
        assertTrue(json.out().contains("\"inconclusive\": true"), json.out());
        // the whole schedule decides it: 0
        assertEquals(0, cli("run", f.toString(), "--policy", "PRE_PATCH").code());
    }

    @Test
    void aPartialExplorationThatFoundARefutingResultIsRefuted() throws IOException {
        // 01: the pinner alone pins everything (OK). Expect only EINVAL: the first OK found refutes it,
        // however early the exploration stops.
        Path f = example("01-alone", s -> {
            for (Expectation e : s.getExpectations()) {
                if (e.getPolicy() == RetryPolicy.PATCH_V1 && e.getScope() == ExpectationScope.ALL_SCHEDULES) {
                    e.getResults().clear();
                    e.getResults().add(Errno.EINVAL);
                }
            }
        });
        Out whole = cli("explore", f.toString(), "--policy", "PATCH_V1");
        assertEquals(1, whole.code(), whole.out());
        // every state budget below the full 24 states stops it early: once OK has been reached (the pinner's
        // last step) the expectation is refuted (1, FAIL); before that nothing refutes it (3, INCONCLUSIVE)
        int refuted = 0;
        int undecided = 0;
        for (int budget = 2; budget <= 24; budget++) {
            Out r = cli("explore", f.toString(), "--policy", "PATCH_V1", "--max-states", String.valueOf(budget), "--json");
            if (r.out().contains("\"complete\": true")) {
                continue;
            }
            boolean foundOk = r.out().contains("\"result\": \"OK\"");
            assertEquals(foundOk ? 1 : 3, r.code(), "budget " + budget + ":\n" + r.out());
            assertTrue(r.out().contains(foundOk ? "\"ok\": false" : "\"inconclusive\": true"), r.out());
            if (foundOk) {
                refuted++;
            } else {
                undecided++;
            }
        }
        assertTrue(refuted > 0 && undecided > 0, "partial runs that refuted: " + refuted + ", undecided: " + undecided);
    }

    @Test
    void aPartialExplorationThatRefutesNothingIsInconclusive() throws IOException {
        Path f = example("04-adversarial-livelock", null);
        Out r = cli("compare", f.toString(), "--max-states", "30", "--json");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"complete\": false"), r.out());
        assertFalse(r.err().contains("\n") && r.err().strip().contains("\n"), "stderr: " + r.err());
        Out full = cli("compare", f.toString());
        assertEquals(0, full.code(), full.out());
    }

    @Test
    void unknownWordsAreOneLineUsageErrors() {
        for (String word : new String[] {"exprot", "frobnicate", "no-such-file.pinscope"}) {
            Out r = cli(word);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pinscope: unknown command '" + word + "'"), r.err());
        }
    }

    @Test
    void hostileFilesGiveOneLineInTheUsersTerms() throws IOException {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pinscope:Scenario xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:pinscope=\"http://pinscope.dev/scenario/1.0\" name=\"t\">\n"
                + "  <kernel/>\n  <addressSpace/>\n";
        String[] bodies = {
            "  <actors xsi:type=\"pinscope:Zapper\" name=\"z\"/>\n  <actors xsi:type=\"pinscope:SignalSender\" name=\"k\" target=\"//@actors.0\"/>\n",
            "  <actors xsi:type=\"pinscope:Pinner\" name=\"q\" vaddr=\"99999999999999999999\" size=\"4096\"/>\n",
            "  <devices name=\"0000:01:00.0\"><bars href=\"http://127.0.0.1:9/x.pinscope#//@y\"/></devices>\n"};
        java.util.regex.Pattern javaName = java.util.regex.Pattern.compile("[A-Z]\\w*(Exception|Error)\\b|\\w+Impl@[0-9a-f]+|\\b(java|org|com)\\.[a-z]+\\.");
        int i = 0;
        for (String body : bodies) {
            Path f = tmp.resolve("h" + i++ + ".pinscope");
            Files.writeString(f, head + body + "</pinscope:Scenario>\n");
            Out r = cli("validate", f.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(javaName.matcher(r.err()).find(), r.err());
            assertTrue(r.err().contains(f + ":"), r.err());
        }
        byte[] bad = (head + "  <actors xsi:type=\"pinscope:Pinner\" name=\"\u00e9\"/>\n</pinscope:Scenario>\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int k = 0; k < bad.length; k++) {
            if (bad[k] == (byte) 0xC3) {
                bad[k + 1] = 'x';
            }
        }
        Path f = tmp.resolve("utf8.pinscope");
        Files.write(f, bad);
        Out r = cli("run", f.toString());
        assertEquals(2, r.code());
        assertFalse(javaName.matcher(r.err()).find(), r.err());
    }

    @Test
    void helpDocumentsEveryExitCode() {
        Out r = cli("--help");
        assertEquals(0, r.code());
        for (String s : new String[] {"0 every checked expectation holds", "1 an expectation is refuted", "2 bad input or usage",
            "3 inconclusive", "INCONCLUSIVE"}) {
            assertTrue(r.out().contains(s), () -> "--help lacks '" + s + "':\n" + r.out());
        }
    }
}
