package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.ui.IEditorPart;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.properties.EmfPropertySource;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;

/** Dirty marker, Save, Save As, Revert, and a reopened file equal to what was saved. */
class SaveRevertTest extends EditorTestCase {

    private static void rename(ScenarioEditor editor, String name) {
        var vma = editor.getScenario().getAddressSpace().getVmas().get(0);
        EmfPropertySource p = (EmfPropertySource) EmfPropertySource.of(editor.domain(), vma);
        p.setPropertyValue(p.idOf("name"), name);
        p.setPropertyValue(p.idOf("pgoff"), "0x200");
        drain();
    }

    @Test
    void saveCloseReopenGivesAnEqualScenario() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "save.pinscope", EditorFixture.small());
        Path file = dir.resolve("save.pinscope");
        rename(editor, "renamed");
        assertTrue(editor.isDirty());
        editor.doSave(null);
        assertFalse(editor.isDirty(), "clean after save");
        assertFalse(Files.exists(Scenarios.tempFileFor(file)), "the atomic save left no temp file");
        Scenario saved = EcoreUtil.copy(editor.getScenario());
        EditorFixture.page().closeEditor(editor, false);

        ScenarioEditor again = EditorFixture.openFile(file);
        assertNotSame(editor, again);
        assertTrue(EcoreUtil.equals(saved, again.getScenario()), "the reopened scenario equals the saved one");
        assertEquals("renamed", again.getScenario().getAddressSpace().getVmas().get(0).getName());
        assertEquals(0x200, again.getScenario().getAddressSpace().getVmas().get(0).getPgoff());
    }

    @Test
    void saveAsWritesTheNewFileAndRetargetsTheEditor() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "a.pinscope", EditorFixture.small());
        rename(editor, "b-vma");
        Path b = dir.resolve("b.pinscope");
        assertTrue(editor.saveAs(b));
        assertFalse(editor.isDirty());
        assertEquals("b.pinscope", editor.getEditorInput().getName());
        assertEquals(b, editor.document().file());
        var reread = Scenarios.load(b);
        assertTrue(reread.ok(), reread.firstProblem());
        assertTrue(EcoreUtil.equals(editor.getScenario(), reread.scenario()));
        assertEquals("bar0", Scenarios.load(dir.resolve("a.pinscope")).scenario().getAddressSpace().getVmas().get(0).getName(),
                "the original file is untouched");
    }

    @Test
    void revertDropsUnsavedChanges() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "r.pinscope", EditorFixture.small());
        Scenario original = EcoreUtil.copy(editor.getScenario());
        rename(editor, "changed");
        var revert = editor.actions().getAction(org.eclipse.ui.actions.ActionFactory.REVERT.getId());
        assertTrue(revert.isEnabled(), "Revert is enabled while dirty");
        revert.run();
        drain();
        assertFalse(editor.isDirty());
        assertTrue(EcoreUtil.equals(original, editor.getScenario()));
        assertEquals("bar0", ((dev.pinscope.diagram.internal.figures.VmaFigure) EditorFixture
                .part(editor, editor.getScenario().getAddressSpace().getVmas().get(0)).getFigure()).getName(), "the diagram shows the file again");
        assertFalse(editor.getCommandStack().canUndo(), "history is gone");
    }

    @Test
    void theWorkbenchPromptsBeforeClosingADirtyEditor() throws Exception {
        IEditorPart editor = EditorFixture.open(dir, "p.pinscope", EditorFixture.small());
        rename((ScenarioEditor) editor, "dirty");
        assertTrue(editor.isDirty());
        assertTrue(((org.eclipse.ui.ISaveablePart) editor).isSaveOnCloseNeeded(), "closing asks to save");
    }
}
