package dev.pinscope.results.internal;

import dev.pinscope.diagram.IScenarioDiagram;
import java.nio.file.Path;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IPath;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** Finding the scenario editor to explore and the file behind it, through the editor's public adapters only. */
public final class ScenarioEditors {
    private ScenarioEditors() {
    }

    public static IScenarioDiagram diagram(IEditorPart part) {
        return part == null ? null : Adapters.adapt(part, IScenarioDiagram.class);
    }

    /** The active scenario editor of the active window, or null. */
    public static IEditorPart activeScenarioEditor() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        IWorkbenchPage page = w == null ? null : w.getActivePage();
        IEditorPart e = page == null ? null : page.getActiveEditor();
        return diagram(e) != null ? e : null;
    }

    /** The file behind an editor input, or null (a shipped example has none). */
    public static Path file(IEditorInput input) {
        if (input == null) {
            return null;
        }
        IFile ws = Adapters.adapt(input, IFile.class);
        if (ws != null && ws.getLocation() != null) {
            return ws.getLocation().toFile().toPath();
        }
        if (input instanceof IURIEditorInput u && u.getURI() != null && "file".equals(u.getURI().getScheme())) {
            return Path.of(u.getURI());
        }
        IPath p = Adapters.adapt(input, IPath.class);
        return p == null ? null : p.toFile().toPath();
    }

    /** The key results are stored under: the file's absolute path, or "example:" and the input's name. */
    public static String key(IEditorPart part) {
        Path f = file(part.getEditorInput());
        return f != null ? f.toAbsolutePath().normalize().toString() : "example:" + part.getEditorInput().getName();
    }
}
