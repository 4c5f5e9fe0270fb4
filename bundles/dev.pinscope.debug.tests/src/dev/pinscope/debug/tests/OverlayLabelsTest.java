package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.ui.RunOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.diagram.IScenarioDiagram.DrawnText;
import dev.pinscope.testsupport.UiTestSupport;

/**
 * What the debugger's labels on the diagram look like at every step of shipped examples with ghosts, faulted-in
 * leaves and unmapped VMAs, read from the texts the diagram draws: no run label covers any other text (an
 * element's line, a lock badge, a link's label, a tick) nor another label, and each is drawn in full on the canvas.
 * Example 02's split step is the known case: its one-slot-high VMA has no free line for the ghost's label.
 */
class OverlayLabelsTest {

    private IWorkbenchPage page;

    @BeforeEach
    void setUp() throws Exception {
        page = debugPerspective();
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-numa-maps-split-w1", "08-device-reset", "14-munmap-between-calls"})
    void noRunLabelCoversAnotherTextAtAnyStep(String example) throws Exception {
        Path file = exampleFile(example);
        IEditorPart editor = org.eclipse.ui.ide.IDE.openEditorOnFileStore(page,
                org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(file.toUri()));
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        assertNotNull(diagram);
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, null));
        assertTrue(t.resumeAndWait(60_000));
        long length = t.run().length();
        List<String> labelsSeen = new ArrayList<>();
        for (long step = 0; step <= length; step++) {
            t.goTo(step);
            long at = step;
            waitUntil("the diagram shows step " + step, 30_000,
                    () -> diagram.getOverlay() instanceof RunOverlay o && o.state().position() == at);
            UiTestSupport.settle(() -> diagram.drawnTexts().toString() + List.of(diagram.diagramSize()[0], diagram.diagramSize()[1]), 10_000);
            List<DrawnText> texts = diagram.drawnTexts();
            int[] size = diagram.diagramSize();
            List<DrawnText> labels = texts.stream().filter(x -> x.owner().equals("run overlay")).toList();
            for (DrawnText l : labels) {
                labelsSeen.add(step + ": " + l.text());
                assertEquals(l.text(), l.shown(), "step " + step + ": the label is drawn in full");
                assertTrue(l.x() >= 0 && l.y() >= 0 && l.x() + l.width() <= size[0] && l.y() + l.height() <= size[1],
                        "step " + step + ": '" + l.text() + "' at " + box(l) + " lies on the canvas " + List.of(size[0], size[1]));
                for (DrawnText o : texts) {
                    if (o != l && intersects(l, o)) {
                        throw new AssertionError("step " + step + " of " + example + ": the run label '" + l.text() + "' at "
                                + box(l) + " covers '" + o.shown() + "' (" + o.owner() + ") at " + box(o));
                    }
                }
            }
            if (example.startsWith("02") && labels.stream().anyMatch(l -> l.text().startsWith("PUD zapped by numa_maps"))) {
                // the known case: the VMA still says who faults the leaf in, and both texts stay readable
                assertTrue(texts.stream().anyMatch(x -> x.shown().equals("no entry at start — faulted in by qemu")), texts.toString());
                if (labelsSeen.stream().filter(s -> s.contains("PUD zapped by numa_maps")).count() == 1) {
                    page.activate(editor);
                    screenshot(window().getShell(), "overlay-labels-" + example + "-step-" + step + ".png");
                }
            }
        }
        assertTrue(labelsSeen.stream().anyMatch(s -> s.contains(" zapped by ") || s.contains("unmapped")),
                "the example shows ghosts or unmapped VMAs at some step: " + labelsSeen);
    }

    private static boolean intersects(DrawnText a, DrawnText b) {
        return a.x() < b.x() + b.width() && b.x() < a.x() + a.width() && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
    }

    private static String box(DrawnText t) {
        return "(" + t.x() + ", " + t.y() + ", " + t.width() + "x" + t.height() + ")";
    }
}
