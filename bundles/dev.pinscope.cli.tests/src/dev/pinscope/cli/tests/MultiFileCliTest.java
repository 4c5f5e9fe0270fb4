package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.cli.tests.CliTest.Out;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files per call (issue 18): one summary, the worst exit code, one JUnit suite per file; compare --policy. */
class MultiFileCliTest {
    @TempDir
    Path tmp;

    Path example(Path dir, String id, Consumer<Scenario> change) throws IOException {
        LoadResult lr = Examples.load(id);
        assertTrue(lr.ok(), lr.firstProblem());
        if (change != null) {
            change.accept(lr.scenario());
        }
        Files.createDirectories(dir);
        Path p = dir.resolve(id + ".pinscope");
        Files.write(p, Scenarios.toBytes(lr.scenario()));
        return p;
    }

    static String scenarioName(String id) {
        return Examples.load(id).scenario().getName();
    }

    /** Example 02 with a wrong PRE_PATCH expectation (pre-patch reaches -EINVAL too): refuted, exit 1. */
    Path refuted(Path dir) throws IOException {
        Path p = example(dir, "02-numa-maps-split-w1", s -> {
            for (Expectation e : s.getExpectations()) {
                if (e.getPolicy().getName().equals("PRE_PATCH")) {
                    e.getResults().clear();
                    e.getResults().add(Errno.OK);
                }
            }
        });
        Path renamed = dir.resolve("02-wrong.pinscope");
        Files.move(p, renamed);
        return renamed;
    }

    /** The summary's "  CODE  NAME  FILE" rows, file name to exit code. */
    static Map<String, Integer> summary(String out) {
        int at = out.lastIndexOf("Summary: ");
        assertTrue(at >= 0, "a summary at the end:\n" + out);
        Map<String, Integer> rows = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^  (\\d)  \\S+(?: \\S+)? +(\\S+)$").matcher(out.substring(at));
        while (m.find()) {
            rows.put(Path.of(m.group(2)).getFileName().toString(), Integer.parseInt(m.group(1)));
        }
        return rows;
    }

    static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void compareOfTwoFilesPrintsBothTablesOneSummaryAndOneJunitSuiteEach() throws IOException {
        Path a = example(tmp, "04-adversarial-livelock", null);
        Path b = example(tmp, "02-numa-maps-split-w1", null);
        Path junit = tmp.resolve("report.xml");
        Out r = CliTest.cli("compare", a.toString(), b.toString(), "--junit", junit.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.err());
        assertEquals(2, count(r.out(), "\nPATCH_V1 (b)"), "one policy table per file:\n" + r.out());
        assertEquals(1, count(r.out(), "Summary: "), r.out());
        assertTrue(r.out().contains("Summary: 2 files, exit 0 (ok)"), r.out());
        assertEquals(Map.of("04-adversarial-livelock.pinscope", 0, "02-numa-maps-split-w1.pinscope", 0), summary(r.out()));
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<testsuites>"), xml);
        assertEquals(2, count(xml, "<testsuite "), xml);
        assertTrue(xml.contains("name=\"pinscope." + scenarioName("04-adversarial-livelock") + "\""), xml);
        assertTrue(xml.contains("name=\"pinscope." + scenarioName("02-numa-maps-split-w1") + "\""), xml);
        assertEquals(0, count(xml, "<failure"), xml);
    }

    @Test
    void theExitCodeIsTheWorstFilesAndABadFileDoesNotStopTheOthers() throws IOException {
        Path good = example(tmp, "04-adversarial-livelock", null);
        Path wrong = refuted(tmp);
        Path missing = tmp.resolve("no-such.pinscope");
        Path junit = tmp.resolve("report.xml");
        Out r = CliTest.cli("compare", good.toString(), missing.toString(), wrong.toString(), "--junit", junit.toString());
        assertEquals(2, r.code(), "bad input is the worst:\n" + r.out() + r.err());
        assertEquals(List.of("pinscope: " + missing + ": the file does not exist"), r.err().lines().toList(),
                "one line for the bad file only");
        assertEquals(Map.of("04-adversarial-livelock.pinscope", 0, "no-such.pinscope", 2, "02-wrong.pinscope", 1),
                summary(r.out()));
        assertTrue(r.out().contains("FAIL"), "the refuted file was still checked:\n" + r.out());
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertEquals(3, count(xml, "<testsuite "), xml);
        assertEquals(1, count(xml, "<error "), "the missing file is a suite with one error:\n" + xml);
        assertTrue(xml.contains("does not exist"), xml);
        assertTrue(count(xml, "<failure ") >= 1, "the refuted expectation is a failure:\n" + xml);

        // without the bad file the refutation is the worst
        Out r2 = CliTest.cli("compare", good.toString(), wrong.toString());
        assertEquals(1, r2.code(), r2.out());
    }

