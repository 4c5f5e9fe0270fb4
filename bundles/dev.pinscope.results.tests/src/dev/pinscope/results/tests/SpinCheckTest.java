package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.spec.Policy;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ResultsView;
import dev.pinscope.results.internal.Rows;
import dev.pinscope.results.internal.SpinCheckHandler;
import dev.pinscope.results.internal.SpinColumn;
import dev.pinscope.results.internal.WitnessLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results view › Check with SPIN: the SPIN column as the user reads it, red disagreements, the install hint. */
class SpinCheckTest {
    private static final String FAULT = "pinscope.testonly.fault.reductionTreatsLockStepAsLocal";

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        System.clearProperty(FAULT);
        System.clearProperty("pinscope.spin.path");
        Fixture.reset();
    }

    private static int spinColumn(ResultsView v) {
        for (int i = 0; i < v.tree().getColumnCount(); i++) {
            if (v.tree().getColumn(i).getText().equals("SPIN")) {
                return i;
            }
        }
        return -1;
    }

    private static ResultsView compareAndCheck(Path file) throws Exception {
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        ResultsView v = Fixture.waitForResults(120_000);
        int before = spinColumn(v);
        if (before >= 0) { // the view stays open between tests: a column from an earlier check has no cells yet
            for (String c : policyCells(v, before)) {
                assertTrue(c.endsWith("| "), "no SPIN verdict before the check: " + c);
            }
        }
        Fixture.command(SpinCheckHandler.COMMAND);
        Fixture.waitUntil("the SPIN check to finish", 240_000,
                () -> Job.getJobManager().find(SpinColumn.class).length == 0);
        drain();
        return v;
    }

    private static List<String> policyCells(ResultsView v, int col) {
        List<String> out = new ArrayList<>();
        for (TreeItem it : v.tree().getItems()) {
            if (it.getData() instanceof Rows.PolicyRow) {
                out.add(it.getText(0) + " | " + it.getText(col));
            }
        }
        return out;
    }

    /** The Results view maximized, the long Details column narrowed, so the SPIN column is in the picture. */
    private static Path screenshotMaximized(ResultsView v, int col, String name) throws Exception {
        var page = v.getSite().getPage();
        page.setPartState(page.getReference(v), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        v.tree().getColumn(5).setWidth(120);
        v.tree().getColumn(col).setWidth(520);
        drain();
        Path p = Fixture.screenshot(v.getSite().getShell(), name);
        page.setPartState(page.getReference(v), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
        drain();
        return p;
    }

    @Test
    void checkWithSpinAddsASpinColumnThatAgreesOnTheLivelockExample() throws Exception {
        Path file = Fixture.save(Fixture.example("04-adversarial-livelock"), tmp, "livelock.pinscope");
        ResultsView v = compareAndCheck(file);
        int col = spinColumn(v);
        assertTrue(col > 0, "the SPIN column is there after the check");
        List<String> cells = policyCells(v, col);
        assertEquals(Policy.values().length, cells.size(), cells.toString());
        for (String c : cells) {
            assertTrue(c.contains("| agrees ("), "every policy agrees: " + cells);
        }
        // the engine's livelock rows: SPIN found the acceptance cycle too, and its lasso opens in the debugger
        List<TreeItem> live = Fixture.rowsOfKind(v, "LIVELOCK");
        assertFalse(live.isEmpty());
        for (TreeItem it : live) {
            assertTrue(it.getText(col).startsWith("acceptance cycle too"), it.getText(col));
            assertTrue(it.getForeground(col) == null || !it.getForeground(col).equals(v.tree().getDisplay()
                    .getSystemColor(SWT.COLOR_RED)), "agreement is not red");
            WitnessLauncher.Witness w = SpinColumn.get().witness(v, (Rows.Row) it.getData());
            assertNotNull(w, "SPIN's lasso is a double-click away");
            assertTrue(w.loopStart() >= 0 && w.schedule().contains("qemu"), w.toString());
        }
        Path shot = screenshotMaximized(v, col, "results-spin-column.png");
        assertTrue(Files.size(shot) > 0);
    }

    @Test
    void aDisagreementIsRedAndOpensSpinsWitness() throws Exception {
        System.setProperty(FAULT, "true"); // the engine's reduction now misses the zap in W0
        Path file = Fixture.save(Fixture.example("10-stale-pfn-w0-prefix"), tmp, "stale.pinscope");
        ResultsView v = compareAndCheck(file);
        int col = spinColumn(v);
        TreeItem pre = null;
        for (TreeItem it : v.tree().getItems()) {
            if (it.getText(0).startsWith("PRE_PATCH")) {
                pre = it;
            }
        }
        assertNotNull(pre);
        assertTrue(pre.getText(col).startsWith("DISAGREES: violation no vs yes"), pre.getText(col));
        assertTrue(pre.getText(col).contains("double-click: SPIN's witness"), pre.getText(col));
        assertEquals(v.tree().getDisplay().getSystemColor(SWT.COLOR_RED), pre.getForeground(col), "shown in red");
        WitnessLauncher.Witness w = SpinColumn.get().witness(v, (Rows.Row) pre.getData());
        assertNotNull(w);
        assertEquals("PRE_PATCH", w.policy());
        assertTrue(w.title().contains("SPIN violation"), w.title());
        screenshotMaximized(v, col, "results-spin-disagreement.png");
    }

    @Test
    void withoutSpinOrGccTheActionIsOffAndSaysHowToInstallThem() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-tools"));
        System.setProperty("pinscope.spin.path", empty.toString());
        ResultsView v = Fixture.view();
        PlatformUI.getWorkbench().getService(ICommandService.class).refreshElements(SpinCheckHandler.COMMAND, null);
        drain();
        assertFalse(new SpinCheckHandler().isEnabled());
        ToolBar bar = null;
        var tbm = v.getViewSite().getActionBars().getToolBarManager();
        if (tbm instanceof org.eclipse.jface.action.ToolBarManager m) {
            bar = m.getControl();
        }
        assertNotNull(bar, "the view's tool bar");
        ToolItem spin = null;
        for (ToolItem it : bar.getItems()) {
            if (it.getToolTipText() != null && it.getToolTipText().contains("SPIN")) {
                spin = it;
            }
        }
        assertNotNull(spin, "the Check with SPIN tool item");
        assertTrue(spin.getToolTipText().contains("apt install spin gcc"), spin.getToolTipText());
        Fixture.screenshot(v.getSite().getShell(), "results-spin-missing.png");
    }
}
