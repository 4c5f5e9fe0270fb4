package dev.pinscope.diagram.internal.editor;

import java.io.InputStream;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IStorageEditorInput;
import org.eclipse.ui.IURIEditorInput;

import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/**
 * Where an editor input's scenario lives and how to read it: a file on disk (File › Open File…,
 * recent files, the command line, a workspace file) is read and saved in place with the model's
 * atomic save; anything else (a shipped example) is read from its stream and saved only with
 * Save As.
 */
public record ScenarioDocument(Path file, String name) {

    /** The file behind {@code input}, or null when it has none (an example). */
    public static ScenarioDocument of(IEditorInput input) {
        IFile ws = Adapters.adapt(input, IFile.class);
        if (ws != null && ws.getLocation() != null) {
            return new ScenarioDocument(ws.getLocation().toFile().toPath(), input.getName());
        }
        if (input instanceof IURIEditorInput u && u.getURI() != null && "file".equals(u.getURI().getScheme())) {
            return new ScenarioDocument(Path.of(u.getURI()), input.getName());
        }
        IPath path = Adapters.adapt(input, IPath.class);
        if (path != null) {
            return new ScenarioDocument(path.toFile().toPath(), input.getName());
        }
        return new ScenarioDocument(null, input.getName());
    }

    public boolean isFile() {
        return file != null;
    }

    /** Reads the scenario; never throws (problems are in the result's diagnostic). */
    public static LoadResult load(IEditorInput input) {
        ScenarioDocument doc = of(input);
        if (doc.isFile()) {
            return Scenarios.load(doc.file());
        }
        if (input instanceof IStorageEditorInput s) {
            try (InputStream in = s.getStorage().getContents()) {
                return Scenarios.load(in, URI.createURI("example:/" + input.getName()));
            } catch (CoreException | java.io.IOException e) {
                return new LoadResult(null, dev.pinscope.model.io.FileDiagnostic.error(input.getName(), 0, 0, e.getMessage()));
            }
        }
        return new LoadResult(null, dev.pinscope.model.io.FileDiagnostic.error(input.getName(), 0, 0,
                "Pinscope cannot read this kind of input (" + input.getClass().getSimpleName() + ")"));
    }
}
