package dev.pinscope.diagram;

import java.io.InputStream;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;

/**
 * An editor input over content Pinscope ships (a shipped example, a policy's listing) rather than a
 * file: read-only, so Save can never overwrite it, and kept in the workbench session as one memento
 * value that its element factory turns back into the input on restart. Two inputs of the same class
 * with the same value are the same input, so opening it again brings the open editor forward.
 */
public abstract class ReadOnlyEditorInput extends PlatformObject implements IStorageEditorInput {

    private final String factoryId;
    private final String mementoKey;
    private final String value;

    /**
     * @param factoryId the {@code org.eclipse.ui.elementFactories} id that restores the input
     * @param mementoKey the memento key that factory reads
     * @param value what identifies the content (an example id, a policy name)
     */
    protected ReadOnlyEditorInput(String factoryId, String mementoKey, String value) {
        this.factoryId = factoryId;
        this.mementoKey = mementoKey;
        this.value = value;
    }

    /** The bytes the editor shows, made when it opens. */
    protected abstract InputStream contents() throws CoreException;

    @Override
    public final IStorage getStorage() {
        return new IStorage() {
            @Override
            public InputStream getContents() throws CoreException {
                return contents();
            }

            @Override
            public IPath getFullPath() {
                return null;
            }

            @Override
            public String getName() {
                return ReadOnlyEditorInput.this.getName();
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
        return null;
    }

    @Override
    public final IPersistableElement getPersistable() {
        return new IPersistableElement() {
            @Override
            public String getFactoryId() {
                return factoryId;
            }

            @Override
            public void saveState(IMemento memento) {
                memento.putString(mementoKey, value);
            }
        };
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ReadOnlyEditorInput) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }
}
