package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.editor.ExampleEditorInput;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.LanesFigure;
import dev.pinscope.diagram.internal.figures.TextBox;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.figures.VmaFigure;
import dev.pinscope.diagram.internal.parts.ElementEditPart;
import dev.pinscope.diagram.internal.parts.LinkEditPart;
import dev.pinscope.diagram.tests.DiagramTexts.Placed;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Vma;

/**
 * Every shipped example (and the README's tour) at 100 %, as edited and as the debugger shows it with
 * every lock badge and actor status line it can draw: no text is clipped or drawn over another,
 * names are never shortened (a shortened detail has its full text in the tooltip), and every link
 * goes around the boxes that are not its ends or their containers and crosses no text. Writes a
 * picture of each whole diagram to target/screenshots/legible-*.png.
 */
class LegibilityTest extends EditorTestCase {

    @Test
    void everyShippedExampleIsLegibleAndItsLinksGoAroundTheBoxes() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Examples.Example example : Examples.list()) {
            IEditorPart part = EditorFixture.page().openEditor(new ExampleEditorInput(example), DiagramIds.EDITOR_ID);
            drain();
            ScenarioEditor editor = assertInstanceOf(ScenarioEditor.class, part, example.id());
            check(example.id(), editor, failures, report);
            holdLocks(editor);
            check(example.id() + "-locked", editor, failures, report);
            checkBadges(example.id() + "-locked", editor, failures);
            EditorFixture.page().closeEditor(editor, false);
        }
        ScenarioEditor tour = EditorFixture.open(dir, "tour.pinscope", ScreenshotTest.tour());
        check("tour", tour, failures, report);
        holdLocks(tour);
        check("tour-locked", tour, failures, report);
        checkBadges("tour-locked", tour, failures);
        Path out = Path.of(System.getProperty("pinscope.screenshots", "target/screenshots")).getParent().resolve("legibility.txt");
        Files.writeString(out, String.join("\n", report) + "\n" + String.join("\n", failures) + "\n");
        assertEquals(List.of(), failures, "texts and links that are not legible");
    }

    @Test
    void anEmptyVmaSaysWhatFaultsItsLeafIn() throws Exception {
        Examples.Example ex = Examples.list().stream().filter(x -> x.id().startsWith("02")).findFirst().orElseThrow();
        ScenarioEditor editor = (ScenarioEditor) EditorFixture.page().openEditor(new ExampleEditorInput(ex), DiagramIds.EDITOR_ID);
        drain();
        var vma = editor.getScenario().getAddressSpace().getVmas().get(0);
        VmaFigure f = (VmaFigure) EditorFixture.part(editor, vma).getFigure();
        assertEquals("no entry at start — faulted in by qemu", f.getEmptyNote());
        assertTrue(f.texts().stream().anyMatch(t -> t.shown().equals("no entry at start — faulted in by qemu")), "drawn in full: " + f.texts());
    }

    static final String VMA_LOCK = "mmap_lock R: qemu; pmd_lock W: numa_maps";
    static final String DEVICE_LOCK = "memory_lock W: reset";
    static final String STATUS = "follow_pfnmap_start F1_LOCK";

    /**
     * The debugger's overlay as it is at its most crowded: every VMA and every device has a lock
     * badge (locks are drawn on VMAs and devices only) and every actor a status line.
     */
    private static void holdLocks(ScenarioEditor editor) {
        editor.setOverlay(new IDiagramOverlay() {
            @Override
            public String lockLabel(EObject element) {
                return element instanceof Vma ? VMA_LOCK : element instanceof Device ? DEVICE_LOCK : null;
            }

            @Override
            public String actorStatus(Actor actor) {
                return STATUS;
            }
        });
        drain();
    }

    /**
     * Each VMA and device shows its lock (shortened at most; the tooltip has it whole) where it
     * covers no text, neither its own nor its leaves' (the overlap check above); each actor still
     * shows its status line.
     */
    private static void checkBadges(String id, ScenarioEditor editor, List<String> failures) {
        for (ElementEditPart p : DiagramTexts.elementParts(editor)) {
            List<TextBox> texts = p.elementFigure().texts();
            String lock = p.getModel() instanceof Vma ? VMA_LOCK : p.getModel() instanceof Device ? DEVICE_LOCK : null;
            if (lock != null) {
                TextBox badge = texts.stream().filter(t -> t.full().equals(lock)).findFirst().orElse(null);
                if (badge == null || badge.shown().length() < 8) {
                    failures.add(id + ": " + DiagramTexts.name(p) + " shows no lock badge (" + (badge == null ? "none" : badge.shown()) + ")");
                } else {
                    for (Object c : p.getFigure().getChildren()) {
                        if (((IFigure) c).getBounds().intersects(badge.bounds())) {
                            failures.add(id + ": the lock badge of " + DiagramTexts.name(p) + " covers a leaf at " + ((IFigure) c).getBounds());
                        }
                    }
                }
                String tip = p.elementFigure().getToolTipText();
                if (tip == null || !tip.contains(lock)) {
                    failures.add(id + ": the tooltip of " + DiagramTexts.name(p) + " does not name its lock");
                }
            }
            // whole, or shortened with the tooltip naming it (checked with every shortened text)
            if (p.getModel() instanceof Actor && texts.stream().noneMatch(t -> t.full().equals(STATUS) && t.shown().length() > 8)) {
                failures.add(id + ": " + DiagramTexts.name(p) + " does not show its status line '" + STATUS + "'");
            }
        }
    }

    private static void check(String id, ScenarioEditor editor, List<String> failures, List<String> report) throws Exception {
        DiagramTexts.render(editor, "legible-" + id + ".png");
        List<Placed> texts = DiagramTexts.texts(editor);
        int before = failures.size();
        // every element text fits its figure; names whole; a shortened detail is in the tooltip
        for (ElementEditPart p : DiagramTexts.elementParts(editor)) {
            Rectangle fb = p.getFigure().getBounds();
            for (TextBox t : p.elementFigure().texts()) {
                if (!fb.contains(t.bounds())) {
                    failures.add(id + ": '" + t.shown() + "' of " + DiagramTexts.name(p) + " at " + t.bounds() + " sticks out of " + fb);
                }
                if (t.role() == TextBox.Role.NAME && t.isElided()) {
                    failures.add(id + ": the name '" + t.full() + "' of " + DiagramTexts.name(p) + " is shortened to '" + t.shown() + "'");
                }
                String tip = p.elementFigure().getToolTipText();
                if (t.isElided() && (tip == null || !tip.contains(t.full()))) {
                    failures.add(id + ": '" + t.full() + "' is shortened and not in the tooltip of " + DiagramTexts.name(p));
                }
            }
        }
        // no two texts overlap
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Placed a = texts.get(i);
                Placed b = texts.get(j);
                if (a.box().bounds().intersects(b.box().bounds())) {
                    failures.add(id + ": '" + a.box().shown() + "' (" + a.owner() + ") overlaps '" + b.box().shown() + "' (" + b.owner() + ")");
                }
            }
        }
        // every text inside the diagram (what lies beyond its width cannot be scrolled to), also when
        // the window is narrow and the diagram is centred in it
        var layout = editor.context().layout();
        for (Placed t : texts) {
            Rectangle b = t.box().bounds();
            if (b.x < 0 || b.right() > layout.width() || b.bottom() > layout.height()) {
                failures.add(id + ": '" + t.box().shown() + "' (" + t.owner() + ") at " + b + " lies outside the diagram (" + layout.width() + "x"
                        + layout.height() + ")");
            }
        }
        for (int window : new int[] {600, 800, 1000}) {
            DiagramLayout narrow = DiagramLayout.compute(editor.getScenario(), null, layout.metrics(), window);
            LanesFigure lanes = new LanesFigure();
            lanes.setDiagramLayout(narrow);
            for (TextBox t : lanes.legend()) {
                if (t.bounds().right() > narrow.width()) {
                    failures.add(id + ": in a " + window + " px window the legend's '" + t.shown() + "' ends at " + t.bounds().right()
                            + ", beyond the diagram's " + narrow.width());
                }
            }
        }
        // tick labels clear of the axis line
        int lineY = editor.context().layout().axisLabels().lineY();
        for (Placed t : texts) {
            if (t.owner().equals("tick label") && t.box().bounds().bottom() > lineY - 3) {
                failures.add(id + ": tick label '" + t.box().shown() + "' touches the axis line");
            }
        }
        // links around boxes, over no text
        List<ElementEditPart> nodes = DiagramTexts.elementParts(editor);
        int links = 0;
        int unlabelled = 0;
        for (LinkEditPart l : DiagramTexts.links(editor)) {
            links++;
            var f = (dev.pinscope.diagram.internal.figures.LinkFigure) l.getFigure();
            if (!f.getLabelText().isEmpty() && !f.label().isVisible()) {
                unlabelled++;
            }
            Set<IFigure> allowed = DiagramTexts.allowedFor(l);
            String who = "link " + l.link().kind() + " " + DiagramTexts.name(l.getSource()) + " → " + DiagramTexts.name(l.getTarget());
            for (Rectangle seg : DiagramTexts.segments(l)) {
                for (ElementEditPart n : nodes) {
                    if (!allowed.contains(n.getFigure()) && DiagramTexts.crosses(seg, n.getFigure().getBounds())) {
                        failures.add(id + ": " + who + " crosses " + DiagramTexts.name(n));
                    }
                }
                for (Placed t : texts) {
                    if (t.owner().startsWith("link ") && t.box().bounds().equals(f.label().getBounds())) {
                        continue;
                    }
                    if (seg.intersects(t.box().bounds())) {
                        failures.add(id + ": " + who + " crosses the text '" + t.box().shown() + "' (" + t.owner() + ")");
                    }
                }
            }
        }
        report.add(String.format("%s: %d texts, %d links (%d labels left to the tooltip), %d problems", id, texts.size(), links, unlabelled,
                failures.size() - before));
    }
}
