package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static dev.pinscope.diagram.tests.EditorFixture.VMA0;
import static dev.pinscope.diagram.tests.EditorFixture.execute;
import static dev.pinscope.diagram.tests.EditorFixture.layout;
import static dev.pinscope.diagram.tests.EditorFixture.part;
import static dev.pinscope.diagram.tests.EditorFixture.toViewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.draw2d.PositionConstants;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.gef.requests.ChangeBoundsRequest;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.eclipse.gef.requests.CreateRequest;
import org.eclipse.gef.requests.DirectEditRequest;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.ui.actions.ActionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.diagram.internal.parts.EntryEditPart;
import dev.pinscope.diagram.internal.parts.VmaEditPart;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/** Creating, moving, resizing, connecting, renaming, deleting and pasting through GEF requests. */
class EditingTest extends EditorTestCase {

    ScenarioEditor editor;
    Scenario s;
    Vma bar0;
    CommandStack stack;

    @BeforeEach
    void open() throws Exception {
        editor = EditorFixture.open(dir, "edit.pinscope", EditorFixture.small());
        s = editor.getScenario();
        bar0 = s.getAddressSpace().getVmas().get(0);
        stack = editor.viewer().getEditDomain().getCommandStack();
        assertFalse(editor.isDirty());
    }

    private Rectangle bounds(Object element) {
        return layout(editor).bounds(element);
    }

    @Test
    void vmaToolCreatesAVmaWhereTheAxisSaysAndUndoRemovesIt() {
        Rectangle b = bounds(bar0);
        // click in the compressed gap to the right of bar0
        int x = b.right() + 20;
        long expected = ScenarioMath.alignDown(layout(editor).axis().address(x), 4096);
        CreateRequest create = new CreateRequest();
        create.setFactory(ElementKind.VMA.factory());
        create.setLocation(toViewer(editor, x, b.y + 40));
        EditPart target = EditorFixture.target(editor, create, create.getLocation());
        assertSame(editor.diagramPart(), target, "the diagram takes VMA creation outside VMAs");
        execute(editor, target.getCommand(create));

        assertEquals(2, s.getAddressSpace().getVmas().size());
        Vma created = s.getAddressSpace().getVmas().get(1);
        assertEquals(expected, created.getStart(), "the new VMA starts at the clicked address, page-aligned");
        assertEquals(2L << 20, created.getEnd() - created.getStart(), "a new BAR mmap is 2M");
        assertTrue(created.getFlags().contains(dev.pinscope.model.scenario.VmFlag.VM_PFNMAP));
        assertInstanceOf(VmaEditPart.class, part(editor, created));
        assertTrue(editor.isDirty(), "the editor is dirty after an edit");

        stack.undo();
        drain();
        assertEquals(1, s.getAddressSpace().getVmas().size());
        assertNull(editor.viewer().getEditPartRegistry().get(created), "its edit part is gone");
        assertFalse(editor.isDirty(), "undo back to the save point is clean");
        stack.redo();
        drain();
        assertEquals(2, s.getAddressSpace().getVmas().size());
    }

