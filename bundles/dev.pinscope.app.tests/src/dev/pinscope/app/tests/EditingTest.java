package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.draw2d.geometry.Point;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.ChangeBoundsRequest;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.properties.PropertySheet;
import org.eclipse.ui.views.properties.PropertySheetEntry;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.wizards.ExamplesMenu;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;

/**
 * Editing as a user does it: a value typed in the Properties view, Ctrl+Z / Ctrl+Shift+Z pressed while the
 * Properties view has the focus, the Edit menu naming each change, and what Save does to a shipped example.
 */
class EditingTest extends WorkbenchTestCase {

    private static ScenarioEditor openExample(String id) {
        ScenarioEditor editor = (ScenarioEditor) ExamplesMenu.open(Examples.find(id).orElseThrow());
        drain();
        return editor;
    }

    private static Pinner qemu(ScenarioEditor editor) {
        for (Actor a : editor.getScenario().getActors()) {
            if (a instanceof Pinner p && "qemu".equals(p.getName())) {
                return p;
            }
        }
        throw new AssertionError("example 02 has the pinner qemu");
    }

    /** The Edit menu's Undo and Redo items as shown (text before the accelerator). */
    private static List<String> undoRedoLabels() {
        Menu edit = MenusTest.topMenu("Edit").getMenu();
        return MenusTest.items(edit).stream().map(MenusTest::label).filter(l -> l.startsWith("Undo") || l.startsWith("Redo")).toList();
    }

    /** Without a window manager the shell must be raised and activated to get the keyboard. */
    static void shellToFront(org.eclipse.swt.widgets.Shell shell) {
        shell.forceActive();
        drain();
    }

    /** A real click (xdotool) near the bottom-left corner of {@code control}, where it shows no item. */
    static void clickEmptyCorner(org.eclipse.swt.widgets.Control control) {
        var b = control.getDisplay().map(control.getParent(), null, control.getBounds());
        xdotool("mousemove", String.valueOf(b.x + Math.min(30, b.width / 4)), String.valueOf(b.y + b.height - 12), "click", "1");
    }

