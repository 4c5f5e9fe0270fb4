package dev.pinscope.diagram.internal.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;

import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/**
 * A shipped example opened from Help › Examples: read-only, so the shipped file can never be
 * overwritten; Save asks where to keep the user's copy.
 */
public class ExampleEditorInput extends PlatformObject implements IStorageEditorInput {

    private final Examples.Example example;

    public ExampleEditorInput(Examples.Example example) {
        this.example = example;
    }

    public Examples.Example example() {
        return example;
    }

    @Override
    public IStorage getStorage() {
        return new IStorage() {
            @Override
            public InputStream getContents() throws CoreException {
                LoadResult r = Examples.load(example.id());
                if (!r.ok()) {
                    throw new CoreException(Status.error(r.firstProblem()));
                }
                try {
                    return new ByteArrayInputStream(Scenarios.toBytes(r.scenario()));
                } catch (IOException e) {
                    throw new CoreException(Status.error("Cannot read example " + example.id(), e));
                }
            }

            @Override
            public IPath getFullPath() {
                return null;
            }

            @Override
            public String getName() {
                return example.fileName();
            }

            @Override
            public boolean isReadOnly() {
                return true;
            }

            @Override
            public <T> T getAdapter(Class<T> adapter) {
                return null;
            }
        };
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return example.fileName();
    }

    /** Saved in the session as the example's id, so a restart reopens it read-only (see {@link ExampleInputFactory}). */
    @Override
    public IPersistableElement getPersistable() {
        return new IPersistableElement() {
            @Override
            public String getFactoryId() {
                return ExampleInputFactory.ID;
            }

            @Override
            public void saveState(org.eclipse.ui.IMemento memento) {
                memento.putString(ExampleInputFactory.EXAMPLE, example.id());
            }
        };
    }

    @Override
    public String getToolTipText() {
        return "Example: " + example.title() + " (read-only; Save As to keep a copy)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExampleEditorInput e && e.example.id().equals(example.id());
    }

    @Override
    public int hashCode() {
        return example.id().hashCode();
    }
}