    @Test
    void entryToolInsideAVmaCreatesALevelAlignedLeafWithItsPfn() {
        Rectangle b = bounds(bar0);
        // somewhere in the right half of the VMA, below its labels
        int x = b.x + (int) (b.width * 0.7);
        long clicked = layout(editor).axis().address(x);
        CreateRequest create = new CreateRequest();
        create.setFactory(ElementKind.PMD.factory());
        create.setLocation(toViewer(editor, x, b.y + b.height - 10));
        EditPart target = EditorFixture.target(editor, create, create.getLocation());
        assertInstanceOf(VmaEditPart.class, target, "a VMA takes leaves");
        execute(editor, target.getCommand(create));

        PageTableEntry e = s.getAddressSpace().getEntries().get(2);
        assertEquals(PageLevel.PMD, e.getLevel());
        assertEquals(ScenarioMath.alignDown(clicked, 2L << 20), e.getVaddr(), "aligned down to 2M");
        assertEquals(ScenarioMath.pfnFor(bar0, e.getVaddr()), e.getPfn(), "pfn = BAR pfn + pgoff + offset");
        assertInstanceOf(EntryEditPart.class, part(editor, e));
        assertSame(part(editor, bar0), part(editor, e).getParent(), "drawn inside its VMA");

        CreateRequest outside = new CreateRequest();
        outside.setFactory(ElementKind.PTE.factory());
        Rectangle r = bounds(bar0);
        outside.setLocation(toViewer(editor, r.right() + 20, r.y + 30));
        EditPart diagram = EditorFixture.target(editor, outside, outside.getLocation());
        var refused = assertInstanceOf(dev.pinscope.diagram.internal.commands.Refused.class, diagram.getCommand(outside),
                "a leaf outside every VMA is refused");
        assertEquals("a PTE leaf goes inside a VMA: click inside one", refused.reason());
    }

    @Test
    void movingAVmaMovesItsStartAndLeavesByAnAlignedDeltaAndUndoRestoresThem() {
        GraphicalEditPart vma = part(editor, bar0);
        long start = bar0.getStart();
        long end = bar0.getEnd();
        List<Long> leaves = s.getAddressSpace().getEntries().stream().map(PageTableEntry::getVaddr).toList();

        ChangeBoundsRequest move = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
        move.setEditParts(vma);
        move.setMoveDelta(new Point(120, 0));
        execute(editor, vma.getCommand(move));

        long delta = bar0.getStart() - start;
        assertTrue(delta > 0, "moved right along the axis");
        assertEquals(0, delta % (2L << 20), "snapped to the largest leaf inside (2M)");
        assertEquals(end + delta, bar0.getEnd(), "the size is kept");
        for (int i = 0; i < leaves.size(); i++) {
            assertEquals(leaves.get(i) + delta, s.getAddressSpace().getEntries().get(i).getVaddr(), "leaves move with their VMA");
        }
        assertEquals(bounds(bar0).x, part(editor, bar0).getFigure().getBounds().x, "the figure follows the layout");

        stack.undo();
        drain();
        assertEquals(start, bar0.getStart());
        assertEquals(end, bar0.getEnd());
        assertEquals(leaves, s.getAddressSpace().getEntries().stream().map(PageTableEntry::getVaddr).toList());
        stack.redo();
        drain();
        assertEquals(start + delta, bar0.getStart());
    }

    @Test
    void resizingAVmaChangesItsEndOnlyAndUndoRestoresIt() {
        GraphicalEditPart vma = part(editor, bar0);
        long start = bar0.getStart();
        long end = bar0.getEnd();
        ChangeBoundsRequest resize = new ChangeBoundsRequest(RequestConstants.REQ_RESIZE);
        resize.setEditParts(vma);
        resize.setResizeDirection(PositionConstants.EAST);
        resize.setSizeDelta(new Dimension(-60, 0));
        execute(editor, vma.getCommand(resize));
        assertEquals(start, bar0.getStart(), "the left edge did not move");
        assertTrue(bar0.getEnd() < end && bar0.getEnd() > start, "the end moved left: " + Long.toHexString(bar0.getEnd()));
        assertEquals(0, bar0.getEnd() % 4096, "page-aligned");
        stack.undo();
        drain();
        assertEquals(end, bar0.getEnd());
    }

    @Test
    void movingALeafSnapsToItsLevelAndRecomputesThePfn() {
        PageTableEntry second = s.getAddressSpace().getEntries().get(1);
        GraphicalEditPart leaf = part(editor, second);
        long before = second.getVaddr();
        ChangeBoundsRequest move = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
        move.setEditParts(leaf);
        move.setMoveDelta(new Point(90, 0));
        execute(editor, leaf.getCommand(move));
        assertTrue(second.getVaddr() > before);
        assertEquals(0, second.getVaddr() % (2L << 20), "a PMD stays 2M-aligned");
        assertEquals(ScenarioMath.pfnFor(bar0, second.getVaddr()), second.getPfn());
        stack.undo();
        drain();
        assertEquals(before, second.getVaddr());
    }