    /** Runs xdotool (real X input, as a user's mouse and keyboard) and lets the UI handle what it caused. */
    static void xdotool(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException("xdotool is needed for real input", e);
        }
        for (int i = 0; i < 20; i++) {
            drain();
            sleep(20);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TreeItem find(TreeItem[] items, String name) {
        for (TreeItem item : items) {
            if (item.getText(0).equals(name)) {
                return item;
            }
            TreeItem inner = find(item.getItems(), name);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static void expandAll(TreeItem[] items) {
        for (TreeItem item : items) {
            item.setExpanded(true);
            expandAll(item.getItems());
        }
    }

    @Test
    void ctrlZAndCtrlShiftZWorkWhileThePropertiesViewHasTheFocus() throws Exception {
        ScenarioEditor editor = openExample(ExamplesMenu.REPORTED_BUG);
        Pinner qemu = qemu(editor);
        long before = qemu.getVaddr();
        EditPart part = editor.partFor(qemu);
        editor.viewer().setSelection(new StructuredSelection(part));
        drain();
        PropertySheet properties = (PropertySheet) page().showView(IPageLayout.ID_PROP_SHEET);
        drain();
        Tree tree = (Tree) properties.getCurrentPage().getControl();
        expandAll(tree.getItems());
        TreeItem vaddr = find(tree.getItems(), "Vaddr");
        assertNotNull(vaddr, "Properties shows qemu's vaddr");

        // type a new address into the vaddr cell and apply it, as the cell editor does on Enter
        PropertySheetEntry entry = (PropertySheetEntry) vaddr.getData();
        var cell = entry.getEditor(tree);
        String moved = String.format("0x%x", before + 0x200000L);
        cell.setValue(moved);
        entry.applyEditorValue();
        drain();
        assertEquals(before + 0x200000L, qemu.getVaddr(), "the typed address is stored");
        assertEquals(List.of("Undo Set vaddr of qemu", "Redo"), undoRedoLabels(), "Edit menu names the change");

        page().activate(properties);
        shellToFront(tree.getShell());
        clickEmptyCorner(tree); // the user clicks into Properties: it is the active part, the tree has the focus
        assertEquals(properties, page().getActivePart(), "Properties is the active part");
        assertEquals(before + 0x200000L, qemu.getVaddr(), "clicking into Properties changed nothing");

        xdotool("key", "ctrl+z");
        assertEquals(before, qemu.getVaddr(), "Ctrl+Z in Properties undid the change; focus "
                + tree.getDisplay().getFocusControl() + "; active part " + page().getActivePart().getTitle());
        assertEquals(List.of("Undo", "Redo Set vaddr of qemu"), undoRedoLabels());

        xdotool("key", "ctrl+shift+z");
        assertEquals(before + 0x200000L, qemu.getVaddr(), "Ctrl+Shift+Z in Properties redid it");
        WorkbenchTest.screenshot(page().getWorkbenchWindow().getShell(), "undo-in-properties.png");
    }

    @Test
    void everyUndoLabelNamesTheChange() {
        ScenarioEditor editor = openExample(ExamplesMenu.REPORTED_BUG);
        Vma bar0 = editor.getScenario().getAddressSpace().getVmas().get(0);
        assertEquals("bar0", bar0.getName());
        GraphicalEditPart part = (GraphicalEditPart) editor.partFor(bar0);
        ChangeBoundsRequest drag = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
        drag.setEditParts(part);
        drag.setMoveDelta(new Point(200, 0));
        drag.setLocation(part.getFigure().getBounds().getCenter().getTranslated(200, 0));
        Command command = part.getCommand(drag);
        assertNotNull(command, "bar0 can be dragged");
        editor.getCommandStack().execute(command);
        drain();
        String undo = undoRedoLabels().get(0);
        assertTrue(undo.startsWith("Undo Move bar0"), undo);
    }

    /**
     * Save on a shipped example never writes it: it asks where to keep a copy (Save As), and the copy's name says
     * it is one, so the read-only example and the copy opened beside it have different titles.
     */
    @Test
    void saveOnAShippedExampleAsksWhereToKeepANamedCopy() throws Exception {
        ScenarioEditor example = openExample(ExamplesMenu.REPORTED_BUG);
        assertTrue(((org.eclipse.ui.IStorageEditorInput) example.getEditorInput()).getStorage().isReadOnly());
        assertFalse(example.document().isFile(), "a shipped example has no file Save could write");
        Pinner qemu = qemu(example);
        example.domain().getCommandStack().execute(org.eclipse.emf.edit.command.SetCommand.create(example.domain(), qemu,
                dev.pinscope.model.scenario.ScenarioPackage.Literals.PINNER__VADDR, qemu.getVaddr() + 0x1000));
        drain();
        assertTrue(example.isDirty());

        // File › Save: a modal Save As dialog opens (our timer runs inside its event loop); Escape cancels it
        Display display = Display.getCurrent();
        boolean[] dialogWasOpen = {false};
        boolean[] saveReturned = {false};
        display.timerExec(1500, () -> {
            dialogWasOpen[0] = !saveReturned[0];
            try {
                new ProcessBuilder("xdotool", "key", "Escape").inheritIO().start().waitFor();
            } catch (Exception e) {
                throw new IllegalStateException("xdotool is needed to close the native Save As dialog", e);
            }
        });
        example.doSave(new org.eclipse.core.runtime.NullProgressMonitor());
        saveReturned[0] = true;
        drain();
        assertTrue(dialogWasOpen[0], "Save on a read-only example opened the Save As dialog");
        assertTrue(example.isDirty(), "nothing was saved when Save As was cancelled");

        assertEquals("02-numa-maps-split-w1 (copy).pinscope", example.saveAsSuggestion());
        Path folder = Files.createTempDirectory("pinscope-copy");
        assertTrue(example.saveAs(folder.resolve(example.saveAsSuggestion())));
        drain();
        assertEquals("02-numa-maps-split-w1 (copy).pinscope", example.getTitle());
        assertFalse(example.isDirty());
        ScenarioEditor again = openExample(ExamplesMenu.REPORTED_BUG);
        assertNotEquals(example, again, "the shipped example opens read-only beside the copy");
        assertEquals("02-numa-maps-split-w1.pinscope", again.getTitle());
        assertEquals(2, page().getEditorReferences().length);
    }
}
