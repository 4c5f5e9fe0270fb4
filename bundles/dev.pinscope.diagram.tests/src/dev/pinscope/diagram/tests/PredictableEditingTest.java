package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static dev.pinscope.diagram.tests.EditorFixture.execute;
import static dev.pinscope.diagram.tests.EditorFixture.layout;
import static dev.pinscope.diagram.tests.EditorFixture.part;
import static dev.pinscope.diagram.tests.EditorFixture.toViewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.ChangeBoundsRequest;
import org.eclipse.gef.requests.CreateRequest;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.KeyEvent;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.commands.Refused;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.policies.AxisLayoutPolicy;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/**
 * Creation that explains itself and moves a user can predict: the created element is selected and
 * shown in Properties, a refusal says why at the cursor and in the status line, a drag moves by the
 * scale of what is dragged (across compressed gaps too) and never into another VMA, arrow keys move
 * by one unit (Shift: 16).
 */
class PredictableEditingTest extends EditorTestCase {

    static final long BAR0 = 0x7f00_0000_0000L;
    static final long BAR1 = 0x7f00_400e_7000L;
    static final long FAR = 0x7f10_0000_0000L;

    /** bar0 (1G, one PMD), bar1 at an address no PMD fits (1M), and far away (63G gap) bar2. */
    static Scenario scenario() {
        return ScenarioBuilder.named("predictable")
                .device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30).bar(2, 0x38_4000_0000L, 32L << 20)
                .barVma("bar0", BAR0, 1L << 30, 0, 0)
                .barVma("bar1", BAR1, 1L << 20, 0, 0)
                .barVma("bar2", FAR, 8L << 20, 2, 0)
                .entry(PageLevel.PMD, BAR0)
                .entry(PageLevel.PMD, FAR)
                .pinner("qemu", BAR0, 1L << 30)
                .build();
    }

    private static Vma vma(ScenarioEditor e, String name) {
        return e.getScenario().getAddressSpace().getVmas().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCreatedElementIsSelectedAndShownInProperties() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "create.pinscope", scenario());
        PropertySheet sheet = (PropertySheet) EditorFixture.page().showView(IPageLayout.ID_PROP_SHEET);
        EditorFixture.page().activate(editor);
        Vma bar2 = vma(editor, "bar2");
        Rectangle b = layout(editor).bounds(bar2);
        CreateRequest create = new CreateRequest();
        create.setFactory(ElementKind.VMA.factory());
        create.setLocation(toViewer(editor, b.right() + 20, b.y + 40));
        EditPart target = EditorFixture.target(editor, create, create.getLocation());
        execute(editor, target.getCommand(create));
        Vma created = editor.getScenario().getAddressSpace().getVmas().get(3);
        var selection = ((StructuredSelection) editor.viewer().getSelection()).toList();
        assertEquals(List.of(part(editor, created)), selection, "the new VMA is selected");
        drain();
        Tree tree = (Tree) sheet.getCurrentPage().getControl();
        List<String> rows = new ArrayList<>();
        collect(tree.getItems(), rows);
        assertTrue(rows.contains("Name = " + created.getName()), "Properties shows the new VMA: " + rows);
    }

    private static void collect(TreeItem[] items, List<String> out) {
        for (TreeItem i : items) {
            out.add(i.getText(0) + " = " + i.getText(1));
            collect(i.getItems(), out);
        }
    }

    @Test
    void aRefusedLeafSaysWhyAtTheCursorAndInTheStatusLine() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "refuse.pinscope", scenario());
        Vma bar1 = vma(editor, "bar1");
        Rectangle b = layout(editor).bounds(bar1);
        CreateRequest create = new CreateRequest();
        create.setFactory(ElementKind.PMD.factory());
        create.setLocation(toViewer(editor, b.x + b.width / 2, b.bottom() - 10));
        EditPart target = EditorFixture.target(editor, create, create.getLocation());
        Command c = target.getCommand(create);
        String why = "a PMD leaf needs a 2 MiB-aligned address inside the VMA; bar1 starts at 0x7f00400e7000 and is only 1M long";
        assertEquals(why, assertInstanceOf(Refused.class, c, "refused, not silently null").reason());
        target.showTargetFeedback(create);
        AxisLayoutPolicy policy = (AxisLayoutPolicy) target.getEditPolicy(org.eclipse.gef.EditPolicy.LAYOUT_ROLE);
        assertEquals(why, policy.hintText(), "said at the cursor");
        assertEquals(why, editor.context().lastStatus(), "and in the status line");
        target.eraseTargetFeedback(create);
    }

    @Test
    void aDragMovesByWhatTheUserSeesAndNeverIntoAnotherVma() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "drag.pinscope", scenario());
        Vma bar1 = vma(editor, "bar1");
        GraphicalEditPart p = part(editor, bar1);
        Rectangle before = layout(editor).bounds(bar1);
        long start = bar1.getStart();
        // 100 px right: bar1's own scale is 1M over its width; the 63G gap after it must not count
        ChangeBoundsRequest move = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
        move.setEditParts(p);
        move.setMoveDelta(new Point(40, 0));
        execute(editor, p.getCommand(move));
        long moved = bar1.getStart() - start;
        long expected = Math.round(40 * ((double) (1L << 20) / before.width));
        assertTrue(Math.abs(moved - expected) <= 4096, "moved by the scale of the box: " + moved + " vs " + expected);
        assertTrue(bar1.getEnd() < FAR, "still before bar2");

        // far enough right to land on bar2 across the gap: refused, with the reason
        int width = layout(editor).bounds(bar1).width;
        move.setMoveDelta(new Point((int) ((FAR - bar1.getStart()) / ((double) (1L << 20) / width)), 0));
        Command into = p.getCommand(move);
        Command single = into instanceof org.eclipse.gef.commands.CompoundCommand cc ? cc.unwrap() : into;
        String reason = assertInstanceOf(Refused.class, single, "refused with a reason").reason();
        assertTrue(reason.startsWith("bar1 at 0x") && reason.contains("would overlap bar2 [0x7f1000000000, 0x7f1000800000)"), reason);
    }

    @Test
    void aLeafsFigureMovesWithItsAddressByWhatWasDragged() throws Exception {
        // a PMD in the middle of a 1G VMA: the log-scaled axis used to leave its box where it was
        Scenario sc = ScenarioBuilder.named("leaf").device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30)
                .barVma("bar0", BAR0, 1L << 30, 0, 0).entry(PageLevel.PMD, BAR0 + (458L << 20)).build();
        ScenarioEditor editor = EditorFixture.open(dir, "leaf.pinscope", sc);
        PageTableEntry pmd = editor.getScenario().getAddressSpace().getEntries().get(0);
        GraphicalEditPart leaf = part(editor, pmd);
        int x0 = leaf.getFigure().getBounds().x;
        long before = pmd.getVaddr();
        ChangeBoundsRequest move = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
        move.setEditParts(leaf);
        move.setMoveDelta(new Point(80, 0));
        execute(editor, leaf.getCommand(move));
        assertTrue(pmd.getVaddr() > before, "moved right");
        assertEquals(0, pmd.getVaddr() % (2L << 20), "still 2M-aligned");
        int x1 = part(editor, pmd).getFigure().getBounds().x;
        assertTrue(Math.abs((x1 - x0) - 80) <= 12, "its box moved by what was dragged, 80 px: " + (x1 - x0));

        // and by keys: 16 PMD sizes on, the box follows too
        editor.viewer().setSelection(new StructuredSelection(part(editor, pmd)));
        int x2 = part(editor, pmd).getFigure().getBounds().x;
        press(editor, SWT.ARROW_RIGHT, SWT.SHIFT);
        assertTrue(part(editor, pmd).getFigure().getBounds().x > x2, "the box moved right with its address");
    }

    @Test
    void arrowKeysMoveTheSelectionByOneUnitAndShiftBySixteen() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "keys.pinscope", scenario());
        Vma bar1 = vma(editor, "bar1");
        editor.viewer().setSelection(new StructuredSelection(part(editor, bar1)));
        press(editor, SWT.ARROW_RIGHT, 0);
        assertEquals(BAR1 + 4096, bar1.getStart(), "a page");
        assertEquals("Move bar1 to 0x7f00400e8000", editor.getCommandStack().getUndoCommand().getLabel());
        press(editor, SWT.ARROW_LEFT, SWT.SHIFT);
        assertEquals(BAR1 + 4096 - 16 * 4096, bar1.getStart(), "16 pages back");
        editor.getCommandStack().undo();
        editor.getCommandStack().undo();
        drain();
        assertEquals(BAR1, bar1.getStart());

        PageTableEntry pmd = editor.getScenario().getAddressSpace().getEntries().get(0);
        editor.viewer().setSelection(new StructuredSelection(part(editor, pmd)));
        press(editor, SWT.ARROW_RIGHT, 0);
        assertEquals(BAR0 + (2L << 20), pmd.getVaddr(), "a leaf moves by its level's size");
        press(editor, SWT.ARROW_RIGHT, SWT.SHIFT);
        assertEquals(BAR0 + 17 * (2L << 20), pmd.getVaddr());
        assertEquals(List.of(part(editor, pmd)), ((StructuredSelection) editor.viewer().getSelection()).toList(), "still selected");

        Vma bar0 = vma(editor, "bar0");
        editor.viewer().setSelection(new StructuredSelection(part(editor, bar0)));
        press(editor, SWT.ARROW_RIGHT, 0);
        assertEquals(BAR0, bar0.getStart(), "bar0 would run into bar1: not moved");
        assertNotNull(editor.context().lastStatus());
        assertTrue(editor.context().lastStatus().contains("would overlap bar1"), editor.context().lastStatus());
    }

    private static void press(ScenarioEditor editor, int key, int mask) {
        Event e = new Event();
        e.widget = editor.viewer().getControl();
        e.keyCode = key;
        e.stateMask = mask;
        e.doit = true;
        editor.viewer().getKeyHandler().keyPressed(new KeyEvent(e));
        drain();
    }
}
