package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pinscope.cli.PinscopeCli;
import dev.pinscope.engine.report.Json;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.Explorations;
import dev.pinscope.results.internal.ResultsStore;
import dev.pinscope.results.internal.ResultsView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import dev.pinscope.testsupport.UiTestSupport;

/** Drives the running workbench as a user does: open a scenario, run a command, read the Results view. */
final class Fixture {
    private Fixture() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Runs the event loop until the condition holds; fails after timeoutMillis. */
    static long waitUntil(String what, long timeoutMillis, BooleanSupplier c) {
        long t0 = System.nanoTime();
        Display d = Display.getCurrent();
        while (!c.getAsBoolean()) {
            if ((System.nanoTime() - t0) / 1_000_000 > timeoutMillis) {
                fail("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static Scenario example(String id) {
        LoadResult lr = Examples.load(id);
        assertTrue(lr.ok(), lr.firstProblem());
        return lr.scenario();
    }

    static Path save(Scenario s, Path dir, String name) {
        Path f = dir.resolve(name);
        assertTrue(Scenarios.save(s, f).ok(), "saved " + f);
        return f;
    }

    static IEditorPart open(Path file) throws Exception {
        IEditorPart part = IDE.openEditorOnFileStore(page(), EFS.getLocalFileSystem().getStore(file.toUri()));
        drain();
        assertNotNull(part);
        page().activate(part);
        drain();
        return part;
    }

    static void command(String id) throws Exception {
        IHandlerService hs = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
        hs.executeCommand(id, null);
        drain();
    }

    static ResultsView view() throws Exception {
        ResultsView v = (ResultsView) page().showView(ResultsIds.VIEW_ID);
        drain();
        return v;
    }

    /** Waits for every exploration job to end and the view to show their result. */
    static ResultsView waitForResults(long timeoutMillis) throws Exception {
        ResultsView v = view();
        waitUntil("the exploration to finish", timeoutMillis,
                () -> Explorations.running().length == 0 && v.shown() != null && v.progressText().isEmpty());
        drain();
        return v;
    }

    /**
     * Runs Compare on the active scenario editor, waits for the results and shows the Results view
     * maximized in a 1600×1000 window, as the screenshots are taken.
     */
    static ResultsView compareMaximized() throws Exception {
        command(ResultsIds.COMPARE_COMMAND);
        ResultsView v = waitForResults(60_000);
        v.getSite().getShell().setBounds(0, 0, 1600, 1000);
        IWorkbenchPage page = page();
        page.activate(v);
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_MAXIMIZED);
        drain();
        return v;
    }

    /** Result rows as the view shows them: policy label, pinner, result, pinned pages, shortest run, return states. */
    static List<List<String>> resultRows(ResultsView v) {
        List<List<String>> rows = new ArrayList<>();
        for (TreeItem policy : v.tree().getItems()) {
            for (TreeItem r : policy.getItems()) {
                if (r.getText(0).equals("result")) {
                    rows.add(List.of(policy.getText(0), r.getText(1), r.getText(2), r.getText(3), r.getText(4), r.getText(5)));
                }
            }
        }
        return rows;
    }

    /** Rows whose first column is {@code kind} (LIVELOCK, VIOLATION, BOUND REACHED, pass, FAIL …). */
    static List<TreeItem> rowsOfKind(ResultsView v, String kind) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem top : v.tree().getItems()) {
            for (TreeItem r : top.getItems()) {
                if (r.getText(0).equals(kind)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** pinscope ARGS, in-process through the CLI's plain-Java entry point; returns the parsed JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cliJson(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PinscopeCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertTrue(code == 0 || code == 1, "CLI exit " + code + ": " + err.toString(StandardCharsets.UTF_8));
        return (Map<String, Object>) Json.parse(out.toString(StandardCharsets.UTF_8));
    }

    static void reset() {
        for (Job j : Explorations.running()) {
            j.cancel();
        }
        waitUntil("explorations to stop", 10_000, () -> Explorations.running().length == 0);
        page().closeAllEditors(false);
        var design = PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId("dev.pinscope.app.perspective.design");
        if (design != null && page().getPerspective() != design) {
            page().setPerspective(design);
        }
        drain();
        ResultsStore.get().clear();
    }

    static Path screenshot(Shell shell, String name) throws Exception {
        return UiTestSupport.screenshot(shell, name);
    }
}
