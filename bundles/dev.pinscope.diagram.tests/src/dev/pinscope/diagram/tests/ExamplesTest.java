package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.editor.ExampleEditorInput;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.ElementFigure;
import dev.pinscope.diagram.internal.parts.ActorEditPart;
import dev.pinscope.diagram.internal.parts.BarEditPart;
import dev.pinscope.diagram.internal.parts.DeviceEditPart;
import dev.pinscope.diagram.internal.parts.EntryEditPart;
import dev.pinscope.diagram.internal.parts.VmaEditPart;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/** Every shipped example opens with one edit part (and a painted figure) per model element. */
class ExamplesTest extends EditorTestCase {

    @Test
    void everyShippedExampleShowsOneEditPartPerElement() throws Exception {
        List<Examples.Example> examples = Examples.list();
        assertTrue(examples.size() >= 10, "the model ships its examples: " + examples);
        for (Examples.Example example : examples) {
            IEditorPart part = EditorFixture.page().openEditor(new ExampleEditorInput(example), DiagramIds.EDITOR_ID);
            drain();
            ScenarioEditor editor = assertInstanceOf(ScenarioEditor.class, part, example.id());
            Scenario s = editor.getScenario();
            List<EObject> elements = new ArrayList<>();
            elements.addAll(s.getAddressSpace().getVmas());
            elements.addAll(s.getAddressSpace().getEntries());
            for (Device d : s.getDevices()) {
                elements.add(d);
                elements.addAll(d.getBars());
            }
            elements.addAll(s.getActors());
            assertFalse(elements.isEmpty(), example.id());
            int parts = 0;
            for (EObject o : elements) {
                Object p = editor.viewer().getEditPartRegistry().get(o);
                assertNotNull(p, example.id() + ": an edit part for " + o);
                Class<?> expected = switch (o) {
                    case Vma v -> VmaEditPart.class;
                    case PageTableEntry e -> EntryEditPart.class;
                    case Device d -> DeviceEditPart.class;
                    case Bar b -> BarEditPart.class;
                    case Actor a -> ActorEditPart.class;
                    default -> throw new AssertionError(o);
                };
                assertInstanceOf(expected, p, example.id() + ": " + o);
                ElementFigure f = assertInstanceOf(ElementFigure.class, ((EditPart) p).getViewer() == editor.viewer()
                        ? ((org.eclipse.gef.GraphicalEditPart) p).getFigure() : null);
                assertTrue(f.isShowing() && f.getBounds().width > 2 && f.getBounds().height > 2, example.id() + ": figure of " + o + " is laid out");
                parts++;
            }
            assertEquals(elements.size(), parts);
            // nothing else: the viewer's element parts are exactly these (plus the diagram and links)
            long elementParts = editor.viewer().getEditPartRegistry().values().stream()
                    .filter(p -> p instanceof dev.pinscope.diagram.internal.parts.ElementEditPart).count();
            assertEquals(elements.size(), elementParts, example.id() + ": one edit part per element, no more");
            if (example.id().startsWith("02") || example.id().startsWith("13")) {
                EditorFixture.screenshot(editor.viewer().getControl(), "editor-" + example.id() + ".png");
            }
            EditorFixture.page().closeEditor(editor, false);
        }
    }
}
