package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static dev.pinscope.diagram.tests.EditorFixture.execute;
import static dev.pinscope.diagram.tests.EditorFixture.layout;
import static dev.pinscope.diagram.tests.EditorFixture.part;
import static dev.pinscope.diagram.tests.EditorFixture.toViewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.ElementFigure;
import dev.pinscope.model.scenario.Vma;

/**
 * The Outline shows exactly the model after add, delete, paste, undo and redo (read from the tree
 * widget), its selection follows the diagram's, and tooltips show the current name.
 */
class OutlineTest extends EditorTestCase {

    /** The tree as shown: one line per item, children indented. */
    private static List<String> shown(Tree tree) {
        List<String> out = new ArrayList<>();
        walk(tree.getItems(), "", out);
        return out;
    }

    private static void walk(TreeItem[] items, String indent, List<String> out) {
        for (TreeItem i : items) {
            out.add(indent + i.getText());
            walk(i.getItems(), indent + "  ", out);
        }
    }

    /** What the tree must show for the model now: groups with counts, VMAs with their leaves. */
    private static List<String> expected(ScenarioEditor e) {
        var s = e.getScenario();
        List<String> out = new ArrayList<>();
        out.add("Address space (" + s.getAddressSpace().getVmas().size() + ")");
        for (Vma v : s.getAddressSpace().getVmas()) {
            out.add("  " + label(e, v));
            for (Object c : layout(e).children(v)) {
                out.add("    " + label(e, (org.eclipse.emf.ecore.EObject) c));
            }
        }
        out.add("Devices (" + s.getDevices().size() + ")");
        for (var d : s.getDevices()) {
            out.add("  " + label(e, d));
            d.getBars().forEach(b -> out.add("    " + label(e, b)));
        }
        out.add("Actors (" + s.getActors().size() + ")");
        s.getActors().forEach(a -> out.add("  " + label(e, a)));
        return out;
    }

    private static String label(ScenarioEditor e, org.eclipse.emf.ecore.EObject o) {
        var p = (org.eclipse.emf.edit.provider.IItemLabelProvider) e.domain().getAdapterFactory().adapt(o,
                org.eclipse.emf.edit.provider.IItemLabelProvider.class);
        return p.getText(o);
    }

    @Test
    void theOutlineEqualsTheModelAfterEveryEditAndFollowsTheSelection() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "outline.pinscope", EditorFixture.small());
        ContentOutline view = (ContentOutline) EditorFixture.page().showView(IPageLayout.ID_OUTLINE);
        EditorFixture.page().activate(editor);
        drain();
        Tree tree = (Tree) editor.outlinePage().treeViewer().getControl();
        assertEquals(expected(editor), shown(tree), "on open");

        Vma bar0 = editor.getScenario().getAddressSpace().getVmas().get(0);
        Rectangle b = layout(editor).bounds(bar0);
        var create = new org.eclipse.gef.requests.CreateRequest();
        create.setFactory(ElementKind.VMA.factory());
        create.setLocation(toViewer(editor, b.right() + 20, b.y + 40));
        execute(editor, EditorFixture.target(editor, create, create.getLocation()).getCommand(create));
        assertEquals(expected(editor), shown(tree), "after adding a VMA");

        var stack = editor.getCommandStack();
        stack.undo();
        drain();
        assertEquals(expected(editor), shown(tree), "after undo");
        stack.redo();
        drain();
        assertEquals(expected(editor), shown(tree), "after redo");

        editor.viewer().setSelection(new StructuredSelection(part(editor, bar0)));
        editor.actions().getAction(ActionFactory.COPY.getId()).run();
        editor.actions().getAction(ActionFactory.PASTE.getId()).run();
        drain();
        assertEquals(expected(editor), shown(tree), "after paste");

        Vma created = editor.getScenario().getAddressSpace().getVmas().get(1);
        editor.viewer().setSelection(new StructuredSelection(part(editor, created)));
        editor.actions().getAction(ActionFactory.DELETE.getId()).run();
        drain();
        assertEquals(expected(editor), shown(tree), "after delete");
        assertNull(editor.viewer().getEditPartRegistry().get(created));
        stack.undo();
        drain();
        assertEquals(expected(editor), shown(tree), "after undoing the delete");

        // the selection follows the diagram's exactly, leaf included
        var pmd = editor.getScenario().getAddressSpace().getEntries().get(1);
        editor.viewer().setSelection(new StructuredSelection(part(editor, pmd)));
        drain();
        List<Object> models = new ArrayList<>();
        for (Object p : editor.outlinePage().treeViewer().getSelectedEditParts()) {
            models.add(((EditPart) p).getModel());
        }
        assertEquals(List.of(pmd), models, "the outline selects the leaf selected in the diagram");
        assertEquals(List.of(label(editor, pmd)), List.of(tree.getSelection()).stream().map(TreeItem::getText).toList());

        // tooltips: the current name
        var qemu = editor.getScenario().getActors().get(0);
        var props = dev.pinscope.diagram.internal.properties.EmfPropertySource.of(editor.domain(), qemu);
        ((dev.pinscope.diagram.internal.properties.EmfPropertySource) props).setPropertyValue(
                ((dev.pinscope.diagram.internal.properties.EmfPropertySource) props).idOf("name"), "qemu-kvm");
        drain();
        ElementFigure f = (ElementFigure) part(editor, qemu).getFigure();
        org.junit.jupiter.api.Assertions.assertTrue(f.getToolTipText().contains("qemu-kvm"), f.getToolTipText());
        view.getCurrentPage();
    }
}
