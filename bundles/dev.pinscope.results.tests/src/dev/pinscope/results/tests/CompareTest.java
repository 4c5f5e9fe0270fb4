package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ResultsFiles;
import dev.pinscope.results.internal.ResultsView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare Policies and Explore All Interleavings in the workbench agree with {@code pinscope compare --json}. */
class CompareTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        Fixture.reset();
    }

    /** The CLI's results as Results view rows: policy label, pinner, result, pinned pages, shortest run, return states. */
    @SuppressWarnings("unchecked")
    static List<List<String>> expectedRows(Map<String, Object> json) {
        List<List<String>> rows = new ArrayList<>();
        for (Object o : (List<Object>) json.get("results")) {
            Map<String, Object> r = (Map<String, Object>) o;
            Policy p = Policy.valueOf((String) r.get("policy"));
            boolean ok = r.get("result").equals("OK");
            rows.add(List.of(p.name() + " (" + p.letter() + ")", (String) r.get("actor"),
                    ok ? "OK" : "-" + r.get("result"), ok ? String.valueOf(r.get("pinnedPages")) : "-",
                    ((List<?>) r.get("witness")).size() + " steps", String.format(java.util.Locale.ROOT, "%,d", ((Number) r.get("count")).longValue())));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    @Test
    void comparePoliciesOnW1SplitShowsExactlyTheCliRows() throws Exception {
        Path file = Fixture.save(Fixture.example("02-numa-maps-split-w1"), tmp, "w1-split.pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        ResultsView v = Fixture.waitForResults(60_000);

        Map<String, Object> cli = Fixture.cliJson("compare", file.toString(), "--json");
        List<List<String>> rows = Fixture.resultRows(v);
        assertEquals(expectedRows(cli), rows);
        assertEquals(Policy.values().length, v.tree().getItems().length - 1, "a node per policy + expectations");
        // §10 row 2: only the pre-patch kernel can fail, with -EINVAL
        List<String> einval = rows.stream().filter(r -> r.get(0).startsWith("PRE_PATCH") && r.get(2).equals("-EINVAL"))
                .findFirst().orElseThrow();
        assertEquals(List.of("PRE_PATCH (a)", "qemu", "-EINVAL", "-"), einval.subList(0, 4));
        assertTrue(rows.stream().filter(r -> !r.get(0).startsWith("PRE_PATCH")).allMatch(r -> r.get(2).equals("OK")));
        assertEquals(((List<Object>) cli.get("livelocks")).size(), Fixture.rowsOfKind(v, "LIVELOCK").size());
        assertEquals(((List<Object>) cli.get("violations")).size(), Fixture.rowsOfKind(v, "VIOLATION").size());
        assertEquals(((List<Object>) cli.get("deadlocks")).size(), Fixture.rowsOfKind(v, "DEADLOCK").size());
        assertTrue(Fixture.rowsOfKind(v, "BOUND REACHED").isEmpty());

        // expectations: the same verdicts, in the same order
        List<String> cliExp = new ArrayList<>();
        for (Object o : (List<Object>) cli.get("expectations")) {
            Map<String, Object> e = (Map<String, Object>) o;
            cliExp.add((Boolean) e.get("ok") ? "pass" : "FAIL");
        }
        TreeItem exps = v.tree().getItems()[v.tree().getItemCount() - 1];
        assertEquals("Expectations", exps.getText(0));
        List<String> viewExp = new ArrayList<>();
        for (TreeItem e : exps.getItems()) {
            viewExp.add(e.getText(0));
        }
        assertEquals(cliExp, viewExp);
        assertTrue(v.statusText().contains("complete"), v.statusText());

        // mail-ready table: one line per policy, the -EINVAL column, aligned
        String text = v.plainText();
        assertTrue(text.contains("PRE_PATCH (a)"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Policy") && l.contains("EINVAL") && l.contains("Livelock")),
                text);
        v.copyTable();
        org.eclipse.swt.dnd.Clipboard cb = new org.eclipse.swt.dnd.Clipboard(v.tree().getDisplay());
        try {
            assertEquals(text, cb.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance()), "Copy as Plain Text");
        } finally {
            cb.dispose();
        }
        assertEquals(Policy.values().length, text.lines().filter(l -> l.matches("^[A-Z0-9_]+ \\([a-e]'?\\) .*")).count(),
                text);
    }

    @Test
    void exploreAllInterleavingsUsesTheScenarioPolicyLikeCliExplore() throws Exception {
        Path file = Fixture.save(Fixture.example("04-adversarial-livelock"), tmp, "adversarial.pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.EXPLORE_COMMAND);
        ResultsView v = Fixture.waitForResults(60_000);
        Map<String, Object> cli = Fixture.cliJson("explore", file.toString(), "--json");
        assertEquals("PATCH_V1", cli.get("policy"));
        assertEquals(expectedRows(cli), Fixture.resultRows(v));
        assertEquals(1, v.tree().getItems().length - 1, "only the scenario's policy");
        // §10 row 4 under the v1 patch: the pinner can retry forever
        List<TreeItem> live = Fixture.rowsOfKind(v, "LIVELOCK");
        assertEquals(1, live.size());
        assertTrue(live.get(0).getText(6).contains("stem") && live.get(0).getText(6).contains("loop"));
    }

    @Test
    void resultsPersistBesideTheScenarioReloadWithItAndGoStaleOnEdit() throws Exception {
        Path file = Fixture.save(Fixture.example("02-numa-maps-split-w1"), tmp, "persist.pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        ResultsView v = Fixture.waitForResults(60_000);
        List<List<String>> before = Fixture.resultRows(v);

        Path saved = tmp.resolve("persist.pinscope.results.json");
        assertTrue(Files.isRegularFile(saved), "results saved beside the scenario");
        var back = ReportJson.read(Files.readString(saved, StandardCharsets.UTF_8));
        assertEquals(Policy.values().length, back.reports().size());
        assertEquals(v.shown().comparison().reports().get(Policy.PRE_PATCH).results(),
                back.reports().get(Policy.PRE_PATCH).results());

        // close and forget everything in memory: reopening reads the file
        Fixture.reset();
        IEditorPart editor = Fixture.open(file);
        v = Fixture.view();
        Fixture.page().activate(editor);
        drain();
        assertNotNull(v.shown(), "results reloaded with the scenario");
        assertEquals(before, Fixture.resultRows(v));
        assertFalse(v.isStale());
        assertEquals("", v.staleText());

        // an edit through the editor's command stack marks them stale; undo makes them current again
        Scenario s = Fixture.example("02-numa-maps-split-w1");
        assertNotNull(s);
        CommandStack stack = (CommandStack) editor.getAdapter(CommandStack.class);
        var scenario = ((dev.pinscope.diagram.IScenarioDiagram) editor.getAdapter(
                dev.pinscope.diagram.IScenarioDiagram.class)).getScenario();
        int old = scenario.getMaxRetries();
        stack.execute(new Command("Set maxRetries") {
            @Override
            public void execute() {
                scenario.setMaxRetries(old + 5);
            }

            @Override
            public void undo() {
                scenario.setMaxRetries(old);
            }
        });
        drain();
        assertTrue(v.isStale());
        assertTrue(v.staleText().startsWith("STALE"), v.staleText());
        stack.undo();
        drain();
        assertFalse(v.isStale(), "undo restores the explored content");
        assertEquals(ResultsFiles.digest(scenario), v.shown().digest());
    }
}