    @Test
    void aDirectoryStandsForItsScenarioFilesInNameOrder() throws IOException {
        Path dir = tmp.resolve("scenarios");
        example(dir, "04-adversarial-livelock", null);
        example(dir, "01-alone", null);
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");
        Out r = CliTest.cli("validate", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(List.of("01-alone.pinscope", "04-adversarial-livelock.pinscope"),
                List.copyOf(summary(r.out()).keySet()));
        assertTrue(r.out().indexOf("01-alone.pinscope: valid") < r.out().indexOf("04-adversarial-livelock.pinscope: valid"),
                r.out());
        Out explore = CliTest.cli("explore", dir.toString(), "--policy", "PATCH_V1");
        assertEquals(0, explore.code(), explore.out() + explore.err());
        assertEquals(2, count(explore.out(), "Policy:   PATCH_V1"), explore.out());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Out none = CliTest.cli("compare", empty.toString());
        CliTest.assertOneLineError(none);
        assertTrue(none.err().contains("no .pinscope files"), none.err());
    }

    @Test
    void severalFilesInJsonAreOneDocumentWithEachFilesReport() throws IOException {
        Path a = example(tmp, "04-adversarial-livelock", null);
        Path missing = tmp.resolve("gone.pinscope");
        Out r = CliTest.cli("compare", a.toString(), missing.toString(), "--json", "--policy", "PATCH_V1");
        assertEquals(2, r.code(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) assertInstanceOf(Map.class, new MiniJson(r.out()).parse());
        assertEquals("files", doc.get("mode"));
        assertEquals(2L, ((Number) doc.get("exit")).longValue());
        List<?> files = assertInstanceOf(List.class, doc.get("files"));
        assertEquals(2, files.size());
        Map<?, ?> first = assertInstanceOf(Map.class, files.get(0));
        assertEquals(a.toString(), first.get("file"));
        Map<?, ?> report = assertInstanceOf(Map.class, first.get("report"));
        assertEquals(scenarioName("04-adversarial-livelock"), report.get("scenario"));
        Map<?, ?> second = assertInstanceOf(Map.class, files.get(1));
        assertEquals(2L, ((Number) second.get("exit")).longValue());
        assertTrue(String.valueOf(second.get("error")).contains("does not exist"), second.toString());
    }

    @Test
    void comparePolicyExploresOnlyTheNamedPoliciesAndChecksTheirExpectations() throws IOException {
        Path f = refuted(tmp); // its wrong expectation is PRE_PATCH's
        Out r = CliTest.cli("compare", f.toString(), "--policy", "PATCH_V1,bounded");
        assertEquals(0, r.code(), "PRE_PATCH's refuted expectation is not checked:\n" + r.out() + r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("^[A-Z_0-9]+ \\([a-f]\\) .*")).toList();
        assertEquals(2, rows.size(), r.out());
        assertTrue(rows.get(0).startsWith("PATCH_V1 (b)") && rows.get(1).startsWith("BOUNDED (c)"), rows.toString());
        assertFalse(r.out().contains("PRE_PATCH"), r.out());

        Out withPre = CliTest.cli("compare", f.toString(), "--policy", "pre_patch");
        assertEquals(1, withPre.code(), withPre.out());

        Out bad = CliTest.cli("compare", f.toString(), "--policy", "PATCH_V9");
        CliTest.assertOneLineError(bad);
        assertTrue(bad.err().contains("unknown policy 'PATCH_V9'"), bad.err());
    }

    @Test
    void exportAndVerifyStillTakeOneFile() throws IOException {
        Path a = example(tmp, "01-alone", null);
        Out r = CliTest.cli("export", "--promela", a.toString(), a.toString());
        CliTest.assertOneLineError(r);
        assertTrue(r.err().contains("takes one file"), r.err());
    }
}
