package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.ElementFigure;
import dev.pinscope.diagram.internal.problems.Problem;
import dev.pinscope.diagram.internal.problems.ScenarioProblemsView;
import dev.pinscope.diagram.internal.properties.EmfPropertySource;
import dev.pinscope.model.scenario.Vma;

/** Validation after every change: decorations on figures, the Scenario Problems view, double-click. */
class ValidationTest extends EditorTestCase {

    @Test
    void aBrokenVmaIsDecoratedListedAndSelectableAndUndoClearsIt() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "v.pinscope", EditorFixture.small());
        Vma vma = editor.getScenario().getAddressSpace().getVmas().get(0);
        ElementFigure figure = (ElementFigure) EditorFixture.part(editor, vma).getFigure();
        assertTrue(editor.validation().isEmpty(), "the fixture is valid: " + editor.validation().problems());
        assertFalse(figure.hasProblemDecoration());

        ScenarioProblemsView view = (ScenarioProblemsView) EditorFixture.page().showView(DiagramIds.PROBLEMS_VIEW_ID);
        EditorFixture.page().activate(editor);
        EmfPropertySource p = (EmfPropertySource) EmfPropertySource.of(editor.domain(), vma);
        p.setPropertyValue(p.idOf("end"), "0x7f0040000123"); // parses, but is not page-aligned
        // validation runs on its own shortly after the change
        long until = System.currentTimeMillis() + 5000;
        while (!figure.hasProblemDecoration() && System.currentTimeMillis() < until) {
            drain();
            Thread.sleep(20);
        }
        assertTrue(figure.hasProblemDecoration(), "the VMA figure shows the problem");
        assertTrue(figure.getProblems().get(0).contains("bar0"), figure.getProblems().toString());
        assertSame(editor, view.trackedEditor());
        assertTrue(view.table().getTable().getItemCount() > 0, "Scenario Problems lists it");
        Problem first = (Problem) view.table().getElementAt(0);
        assertSame(vma, first.element());

        editor.viewer().deselectAll();
        view.table().setSelection(new StructuredSelection(first));
        assertTrue(view.openSelected(), "double-click reveals the element");
        drain();
        Object selected = ((IStructuredSelection) editor.viewer().getSelection()).getFirstElement();
        assertSame(EditorFixture.part(editor, vma), selected, "and selects its figure");

        editor.getCommandStack().undo();
        editor.validateNow();
        drain();
        assertFalse(figure.hasProblemDecoration(), "undo clears the decoration");
        assertEquals(0, view.table().getTable().getItemCount());
    }
}