    @Test
    void movingAPinnerMovesItsRangeAndResizingItChangesTheSize() {
        Pinner qemu = (Pinner) s.getActors().get(0);
        GraphicalEditPart p = part(editor, qemu);
        long size = qemu.getSize();
        ChangeBoundsRequest resize = new ChangeBoundsRequest(RequestConstants.REQ_RESIZE);
        resize.setEditParts(p);
        resize.setResizeDirection(PositionConstants.EAST);
        resize.setSizeDelta(new Dimension(40, 0));
        execute(editor, p.getCommand(resize));
        assertEquals(VMA0, qemu.getVaddr());
        assertTrue(qemu.getSize() > size, "bigger range");
        assertEquals(0, qemu.getSize() % 4096);
        stack.undo();
        drain();
        assertEquals(size, qemu.getSize());
    }

    @Test
    void connectionToolSetsTheReferenceAndDeletingTheLinkUnsetsIt() {
        PageTableWalker walker = (PageTableWalker) s.getActors().get(1);
        // a second VMA to point the walker at
        CreateRequest create = new CreateRequest();
        create.setFactory(ElementKind.VMA.factory());
        Rectangle b = bounds(bar0);
        create.setLocation(toViewer(editor, b.right() + 20, b.y + 40));
        execute(editor, EditorFixture.target(editor, create, create.getLocation()).getCommand(create));
        Vma other = s.getAddressSpace().getVmas().get(1);

        CreateConnectionRequest connect = new CreateConnectionRequest();
        connect.setFactory(new org.eclipse.gef.requests.SimpleFactory(Link.Kind.class) {
            @Override
            public Object getNewObject() {
                return Link.Kind.WALKER_VMA;
            }
        });
        connect.setType(RequestConstants.REQ_CONNECTION_START);
        EditPart source = part(editor, walker);
        connect.setSourceEditPart(source);
        connect.setTargetEditPart(source);
        assertNotNull(source.getCommand(connect), "a walker can start a walk link");
        connect.setType(RequestConstants.REQ_CONNECTION_END);
        EditPart target = part(editor, other);
        connect.setTargetEditPart(target);
        execute(editor, target.getCommand(connect));
        assertSame(other, walker.getVma());

        Object link = editor.viewer().getEditPartRegistry().get(new Link(Link.Kind.WALKER_VMA, walker, other));
        assertNotNull(link, "the link is drawn");
        var delete = new org.eclipse.gef.requests.GroupRequest(RequestConstants.REQ_DELETE);
        execute(editor, ((EditPart) link).getCommand(delete));
        assertNull(walker.getVma(), "deleting the link unsets the reference");
        stack.undo();
        stack.undo();
        drain();
        assertSame(bar0, walker.getVma());
    }

    @Test
    void directEditRenamesAndDeleteRemovesAVmaWithItsLeavesAndReferences() {
        GraphicalEditPart vma = part(editor, bar0);
        DirectEditRequest rename = new DirectEditRequest();
        TextCellEditor text = new TextCellEditor(editor.viewer().getControl() instanceof org.eclipse.swt.widgets.Composite c ? c : null);
        text.setValue("bar0-mmap");
        rename.setCellEditor(text);
        execute(editor, vma.getCommand(rename));
        text.dispose();
        assertEquals("bar0-mmap", bar0.getName());

        editor.viewer().setSelection(new StructuredSelection(vma));
        var delete = editor.actions().getAction(ActionFactory.DELETE.getId());
        assertTrue(delete.isEnabled());
        delete.run();
        drain();
        assertTrue(s.getAddressSpace().getVmas().isEmpty());
        assertTrue(s.getAddressSpace().getEntries().isEmpty(), "its leaves went with it");
        assertNull(((PageTableWalker) s.getActors().get(1)).getVma(), "the walker no longer points at it");
        stack.undo();
        drain();
        assertEquals(1, s.getAddressSpace().getVmas().size());
        assertEquals(2, s.getAddressSpace().getEntries().size());
        assertSame(bar0, ((PageTableWalker) s.getActors().get(1)).getVma());
    }

