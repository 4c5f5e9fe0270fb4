package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.cli.PinscopeCli;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The headless CLI as CI uses it: exit codes, the JSON shape, JUnit XML and one-line errors. */
class CliTest {
    @TempDir
    Path tmp;

    record Out(int code, String out, String err) {
    }

    static Out cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new PinscopeCli(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8)).run(args);
        return new Out(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Writes a shipped example to a temp file (optionally changed) and returns its path. */
    Path example(String id, java.util.function.Consumer<Scenario> change) throws IOException {
        return example(tmp, id, change);
    }

    /** The same into dir, for the other CLI tests. */
    static Path example(Path dir, String id, java.util.function.Consumer<Scenario> change) throws IOException {
        LoadResult lr = Examples.load(id);
        assertTrue(lr.ok(), lr.firstProblem());
        if (change != null) {
            change.accept(lr.scenario());
        }
        Path p = dir.resolve(id + ".pinscope");
        Files.write(p, Scenarios.toBytes(lr.scenario()));
        return p;
    }

    static void assertOneLineError(Out r) {
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + r.err());
        assertTrue(lines[0].startsWith("pinscope: "), lines[0]);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void compareOnAnExampleWhoseExpectationsHoldExitsZeroAndPrintsTheTable() throws IOException {
        Out r = cli("compare", example("04-adversarial-livelock", null).toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String p : List.of("PRE_PATCH", "PATCH_V1", "BOUNDED", "GUP_STYLE", "GUP_STYLE_DROP_LOCK", "ENOENT")) {
            assertTrue(r.out().contains(p), p);
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PATCH_V1 (b)") && l.contains("YES")),
                "v1 row shows the livelock:\n" + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("BOUNDED (c)") && l.contains("EBUSY")), r.out());
    }

    @Test
    void aFailingExpectationExitsOne() throws IOException {
        Path f = example("02-numa-maps-split-w1", s -> {
            for (Expectation e : s.getExpectations()) {
                if (e.getPolicy().getName().equals("PRE_PATCH")) {
                    e.getResults().clear();
                    e.getResults().add(Errno.OK); // wrong: pre-patch reaches -EINVAL too
                }
            }
        });
        Out r = cli("explore", f.toString(), "--policy", "all");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL"), r.out());
        Out run = cli("run", f.toString(), "--policy", "PRE_PATCH");
        assertEquals(1, run.code(), run.out());
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        Out r = cli("explore", example("04-adversarial-livelock", null).toString(), "--policy", "PATCH_V1", "--json");
        assertEquals(0, r.code(), r.err());
        Object parsed = new MiniJson(r.out()).parse();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) assertInstanceOf(Map.class, parsed);
        for (String k : List.of("scenario", "policy", "mode", "complete", "states", "transitions", "seconds",
                "results", "violations", "livelocks", "deadlocks", "expectations")) {
            assertTrue(j.containsKey(k), "key " + k + " in " + j.keySet());
        }
        assertEquals("PATCH_V1", j.get("policy"));
        assertEquals("explore", j.get("mode"));
        assertEquals(Boolean.TRUE, j.get("complete"));
        assertInstanceOf(Number.class, j.get("states"));
        List<?> results = (List<?>) j.get("results");
        assertFalse(results.isEmpty());
        Map<?, ?> r0 = (Map<?, ?>) results.get(0);
        for (String k : List.of("actor", "result", "pinnedPages", "count", "witness")) {
            assertTrue(r0.containsKey(k), k);
        }
        assertEquals("OK", r0.get("result"));
        assertInstanceOf(List.class, r0.get("witness"));
        List<?> live = (List<?>) j.get("livelocks");
        assertEquals(1, live.size(), "v1 livelocks with the forever walker");
        Map<?, ?> l0 = (Map<?, ?>) live.get(0);
        assertEquals("qemu", l0.get("actor"));
        assertFalse(((List<?>) l0.get("loop")).isEmpty());
        assertInstanceOf(List.class, l0.get("stem"));
        Map<?, ?> e0 = (Map<?, ?>) ((List<?>) j.get("expectations")).get(0);
        for (String k : List.of("policy", "expected", "actual", "ok")) {
            assertTrue(e0.containsKey(k), k);
        }
        assertEquals(Boolean.TRUE, e0.get("ok"));
    }

    @Test
    void runJsonAndTraceAndRandomSchedulerAreDeterministic() throws IOException {
        Path f = example("03-storm-k2", null);
        Out a = cli("run", f.toString(), "--scheduler", "random:9", "--json");
        Out b = cli("run", f.toString(), "--scheduler", "random:9", "--json");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out().replaceAll("\"seconds\": [0-9.]+", ""), b.out().replaceAll("\"seconds\": [0-9.]+", ""));
        Map<?, ?> j = (Map<?, ?>) new MiniJson(a.out()).parse();
        assertEquals("run", j.get("mode"));
        Out t = cli("run", f.toString(), "--trace");
        assertEquals(0, t.code(), t.out());
        assertTrue(t.out().contains("F2_READ"), t.out());
        assertTrue(t.out().contains("vaddr_get_pfns"));
    }

    @Test
    void junitFileHasOneTestCasePerExpectation() throws IOException {
        Path f = example("06-command-memory-disable", null);
        Path x = tmp.resolve("out.xml");
        Out r = cli("compare", f.toString(), "--junit", x.toString());
        assertEquals(0, r.code(), r.out());
        String xml = Files.readString(x);
        long cases = xml.lines().filter(l -> l.contains("<testcase")).count();
        LoadResult lr = Scenarios.load(f);
        assertEquals(lr.scenario().getExpectations().size(), cases);
        assertTrue(xml.contains("failures=\"0\""), xml);
    }

    @Test
    void validateGoodFileExitsZero() throws IOException {
        Out r = cli("validate", example("01-alone", null).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<x", "not xml at all", "<?xml version=\"1.0\"?><foo/>",
        "<?xml version=\"1.0\"?><pinscope:Scenario xmlns:pinscope=\"http://pinscope.dev/scenario/1.0\" "
            + "xmlns:xmi=\"http://www.omg.org/XMI\" xmi:version=\"2.0\" formatVersion=\"99\" name=\"x\"/>",
        "<?xml version=\"1.0\"?><pinscope:Scenario xmlns:pinscope=\"http://pinscope.dev/scenario/1.0\" "
            + "xmlns:xmi=\"http://www.omg.org/XMI\" xmi:version=\"2.0\" name=\"x\"><actors "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"pinscope:Pinner\" name=\"p\" "
            + "vaddr=\"4097\" size=\"-5\"/></pinscope:Scenario>"})
    void badFilesExitTwoWithOneLine(String content) throws IOException {
        Path f = tmp.resolve("bad.pinscope");
        Files.writeString(f, content);
        for (String cmd : List.of("validate", "run", "explore", "compare")) {
            assertOneLineError(cli(cmd, f.toString()));
        }
    }

    @Test
    void danglingReferenceIsBadInput() throws IOException {
        String good = Files.readString(example("02-numa-maps-split-w1", null));
        Path f = tmp.resolve("dangling.pinscope");
        Files.writeString(f, good.replace("//@actors.1\"", "//@actors.7\""));
        assertOneLineError(cli("explore", f.toString()));
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        String f = example("01-alone", null).toString();
        assertOneLineError(cli());
        assertOneLineError(cli("frobnicate", f));
        assertOneLineError(cli("run"));
        assertOneLineError(cli("run", tmp.resolve("missing.pinscope").toString()));
        // a directory stands for its .pinscope files (MultiFileCliTest); one without any is bad input
        assertOneLineError(cli("run", Files.createDirectories(tmp.resolve("no-scenarios")).toString()));
        assertOneLineError(cli("run", f, "--policy", "NOPE"));
        assertOneLineError(cli("run", f, "--scheduler", "fifo"));
        assertOneLineError(cli("run", f, "--scheduler", "random:x"));
        assertOneLineError(cli("explore", f, "--max-states", "-3"));
        assertOneLineError(cli("explore", f, "--bogus"));
        assertOneLineError(cli("export", "--promela", f, f));
    }

    @Test
    void stateBudgetMakesTheReportPartialAndNeverPassesAnAllSchedulesExpectation() throws IOException {
        Path f = example("04-adversarial-livelock", null);
        Out r = cli("explore", f.toString(), "--policy", "BOUNDED", "--max-states", "20");
        // undecided, not refuted: exit 3 and INCONCLUSIVE (it used to be FAIL and exit 1)
        assertEquals(3, r.code(), r.out());
        assertTrue(r.out().contains("PARTIAL"), r.out());
        assertTrue(r.out().contains("INCONCLUSIVE"), r.out());
        assertFalse(r.out().contains("FAIL"), r.out());
    }
}
