package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.editors.text.StorageDocumentProvider;

/** Documents of listings, with an annotation model that shows the Pinscope breakpoints on them. */
public class ListingDocumentProvider extends StorageDocumentProvider {

    @Override
    protected IAnnotationModel createAnnotationModel(Object element) throws CoreException {
        if (element instanceof ListingEditorInput in) {
            return new ListingAnnotationModel(in.listing());
        }
        return super.createAnnotationModel(element);
    }

    @Override
    public boolean isModifiable(Object element) {
        return false;
    }

    @Override
    public boolean isReadOnly(Object element) {
        return true;
    }
}