    @Test
    void copyPasteDuplicatesAVmaAboveTheOthersAndSelectAllSelectsTheTopLevel() {
        editor.viewer().setSelection(new StructuredSelection(part(editor, bar0)));
        editor.actions().getAction(ActionFactory.COPY.getId()).run();
        var paste = editor.actions().getAction(ActionFactory.PASTE.getId());
        assertTrue(paste.isEnabled());
        paste.run();
        drain();
        assertEquals(2, s.getAddressSpace().getVmas().size());
        Vma copy = s.getAddressSpace().getVmas().get(1);
        assertEquals("bar0-copy", copy.getName());
        assertTrue(copy.getStart() >= bar0.getEnd(), "the copy does not overlap the original");
        assertEquals(bar0.getEnd() - bar0.getStart(), copy.getEnd() - copy.getStart());
        assertSame(bar0.getBar(), copy.getBar(), "still maps the same BAR");
        assertEquals(4, s.getAddressSpace().getEntries().size(), "its leaves were copied too");
        assertTrue(editor.validateNow().problems().stream().noneMatch(p -> p.element() == copy), "the copy is valid");

        editor.actions().getAction(ActionFactory.SELECT_ALL.getId()).run();
        drain();
        int topLevel = editor.diagramPart().getChildren().size();
        assertEquals(topLevel, ((StructuredSelection) editor.viewer().getSelection()).size());
        stack.undo();
        drain();
        assertEquals(1, s.getAddressSpace().getVmas().size());
    }

    @Test
    void devicesAndBarsAndActorsAreCreatedFromThePalette() {
        editor.viewer().reveal(part(editor, s.getDevices().get(0))); // the physical lane may be below the window
        drain();
        Rectangle dev = bounds(s.getDevices().get(0));
        CreateRequest bar = new CreateRequest();
        bar.setFactory(ElementKind.BAR.factory());
        bar.setLocation(toViewer(editor, dev.right() - 6, dev.bottom() - 4)); // below the BARs, clear of their links
        EditPart target = EditorFixture.target(editor, bar, bar.getLocation());
        execute(editor, target.getCommand(bar));
        Device d = s.getDevices().get(0);
        assertEquals(2, d.getBars().size());
        Bar b1 = d.getBars().get(1);
        assertEquals(1, b1.getIndex(), "next free BAR index");
        assertEquals(0, b1.getPhysicalAddress() % b1.getSize(), "aligned to its size");

        for (ElementKind kind : List.of(ElementKind.PINNER, ElementKind.ZAPPER, ElementKind.CPU_ACCESS, ElementKind.SIGNAL,
                ElementKind.UNMAPPER, ElementKind.WALKER, ElementKind.DEVICE)) {
            int before = s.getActors().size() + s.getDevices().size();
            editor.viewer().reveal(part(editor, s.getActors().get(0)));
            drain();
            CreateRequest c = new CreateRequest();
            c.setFactory(kind.factory());
            Rectangle v = bounds(bar0);
            c.setLocation(toViewer(editor, v.x + 30, 12));
            execute(editor, EditorFixture.target(editor, c, c.getLocation()).getCommand(c));
            assertEquals(before + 1, s.getActors().size() + s.getDevices().size(), kind.name());
        }
        Actor signal = s.getActors().stream().filter(a -> a instanceof dev.pinscope.model.scenario.SignalSender).findFirst().orElseThrow();
        assertNotNull(((dev.pinscope.model.scenario.SignalSender) signal).getTarget(), "a new signal targets the pinner");
        assertNotEquals(0, editor.viewer().getEditPartRegistry().size());
    }
}
