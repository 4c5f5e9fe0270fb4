package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.Explorations;
import dev.pinscope.results.internal.ResultsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.commands.Command;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.internal.WorkbenchWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a user finds the two commands: Run menu, the editor's context menu and tool bar, launch modes. */
class ContributionsTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        Fixture.reset();
    }

    private static List<String> texts(Menu m) {
        m.notifyListeners(SWT.Show, new Event());
        drain();
        List<String> out = new ArrayList<>();
        for (MenuItem i : m.getItems()) {
            out.add(i.getText().replace("&", "").replaceAll("\t.*", ""));
        }
        m.notifyListeners(SWT.Hide, new Event());
        return out;
    }

    @Test
    void commandsAreEnabledOnlyWithAScenarioEditor() throws Exception {
        ICommandService cs = PlatformUI.getWorkbench().getService(ICommandService.class);
        Command explore = cs.getCommand(ResultsIds.EXPLORE_COMMAND);
        Command compare = cs.getCommand(ResultsIds.COMPARE_COMMAND);
        assertEquals("Explore All Interleavings", explore.getName());
        assertEquals("Compare Policies", compare.getName());
        Fixture.page().closeAllEditors(false);
        drain();
        assertTrue(!compare.isEnabled(), "nothing to explore without a scenario editor");
        Fixture.open(Fixture.save(Fixture.example("01-alone"), tmp, "alone.pinscope"));
        assertTrue(compare.isEnabled() && explore.isEnabled());
    }

    @Test
    void runMenuAndEditorContextMenuOfferBoth() throws Exception {
        IEditorPart editor = Fixture.open(Fixture.save(Fixture.example("01-alone"), tmp, "alone.pinscope"));
        MenuManager bar = ((WorkbenchWindow) PlatformUI.getWorkbench().getActiveWorkbenchWindow()).getMenuManager();
        MenuManager run = (MenuManager) bar.find("org.eclipse.ui.run");
        assertNotNull(run, "a Run menu");
        run.updateAll(true);
        List<String> runItems = texts(run.getMenu());
        assertTrue(runItems.contains("Explore All Interleavings") && runItems.contains("Compare Policies"),
                runItems.toString());
        assertTrue(runItems.contains("Explore Configurations…") && runItems.contains("Compare Configurations…"),
                runItems.toString());

        GraphicalViewer viewer = (GraphicalViewer) editor.getAdapter(GraphicalViewer.class);
        Menu popup = viewer.getControl().getMenu();
        assertNotNull(popup, "the diagram has a context menu");
        List<String> popupItems = texts(popup);
        assertTrue(popupItems.contains("Explore All Interleavings") && popupItems.contains("Compare Policies"),
                popupItems.toString());
    }

    @Test
    void editorToolBarShowsBothWhileTheEditorIsActive() throws Exception {
        Fixture.open(Fixture.save(Fixture.example("01-alone"), tmp, "alone.pinscope"));
        var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        List<String> tips = new ArrayList<>();
        collectToolTips(shell, tips);
        assertTrue(tips.stream().anyMatch(t -> t.startsWith("Explore All Interleavings")), tips.toString());
        assertTrue(tips.stream().anyMatch(t -> t.startsWith("Compare Policies")), tips.toString());
    }

    private static void collectToolTips(org.eclipse.swt.widgets.Control c, List<String> out) {
        if (c instanceof org.eclipse.swt.widgets.ToolBar tb && tb.isVisible()) {
            for (var item : tb.getItems()) {
                if (item.getToolTipText() != null) {
                    out.add(item.getToolTipText());
                }
            }
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (var child : comp.getChildren()) {
                collectToolTips(child, out);
            }
        }
    }

    @Test
    void theLaunchDialogHasAScenarioTabForBothModes() throws Exception {
        Path file = Fixture.save(Fixture.example("02-numa-maps-split-w1"), tmp, "dialog.pinscope");
        var wc = PinscopeLaunch.newConfiguration(file, "BOUNDED", null);
        wc.setAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 7);
        for (String mode : List.of(ResultsIds.EXPLORE_MODE, ResultsIds.COMPARE_MODE)) {
            var group = org.eclipse.debug.ui.DebugUITools.getLaunchGroup(wc, mode);
            assertNotNull(group, "a launch group for " + mode);
            var tabGroup = org.eclipse.debug.internal.ui.launchConfigurations.LaunchConfigurationPresentationManager
                    .getDefault().getTabGroup(wc, mode);
            tabGroup.createTabs(null, mode);
            var tab = tabGroup.getTabs()[0];
            assertEquals("Scenario", tab.getName());
            var shell = new org.eclipse.swt.widgets.Shell(PlatformUI.getWorkbench().getDisplay());
            try {
                tab.createControl(shell);
                tab.initializeFrom(wc);
                assertTrue(tab.isValid(wc));
                var copy = wc.copy("copy");
                tab.performApply(copy);
                assertEquals(file.toAbsolutePath().toString(), copy.getAttribute(PinscopeLaunch.ATTR_FILE, ""));
                assertEquals("BOUNDED", copy.getAttribute(PinscopeLaunch.ATTR_POLICY, ""));
                assertEquals(7, copy.getAttribute(PinscopeLaunch.ATTR_MAX_RETRIES, 0));
            } finally {
                shell.dispose();
                tabGroup.dispose();
            }
        }
    }

    @Test
    void exploreAndCompareAreLaunchModesOfThePinscopeScenarioConfiguration() throws Exception {
        var lm = DebugPlugin.getDefault().getLaunchManager();
        assertEquals("Explore All Interleavings", lm.getLaunchMode(ResultsIds.EXPLORE_MODE).getLabel());
        assertEquals("Compare Policies", lm.getLaunchMode(ResultsIds.COMPARE_MODE).getLabel());
        Path file = Fixture.save(Fixture.example("02-numa-maps-split-w1"), tmp, "launched.pinscope");
        var wc = PinscopeLaunch.newConfiguration(file, null, null);
        assertTrue(wc.getType().supportsMode(ResultsIds.COMPARE_MODE));
        assertTrue(wc.getType().supportsMode(ResultsIds.EXPLORE_MODE));
        Fixture.page().closeAllEditors(false);
        ResultsView v = Fixture.view();
        wc.launch(ResultsIds.COMPARE_MODE, null);
        Fixture.waitUntil("the launched exploration to start", 20_000,
                () -> v.shown() != null || Explorations.running().length > 0);
        Fixture.waitForResults(60_000);
        assertEquals(CompareTest.expectedRows(Fixture.cliJson("compare", file.toString(), "--json")),
                Fixture.resultRows(v));
        assertTrue(Files.isRegularFile(tmp.resolve("launched.pinscope.results.json")));

        // Explore mode with a policy attribute explores that policy only
        Fixture.reset();
        wc.setAttribute(PinscopeLaunch.ATTR_POLICY, "BOUNDED");
        wc.launch(ResultsIds.EXPLORE_MODE, null);
        Fixture.waitUntil("the launched exploration to start", 20_000,
                () -> v.shown() != null || Explorations.running().length > 0);
        Fixture.waitForResults(60_000);
        assertEquals(CompareTest.expectedRows(Fixture.cliJson("explore", file.toString(), "--policy", "BOUNDED",
                "--json")), Fixture.resultRows(v));
    }
}
