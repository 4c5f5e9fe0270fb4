package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.model.PinscopeStackFrame;
import dev.pinscope.engine.ActorView;

/**
 * At the end of a run every actor has finished and has no call stack left. The Debug view then still shows each
 * one's final frame ("vfio_pin_map_dma() returned -EINVAL"), selected for the actor that moved last, and
 * Variables shows what it returned and the kernel's final state, including every pinner's result: read from the
 * Variables tree's items and compared with the engine's view of the last state.
 */
class FinalStateTest {

    private IWorkbenchPage page;

    @BeforeEach
    void setUp() throws Exception {
        page = debugPerspectiveShowing(IDebugUIConstants.ID_DEBUG_VIEW, IDebugUIConstants.ID_VARIABLE_VIEW);
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp(page);
    }

    @Test
    void atTheEndTheDebugViewAndVariablesShowWhatEachActorReturned() throws Exception {
        Path file = exampleFile(EXAMPLE);
        IEditorPart editor = IDE.openEditorOnFileStore(page,
                org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(file.toUri()));
        page.activate(editor);
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PATCH_V1"));
        assertTrue(t.resumeAndWait(60_000));
        assertEquals(t.run().length(), t.run().position(), "Resume ran the script to its end");
        for (ActorView a : t.state().actors()) {
            assertEquals(ActorView.Status.FINISHED, a.status(), a.name() + " has finished at the end");
            assertTrue(a.frames().isEmpty(), "the engine has no frame left for " + a.name());
        }
        ActorView last = t.state().actor(t.run().actorOf(t.run().position() - 1));
        IDebugView debugView = (IDebugView) page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        waitUntil("the Debug view selects the final frame of " + last.name(), 30_000, () -> {
            Object sel = ((IStructuredSelection) debugView.getViewer().getSelection()).getFirstElement();
            return sel instanceof PinscopeStackFrame f && f.isFinal() && f.getThread() == t.thread(last.index());
        });
        // every thread's item in the Debug view has its final frame as its one child
        Tree debugTree = (Tree) debugView.getViewer().getControl();
        for (ActorView a : t.state().actors()) {
            ((TreeViewer) debugView.getViewer()).expandToLevel(new TreePath(new Object[] {t.getLaunch(), t, t.thread(a.index())}), 1);
        }
        for (ActorView a : t.state().actors()) {
            String expected = ShownState.finishedFrameName(a);
            waitUntil("the Debug view shows " + a.name() + "'s final frame", 30_000, () -> {
                TreeItem thread = find(debugTree.getItems(), a.name() + " (");
                return thread != null && thread.getItemCount() == 1 && thread.getItem(0).getText().endsWith(expected);
            });
        }

        // Variables: the last actor's final frame, then the kernel at the last step
        IDebugView variables = (IDebugView) page.findView(IDebugUIConstants.ID_VARIABLE_VIEW);
        Tree tree = (Tree) variables.getViewer().getControl();
        List<String> expected = new ArrayList<>();
        ShownState.finalFrame(last).locals().forEach(v -> expected.add(v.name() + "=" + v.value()));
        expected.add("kernel=step " + t.run().position());
        waitUntil("Variables shows " + expected, 30_000, () -> rows(tree.getItems()).equals(expected));
        if (last.kind() == ActorView.Kind.PINNER) {
            assertTrue(expected.get(0).startsWith("return value=-") || expected.get(0).equals("return value=0"), expected.toString());
        }

        // kernel > results: each pinner's return, as the engine has it
        TreeItem kernel = find(tree.getItems(), "kernel");
        ((TreeViewer) variables.getViewer()).expandToLevel(new TreePath(new Object[] {kernel.getData()}), 1);
        waitUntil("kernel expanded", 30_000, () -> find(tree.getItems(), "kernel").getItemCount() > 0
                && find(find(tree.getItems(), "kernel").getItems(), "results") != null);
        TreeItem results = find(find(tree.getItems(), "kernel").getItems(), "results");
        ((TreeViewer) variables.getViewer()).expandToLevel(
                new TreePath(new Object[] {find(tree.getItems(), "kernel").getData(), results.getData()}), 1);
        List<String> pinners = new ArrayList<>();
        long returned = 0;
        for (ActorView a : t.state().actors()) {
            if (a.kind() == ActorView.Kind.PINNER) {
                returned++;
                pinners.add(a.name() + "=returned " + a.result().kernelName()
                        + (a.result() == dev.pinscope.engine.spec.Errno.OK ? " (" + a.pinnedPages() + " pages pinned)" : "")
                        + (a.stalePfn() ? ", STALE PFN" : ""));
            }
        }
        String summary = returned + " of " + pinners.size() + " pinner" + (pinners.size() == 1 ? "" : "s") + " returned";
        waitUntil("results shows " + pinners, 30_000, () -> {
            TreeItem r = find(find(tree.getItems(), "kernel").getItems(), "results");
            return r != null && text(r, 1).equals(summary) && rows(r.getItems()).equals(pinners);
        });
        screenshot(window().getShell(), "final-state-variables.png");
    }

    private static List<String> rows(TreeItem[] items) {
        List<String> out = new ArrayList<>();
        for (TreeItem i : items) {
            out.add(text(i, 0) + "=" + text(i, 1));
        }
        return out;
    }

    private static String text(TreeItem item, int column) {
        if (item.getParent().getColumnCount() > 1) {
            return item.getText(column);
        }
        String s = item.getText();
        int eq = s.indexOf(" = ");
        return column == 0 ? (eq < 0 ? s : s.substring(0, eq)) : (eq < 0 ? "" : s.substring(eq + 3));
    }

    private static TreeItem find(TreeItem[] items, String prefix) {
        for (TreeItem i : items) {
            if (text(i, 0).startsWith(prefix)) {
                return i;
            }
            TreeItem inner = find(i.getItems(), prefix);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
