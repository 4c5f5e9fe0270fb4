package dev.pinscope.debug.internal.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.internal.ui.launch.ScenarioLaunchShortcut;
import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.IScenarioDiagram;

/**
 * Lays the suspended run over the open diagram(s) of the file it was launched from, driven only by debug events:
 * SUSPEND shows the new state, RESUME leaves the last picture, TERMINATE removes the overlay. Registered by the
 * core from this bundle's {@code dev.pinscope.debug.core.runListeners} contribution.
 */
public final class DiagramAnimator implements IDebugEventSetListener {

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent e : events) {
            PinscopeDebugTarget t = DebugContexts.of(e.getSource());
            if (t == null) {
                continue;
            }
            if (e.getKind() == DebugEvent.TERMINATE && e.getSource() == t) {
                schedule(t, true);
                return;
            }
            if (e.getKind() == DebugEvent.SUSPEND) {
                schedule(t, false);
                return;
            }
        }
    }

    private void schedule(PinscopeDebugTarget t, boolean remove) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        Display d = PlatformUI.getWorkbench().getDisplay();
        d.asyncExec(() -> apply(t, remove));
    }

    /** Updates the overlays now (UI thread): only on editors of the very file the run was launched from. */
    public static void apply(PinscopeDebugTarget t, boolean remove) {
        for (IWorkbenchWindow w : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage p : w.getPages()) {
                for (IEditorReference ref : p.getEditorReferences()) {
                    if (!DiagramIds.EDITOR_ID.equals(ref.getId())) {
                        continue;
                    }
                    IEditorPart part = ref.getEditor(false);
                    IScenarioDiagram diagram = part == null ? null : Adapters.adapt(part, IScenarioDiagram.class);
                    if (diagram == null || diagram.getScenario() == null || !isSourceOf(part.getEditorInput(), t)) {
                        continue;
                    }
                    if (remove || t.isTerminated()) {
                        // a newer run of the same file may own the overlay by now: leave its picture alone
                        if (diagram.getOverlay() instanceof RunOverlay o && o.target() == t) {
                            diagram.setOverlay(null);
                        }
                    } else {
                        diagram.setOverlay(new RunOverlay(t, t.state(), diagram.getScenario()));
                    }
                    diagram.overlayChanged();
                }
            }
        }
    }

    /** The editor shows the file the run read (an editor of another file with the same name does not). */
    static boolean isSourceOf(IEditorInput input, PinscopeDebugTarget t) {
        Path runFile = t.file();
        Path editorFile = ScenarioLaunchShortcut.launchedFile(input);
        return runFile != null && editorFile != null && canonical(runFile).equals(canonical(editorFile));
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
