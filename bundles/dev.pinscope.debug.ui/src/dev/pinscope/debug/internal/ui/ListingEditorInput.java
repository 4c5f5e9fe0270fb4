package dev.pinscope.debug.internal.ui;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;

import dev.pinscope.engine.Listing;

/** The pseudo-C listing of one policy as a read-only editor input; one editor per policy. */
public final class ListingEditorInput extends PlatformObject implements IStorageEditorInput {

    private final Listing listing;

    public ListingEditorInput(Listing listing) {
        this.listing = listing;
    }

    public Listing listing() {
        return listing;
    }

    @Override
    public IStorage getStorage() {
        return new IStorage() {
            @Override
            public InputStream getContents() {
                return new ByteArrayInputStream(listing.text().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public IPath getFullPath() {
                return null;
            }

            @Override
            public String getName() {
                return ListingEditorInput.this.getName();
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
    public String getName() {
        return "listing " + listing.policy().name() + ".c";
    }

    /** Saved in the session as its policy, so a restart reopens the listing (see {@link ListingInputFactory}). */
    @Override
    public IPersistableElement getPersistable() {
        return new IPersistableElement() {
            @Override
            public String getFactoryId() {
                return ListingInputFactory.ID;
            }

            @Override
            public void saveState(org.eclipse.ui.IMemento memento) {
                memento.putString(ListingInputFactory.POLICY, listing.policy().name());
            }
        };
    }

    @Override
    public String getToolTipText() {
        return "Pinscope listing for policy " + listing.policy().name() + " (" + listing.policy().letter()
                + ", KERNEL-MODEL.md §9) — read-only";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListingEditorInput i && i.listing.policy() == listing.policy();
    }

    @Override
    public int hashCode() {
        return listing.policy().hashCode();
    }
}
