package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.spec.Policy;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ResultsView;
import dev.pinscope.results.internal.ShareChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results that read right: what the bars, the number columns and a shipped example's results say to a user. */
class ReadingTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        Fixture.reset();
    }

    private static ResultsView compareInFullView(IEditorPart editor) throws Exception {
        Fixture.page().activate(editor);
        ResultsView v = Fixture.compareMaximized();
        v.chart().control().redraw();
        v.chart().control().update();
        drain();
        return v;
    }

    /** §10 row 4 under PATCH_V1 livelocks: its bar has a hatched livelock segment and no full-width OK. */
    @Test
    void aLivelockingPolicysBarShowsTheLivelockAsASegment() throws Exception {
        Path file = Fixture.save(Fixture.example("04-adversarial-livelock"), tmp, "04-adversarial-livelock.pinscope");
        ResultsView v = compareInFullView(Fixture.open(file));
        try {
            assertFalse(v.shown().comparison().reports().get(Policy.PATCH_V1).livelocks().isEmpty(), "PATCH_V1 livelocks on row 4");
            List<ShareChart.Segment> bar = v.chart().segments().stream().filter(s -> s.policy() == Policy.PATCH_V1).toList();
            ShareChart.Segment live = bar.stream().filter(s -> s.share().forever()).findFirst().orElse(null);
            assertNotNull(live, "PATCH_V1's bar has a livelock segment: " + bar);
            assertEquals("\u221e LIVELOCK", live.share().label());
            int barWidth = bar.stream().mapToInt(s -> s.bounds().width).sum();
            assertTrue(live.bounds().width >= barWidth / 20, "the livelock segment is visible: " + live.bounds() + " of " + barWidth);
            for (ShareChart.Segment s : bar) {
                if (!s.share().forever()) {
                    assertTrue(s.bounds().width < barWidth, s.share().label() + " does not fill the bar");
                }
            }
            // what is drawn: the livelock segment is hatched (red lines on white), not a flat result colour
            Image shot = new Image(v.chart().control().getDisplay(), v.chart().control().getSize().x, v.chart().control().getSize().y);
            GC gc = new GC(v.chart().control());
            gc.copyArea(shot, 0, 0);
            gc.dispose();
            ImageData px = shot.getImageData();
            shot.dispose();
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            var b = live.bounds();
            for (int x = b.x + 1; x < b.x + b.width - 1; x++) {
                colours.add(px.getPixel(x, b.y + b.height / 2));
            }
            assertTrue(colours.size() >= 2, "the livelock segment is hatched: " + colours.size() + " colours");
            assertTrue(ShareChart.TOOL_TIP.contains("Not probabilities"), v.chart().control().getToolTipText());
            Fixture.screenshot(v.getSite().getShell(), "results-livelock-bar.png");
        } finally {
            Fixture.page().setPartState(Fixture.page().getReference(v), IWorkbenchPage.STATE_RESTORED);
        }
    }

    /** Count is gone: each result row says how long its shortest run is and from how many states it is returned. */
    @Test
    void resultRowsNameTheShortestRunAndTheReturnStates() throws Exception {
        Path file = Fixture.save(Fixture.example("02-numa-maps-split-w1"), tmp, "w1.pinscope");
        ResultsView v = compareInFullView(Fixture.open(file));
        try {
            List<String> headers = java.util.Arrays.stream(v.tree().getColumns()).map(TreeColumn::getText).toList();
            assertFalse(headers.contains("Count"), headers.toString());
            assertTrue(headers.containsAll(List.of("Shortest run", "Return states")), headers.toString());
            GC gc = new GC(v.tree());
            for (TreeColumn c : v.tree().getColumns()) {
                assertTrue(gc.stringExtent(c.getText()).x < c.getWidth(), "the header " + c.getText() + " is not cut at the default font");
                if (c.getText().equals("Return states")) {
                    assertTrue(c.getToolTipText().contains("not a probability"), c.getToolTipText());
                }
            }
            for (TreeItem policy : v.tree().getItems()) {
                int right = policy.getTextBounds(0).x + gc.stringExtent(policy.getText(0)).x;
                assertTrue(right <= v.tree().getColumn(0).getWidth(), policy.getText(0) + " is cut: " + right);
            }
            gc.dispose();
            for (TreeItem policy : v.tree().getItems()) {
                for (TreeItem r : policy.getItems()) {
                    if (r.getText(0).equals("result")) {
                        assertTrue(r.getText(4).matches("\\d+ steps"), r.getText(4));
                        assertTrue(r.getText(5).matches("[\\d,]+"), r.getText(5));
                    }
                }
            }
            Fixture.screenshot(v.getSite().getShell(), "results-view.png");
        } finally {
            Fixture.page().setPartState(Fixture.page().getReference(v), IWorkbenchPage.STATE_RESTORED);
        }
    }

    /** A shipped example has no file: its results offer a copy that keeps them, and the copy reopens with them. */
    @Test
    void resultsOfAShippedExampleCanBeSavedWithACopy() throws Exception {
        IEditorPart example = Fixture.page().openEditor(new dev.pinscope.diagram.internal.editor.ExampleEditorInput(
                Examples.find("02-numa-maps-split-w1").orElseThrow()), dev.pinscope.diagram.DiagramIds.EDITOR_ID);
        drain();
        ResultsView v = compareInFullView(example);
        try {
            assertTrue(v.statusText().contains("kept until Pinscope closes"), v.statusText());
            assertFalse(v.statusText().contains("not saved"), v.statusText());
            assertTrue(v.saveCopyButton().isVisible() && v.saveCopyButton().getSize().x > 0, "the Save a Copy button is shown");
            assertEquals(ResultsView.SAVE_COPY, v.saveCopyButton().getText());
            Fixture.screenshot(v.getSite().getShell(), "results-shipped-example.png");

            Path copy = tmp.resolve("02-numa-maps-split-w1 (copy).pinscope");
            assertTrue(v.saveCopyWithResults(copy));
            drain();
            assertTrue(Files.isRegularFile(copy), "the scenario copy is written");
            assertTrue(Files.isRegularFile(tmp.resolve("02-numa-maps-split-w1 (copy).pinscope" + ResultsIds.RESULTS_SUFFIX)),
                    "its results are written beside it");
            assertEquals("02-numa-maps-split-w1 (copy).pinscope", example.getTitle());
            assertFalse(v.statusText().contains("kept until"), v.statusText());
            assertFalse(v.saveCopyButton().isVisible(), "a scenario with a file keeps its results itself");
            List<List<String>> rows = Fixture.resultRows(v);

            Fixture.page().setPartState(Fixture.page().getReference(v), IWorkbenchPage.STATE_RESTORED);
            Fixture.page().closeAllEditors(false);
            dev.pinscope.results.internal.ResultsStore.get().clear();
            drain();
            Fixture.open(copy);
            drain();
            ResultsView again = Fixture.view();
            drain();
            assertEquals(rows, Fixture.resultRows(again), "the copy reopens with its results");
        } finally {
            Fixture.page().setPartState(Fixture.page().getReference(v), IWorkbenchPage.STATE_RESTORED);
        }
    }
}
