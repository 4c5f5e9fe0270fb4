package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.ui.parts.GraphicalEditorWithFlyoutPalette;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.internal.WorkbenchWindow;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.AboutPinscopeDialog;
import dev.pinscope.app.internal.DesignPerspective;
import dev.pinscope.app.internal.DebugPerspective;
import dev.pinscope.app.internal.PinscopeAppPlugin;
import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;
import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.testsupport.UiTestSupport;

/** Drives the real Pinscope workbench started by the Tycho UI harness with our application. */
class WorkbenchTest {

    private static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "the Pinscope workbench window is open");
        return window;
    }

    @Test
    void windowIsTitledPinscopeAndHasTheFiveMenus() {
        IWorkbenchWindow window = window();
        assertTrue(window.getShell().getText().startsWith("Pinscope"), window.getShell().getText());
        MenuManager bar = ((WorkbenchWindow) window).getMenuManager();
        List<String> labels = new ArrayList<>();
        for (IContributionItem item : bar.getItems()) {
            if (item instanceof MenuManager menu && item.isVisible()) {
                labels.add(menu.getMenuText().replace("&", ""));
            }
        }
        assertEquals(List.of("File", "Edit", "Run", "Window", "Help"), labels);
    }

    @Test
    void firstStartShowsAShippedExampleInTheScenarioEditor() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(DesignPerspective.ID));
        assertEquals(DesignPerspective.ID, page.getPerspective().getId());
        // what postStartup does when the editor area is empty (a first start)
        page.closeAllEditors(false);
        drain();
        PinscopeWorkbenchAdvisor.openWelcomeExample(page);
        drain();
        IEditorReference welcome = Arrays.stream(page.getEditorReferences())
                .filter(r -> DiagramIds.EDITOR_ID.equals(r.getId())).findFirst().orElse(null);
        assertNotNull(welcome, "an example opened in the scenario editor");
        IEditorPart editor = welcome.getEditor(true);
        assertInstanceOf(GraphicalEditorWithFlyoutPalette.class, editor);
        assertEquals("02-numa-maps-split-w1.pinscope", editor.getEditorInput().getName());
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        assertNotNull(diagram, "the editor offers the diagram API");
        assertFalse(diagram.getScenario().getAddressSpace().getVmas().isEmpty(), "the example has VMAs");
        page.activate(editor);
        drain();
        Control canvas = editor.getAdapter(GraphicalViewer.class) instanceof GraphicalViewer v ? v.getControl() : null;
        assertNotNull(canvas, "the editor has a graphical viewer");
        assertTrue(canvas.isVisible() && canvas.getSize().x > 100 && canvas.getSize().y > 100, "canvas has a real size");
        screenshot(window().getShell(), "design-perspective.png");
    }

    @Test
    void pinscopeFilesOpenInTheScenarioEditorByDefault() {
        var editor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor("race.pinscope");
        assertNotNull(editor, "an editor is registered for *.pinscope");
        assertEquals(DiagramIds.EDITOR_ID, editor.getId());
        assertNotNull(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(DiagramIds.NEW_WIZARD_ID),
                "File › New offers the New Scenario wizard");
    }

    @Test
    void debugPerspectiveOpensWithTheDebugViews() {
        IWorkbenchPage page = window().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(DebugPerspective.ID));
        drain();
        assertEquals(DebugPerspective.ID, page.getPerspective().getId());
        assertNotNull(page.findView("org.eclipse.debug.ui.DebugView"), "Debug view is part of the Debug perspective");
        assertNotNull(page.findView("org.eclipse.debug.ui.VariableView"), "Variables view is part of the Debug perspective");
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(DesignPerspective.ID));
    }

    @Test
    void aboutDialogShowsNameVersionAndBuildId() {
        AboutPinscopeDialog dialog = new AboutPinscopeDialog(window().getShell(), PinscopeAppPlugin.buildInfo());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            drain();
            List<String> texts = new ArrayList<>();
            collectLabels(dialog.getShell(), texts);
            String version = PinscopeAppPlugin.getDefault().getBundle().getVersion().toString();
            assertTrue(texts.contains("Pinscope"), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.equals("Version " + version.substring(0, version.lastIndexOf('.')))), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("Build id ") && t.length() > "Build id ".length()), texts.toString());
        } finally {
            dialog.close();
        }
    }

    private static void collectLabels(Control control, List<String> out) {
        if (control instanceof Label label) {
            out.add(label.getText());
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            Arrays.stream(composite.getChildren()).forEach(c -> collectLabels(c, out));
        }
    }

    /** A screenshot that never fails the test (taken from inside a dialog's event loop). */
    static void screenshotQuietly(Shell shell, String name) {
        try {
            screenshot(shell, name);
        } catch (Exception e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    static void screenshot(Shell shell, String name) throws Exception {
        UiTestSupport.screenshot(shell, name);
    }
}
