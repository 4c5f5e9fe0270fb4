package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.TextBox;
import dev.pinscope.diagram.internal.parts.ElementEditPart;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.Actor;

/**
 * The diagram uses the canvas: one that fits is centred on open, one that does not is zoomed out
 * to fit; and the debugger's badges never cover an element's text.
 */
class CanvasTest extends EditorTestCase {

    private static double zoom(ScenarioEditor e) {
        return ((ScalableFreeformRootEditPart) e.viewer().getRootEditPart()).getZoomManager().getZoom();
    }

    /** Where the diagram's boxes are on the canvas, in canvas pixels. */
    private static Rectangle shownBoxes(ScenarioEditor e) {
        Rectangle all = null;
        for (ElementEditPart p : DiagramTexts.elementParts(e)) {
            Rectangle r = p.getFigure().getBounds().getCopy();
            p.getFigure().translateToAbsolute(r);
            all = all == null ? r : all.union(r);
        }
        return all;
    }

    @Test
    void aDiagramThatFitsIsCentredOnOpen() throws Exception {
        ScenarioEditor editor = EditorFixture.openFile(EditorFixture.saved(dir, "small.pinscope", EditorFixture.small()), false);
        FigureCanvas canvas = (FigureCanvas) editor.viewer().getControl();
        Rectangle boxes = shownBoxes(editor);
        var area = canvas.getClientArea();
        assertTrue(zoom(editor) <= 1.0 && zoom(editor) >= 0.3, "at 100 %, or zoomed out to fit the window's height: " + zoom(editor));
        assertTrue(boxes.bottom() <= area.height && boxes.right() <= area.width, "all of it in the window: " + boxes + " in " + area);
        int left = boxes.x;
        int right = area.width - boxes.right();
        assertTrue(Math.abs(left - right) < 60 + area.width / 8, "centred: " + left + " px free on the left, " + right + " on the right of " + area.width);
        assertTrue(left > area.width / 6, "not crammed into the left: " + boxes + " in " + area);
    }

    @Test
    void aDiagramThatDoesNotFitIsZoomedToFit() throws Exception {
        ScenarioBuilder b = ScenarioBuilder.named("wide").device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30);
        for (int i = 0; i < 6; i++) { // wider than the test window, not so wide that its text would vanish
            b.barVma("vma" + i, 0x7f00_0000_0000L + i * (1L << 32), 2L << 20, 0, 0);
        }
        ScenarioEditor editor = EditorFixture.openFile(EditorFixture.saved(dir, "wide.pinscope", b.build()), false);
        FigureCanvas canvas = (FigureCanvas) editor.viewer().getControl();
        assertTrue(zoom(editor) < 1.0 && zoom(editor) >= 0.3, "zoomed out to fit: " + zoom(editor));
        Rectangle boxes = shownBoxes(editor);
        assertTrue(boxes.right() <= canvas.getClientArea().width, "every box is in the window: " + boxes + " in " + canvas.getClientArea());
    }

    @Test
    void badgesNeverCoverAnElementsText() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "badges.pinscope", ScreenshotTest.tour());
        editor.setOverlay(new IDiagramOverlay() {
            @Override
            public String lockLabel(org.eclipse.emf.ecore.EObject element) {
                return "memory_lock W: reset";
            }

            @Override
            public String actorStatus(Actor actor) {
                return "follow_pfnmap_start F1_LOCK";
            }
        });
        drain();
        List<DiagramTexts.Placed> all = DiagramTexts.texts(editor);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertTrue(!all.get(i).box().bounds().intersects(all.get(j).box().bounds()), "'" + all.get(i).box().shown() + "' ("
                        + all.get(i).owner() + ") overlaps '" + all.get(j).box().shown() + "' (" + all.get(j).owner() + ")");
            }
        }
        for (ElementEditPart p : DiagramTexts.elementParts(editor)) {
            if (p.getModel() instanceof Actor a) {
                assertTrue(p.elementFigure().texts().stream().anyMatch(t -> t.full().equals("follow_pfnmap_start F1_LOCK")),
                        a.getName() + " still shows where it is");
            }
            for (TextBox t : p.elementFigure().texts()) {
                assertTrue(p.getFigure().getBounds().contains(t.bounds()), "'" + t.shown() + "' fits " + DiagramTexts.name(p));
            }
            List<TextBox> texts = p.elementFigure().texts();
            TextBox badge = texts.stream().filter(t -> t.full().equals("memory_lock W: reset")).findFirst().orElse(null);
            if (badge == null) {
                continue;
            }
            for (TextBox t : texts) {
                if (t != badge) {
                    assertTrue(!t.bounds().intersects(badge.bounds()), DiagramTexts.name(p) + ": the lock badge covers '" + t.shown() + "'");
                }
            }
        }
        DiagramTexts.render(editor, "badges-tour.png");
    }
}
