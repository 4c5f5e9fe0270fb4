package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.cli.tests.CliTest.Out;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --no-cycles}: the same results without the livelock/starvation analysis, and an expectation about a
 * livelock is then undecided (never passed on a search that did not look for cycles), unless the results refute it.
 */
class NoCyclesTest {
    @TempDir
    Path tmp;

    private Path example(String id, Consumer<Scenario> change) throws IOException {
        return CliTest.example(tmp, id, change);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Out r) {
        return (Map<String, Object>) new MiniJson(r.out()).parse();
    }

    @Test
    void withoutCyclesTheLivelockIsNotReportedAndItsExpectationIsInconclusive() throws IOException {
        String f = example("04-adversarial-livelock", null).toString();
        Out full = CliTest.cli("explore", f, "--policy", "PATCH_V1", "--json");
        assertEquals(0, full.code(), full.out() + full.err());
        Out fast = CliTest.cli("explore", f, "--policy", "PATCH_V1", "--json", "--no-cycles");
        assertEquals(3, fast.code(), fast.out() + fast.err());
        Map<String, Object> j = json(full);
        Map<String, Object> k = json(fast);
        assertEquals(1, ((List<?>) j.get("livelocks")).size(), "the full search finds the v1 livelock");
        assertEquals(List.of(), k.get("livelocks"), "--no-cycles looks for none");
        assertEquals(j.get("results"), k.get("results"), "same results, witnesses and counts");
        assertEquals(j.get("states"), k.get("states"));
        Map<?, ?> e = (Map<?, ?>) ((List<?>) k.get("expectations")).get(0);
        assertEquals(Boolean.FALSE, e.get("ok"));
        assertEquals(Boolean.TRUE, e.get("inconclusive"));
        assertTrue(String.valueOf(e.get("actual")).contains("livelock=not checked"), String.valueOf(e.get("actual")));

        Out text = CliTest.cli("explore", f, "--policy", "PATCH_V1", "--no-cycles");
        assertEquals(3, text.code(), text.out());
        assertTrue(text.out().contains("Livelock/starvation: not checked (--no-cycles)"), text.out());
        assertTrue(text.out().contains("INCONCLUSIVE"), text.out());
        assertFalse(text.out().contains("FAIL"), text.out());
    }

    @Test
    void aCompleteSearchWithoutCyclesStillRefutesWrongResults() throws IOException {
        Path f = example("02-numa-maps-split-w1", s -> {
            for (Expectation e : s.getExpectations()) {
                if (e.getPolicy().getName().equals("PRE_PATCH")) {
                    e.getResults().clear();
                    e.getResults().add(Errno.OK); // wrong: pre-patch reaches -EINVAL too
                }
            }
        });
        Out r = CliTest.cli("explore", f.toString(), "--policy", "PRE_PATCH", "--no-cycles");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL"), r.out());
        Out compare = CliTest.cli("compare", f.toString(), "--no-cycles");
        assertEquals(1, compare.code(), compare.out());
    }

    @Test
    void theOptionIsInTheHelpOfExploreAndCompare() {
        for (String cmd : List.of("explore", "compare")) {
            Out h = CliTest.cli(cmd, "--help");
            assertEquals(0, h.code());
            assertTrue(h.out().contains("--no-cycles") && h.out().contains("livelock/starvation"), h.out());
        }
        Out run = CliTest.cli("run", "--help");
        assertFalse(run.out().contains("--no-cycles"), run.out());
    }
}
