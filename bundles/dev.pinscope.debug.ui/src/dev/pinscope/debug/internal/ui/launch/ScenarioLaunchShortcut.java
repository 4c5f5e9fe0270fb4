package dev.pinscope.debug.internal.ui.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.FrameworkUtil;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.ui.PinscopeDebugUIPlugin;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;

/**
 * Run/Debug of the scenario in the active editor (toolbar, context menu, Run As/Debug As): reuses the
 * file's configuration or creates one. A shipped example has no file of its own, so it is launched from a
 * copy in the workspace's metadata area — the user never has to save it first.
 */
public class ScenarioLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            Object o = s.getFirstElement();
            IFile f = Adapters.adapt(o, IFile.class);
            if (f != null && f.getLocation() != null) {
                launch(f.getLocation().toFile().toPath(), mode);
            } else if (o instanceof Path p) {
                launch(p, mode);
            }
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(editor, mode, null);
    }

    /** Launches the editor's scenario under {@code policy} (null: the scenario's own). */
    public static void launch(IEditorPart editor, String mode, String policy) {
        try {
            Path file = fileOf(editor);
            if (file != null) {
                launch(file, mode, policy);
            }
        } catch (IOException | CoreException e) {
            ErrorDialog.openError(editor.getSite().getShell(), "Cannot launch the scenario", e.getMessage(),
                    org.eclipse.core.runtime.Status.error(e.getMessage(), e));
        }
    }

    /** The file behind an editor input (a local file or a workspace file), or null (a shipped example). */
    public static Path ownFile(IEditorInput input) {
        if (input instanceof IURIEditorInput u && u.getURI() != null && "file".equals(u.getURI().getScheme())) {
            return Path.of(u.getURI());
        }
        IFile ws = Adapters.adapt(input, IFile.class);
        return ws != null && ws.getLocation() != null ? ws.getLocation().toFile().toPath() : null;
    }

    /**
     * Where a launch of an input without a file of its own (a shipped example) reads the scenario from: the state
     * folder of the single {@code dev.pinscope.debug} bundle this one was split from, which saved launch
     * configurations name.
     */
    public static Path copyFor(IEditorInput input) {
        Path states = Path.of(Platform.getStateLocation(FrameworkUtil.getBundle(ScenarioLaunchShortcut.class)).toOSString())
                .getParent();
        Path dir = states.resolve(PinscopeDebugUIPlugin.ID).resolve("launched");
        String name = input.getName().endsWith(".pinscope") ? input.getName() : input.getName() + ".pinscope";
        return dir.resolve(name);
    }

    /** The file a launch of this editor's scenario reads: its own file, else the copy made for examples. */
    public static Path launchedFile(IEditorInput input) {
        Path own = ownFile(input);
        return own != null ? own : copyFor(input);
    }

    /** The file a launch of this editor's scenario should read (saving the editor or copying an example first). */
    public static Path fileOf(IEditorPart editor) throws IOException, CoreException {
        IEditorInput input = editor.getEditorInput();
        if (editor.isDirty() && !PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .saveEditor(editor, true)) {
            return null;
        }
        Path own = ownFile(input);
        if (own != null && !editor.isDirty()) {
            return own;
        }
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        if (diagram == null) {
            throw new IOException(input.getName() + " is not a scenario");
        }
        Path copy = copyFor(input);
        Files.createDirectories(copy.getParent());
        SaveResult r = Scenarios.save(diagram.getScenario(), copy);
        if (!r.ok()) {
            throw new IOException("cannot write " + copy + ": " + r.message());
        }
        return copy;
    }

    public static void launch(Path file, String mode) {
        launch(file, mode, null);
    }

    public static void launch(Path file, String mode, String policy) {
        try {
            DebugUITools.launch(configurationFor(file, policy), mode);
        } catch (CoreException e) {
            ErrorDialog.openError(null, "Cannot launch the scenario", e.getMessage(), e.getStatus());
        }
    }

    /**
     * The saved configuration for {@code file} under {@code policy} (null: the scenario's own), created
     * when missing; the user's later changes to it in Debug Configurations are kept.
     */
    public static ILaunchConfiguration configurationFor(Path file, String policy) throws CoreException {
        String path = file.toAbsolutePath().toString();
        String wanted = policy == null ? "" : policy;
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurations(PinscopeLaunch.type())) {
            if (path.equals(c.getAttribute(PinscopeLaunch.ATTR_FILE, ""))
                    && wanted.equals(c.getAttribute(PinscopeLaunch.ATTR_POLICY, ""))
                    && !c.hasAttribute(PinscopeLaunch.ATTR_PRELOADED_SCHEDULE)) {
                return c;
            }
        }
        return PinscopeLaunch.newConfiguration(file, policy, PinscopeLaunch.SCHEDULER_SCRIPT).doSave();
    }
}
