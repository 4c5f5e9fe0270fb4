package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.wizards.ExamplesMenu;
import dev.pinscope.diagram.internal.wizards.NewScenarioWizard;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.Scenarios;

/** File › New › Pinscope Scenario (empty and from an example) and Help › Examples. */
class WizardTest extends EditorTestCase {

    private Path runWizard(String file, String name, String exampleId) throws Exception {
        var descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(DiagramIds.NEW_WIZARD_ID);
        NewScenarioWizard wizard = assertInstanceOf(NewScenarioWizard.class, descriptor.createWizard());
        wizard.init(PlatformUI.getWorkbench(), null);
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            wizard.page().fill(dir.resolve(file), name, exampleId);
            assertTrue(wizard.canFinish(), wizard.page().getErrorMessage());
            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }
        drain();
        return wizard.created();
    }

    @Test
    void newEmptyScenarioIsWrittenAndOpened() throws Exception {
        Path created = runWizard("empty.pinscope", "blank", null);
        assertTrue(Files.isRegularFile(created));
        var loaded = Scenarios.load(created);
        assertTrue(loaded.ok(), loaded.firstProblem());
        assertEquals("blank", loaded.scenario().getName());
        assertTrue(loaded.scenario().getAddressSpace().getVmas().isEmpty());
        ScenarioEditor editor = assertInstanceOf(ScenarioEditor.class, EditorFixture.page().getActiveEditor());
        assertEquals("empty.pinscope", editor.getEditorInput().getName());
    }

    @Test
    void theStarterIsADeviceWithA1GBarItsMappingAndAPinnerThatValidatesAndRuns() throws Exception {
        Path created = runWizard("starter.pinscope", "start", dev.pinscope.diagram.internal.wizards.NewScenarioPage.STARTER_ID);
        var loaded = Scenarios.load(created);
        assertTrue(loaded.ok(), loaded.firstProblem());
        var s = loaded.scenario();
        assertEquals(1, s.getDevices().size());
        var bar = s.getDevices().get(0).getBars().get(0);
        assertEquals(1L << 30, bar.getSize(), "a 1 GiB BAR");
        var vma = s.getAddressSpace().getVmas().get(0);
        assertEquals(0x7f00_0000_0000L, vma.getStart(), "mapped where mmap puts a BAR, not at 0x0");
        assertEquals(bar, vma.getBar());
        var pinner = (dev.pinscope.model.scenario.Pinner) s.getActors().get(0);
        assertEquals(vma.getStart(), pinner.getVaddr());
        assertEquals(1L << 30, pinner.getSize());
        ScenarioEditor editor = assertInstanceOf(ScenarioEditor.class, EditorFixture.page().getActiveEditor());
        assertTrue(editor.validateNow().isEmpty(), "validates: " + editor.validation().problems());
        var compiled = dev.pinscope.engine.Simulation.compile(s, dev.pinscope.engine.SimulationOptions.defaults());
        assertTrue(compiled.errors().isEmpty(), compiled.errors().toString());
        var run = compiled.simulation().run(dev.pinscope.engine.Scheduler.roundRobin());
        assertEquals(dev.pinscope.engine.RunResult.Status.COMPLETED, run.status(), run.message());
        assertEquals("OK", run.first().result().name(), "the pin succeeds");
        assertEquals(262144, run.first().pinnedPages(), "all of the 1G BAR");
    }

    @Test
    void theFirstVmaOfAnEmptyScenarioLandsWhereABarMmapWouldNotAt0() throws Exception {
        runWizard("blank.pinscope", "blank", null);
        ScenarioEditor editor = assertInstanceOf(ScenarioEditor.class, EditorFixture.page().getActiveEditor());
        var create = new org.eclipse.gef.requests.CreateRequest();
        create.setFactory(dev.pinscope.diagram.internal.commands.ElementKind.VMA.factory());
        create.setLocation(EditorFixture.toViewer(editor, 300, editor.context().layout().vmaY() + 40));
        EditorFixture.execute(editor, EditorFixture.target(editor, create, create.getLocation()).getCommand(create));
        assertEquals(0x7f00_0000_0000L, editor.getScenario().getAddressSpace().getVmas().get(0).getStart());
    }

    @Test
    void newScenarioFromAnExampleCopiesIt() throws Exception {
        Examples.Example example = Examples.list().get(1);
        Path created = runWizard("copy.pinscope", "my copy", example.id());
        var loaded = Scenarios.load(created);
        assertTrue(loaded.ok(), loaded.firstProblem());
        var original = Examples.load(example.id()).scenario();
        assertEquals("my copy", loaded.scenario().getName());
        assertEquals(original.getAddressSpace().getVmas().size(), loaded.scenario().getAddressSpace().getVmas().size());
        assertEquals(original.getActors().size(), loaded.scenario().getActors().size());
    }

    @Test
    void helpExamplesOpensAReadOnlyExampleThatSaveAsCopies() throws Exception {
        Examples.Example example = Examples.list().get(0);
        ScenarioEditor editor = assertInstanceOf(ScenarioEditor.class, ExamplesMenu.open(example));
        assertEquals(example.fileName(), editor.getEditorInput().getName());
        assertTrue(!editor.document().isFile(), "an example is not a file the editor writes");
        Path copy = dir.resolve("mine.pinscope");
        assertTrue(editor.saveAs(copy));
        assertTrue(Scenarios.load(copy).ok());
        assertEquals(copy, editor.document().file());
    }
}
