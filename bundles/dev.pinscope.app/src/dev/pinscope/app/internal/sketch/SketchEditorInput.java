package dev.pinscope.app.internal.sketch;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** The built-in sample sketch; it has no file behind it. */
public class SketchEditorInput implements IEditorInput {

    private final SketchDiagram diagram;

    public SketchEditorInput(SketchDiagram diagram) {
        this.diagram = diagram;
    }

    public SketchDiagram diagram() {
        return diagram;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return "Sample sketch";
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "A GEF sketch of one BAR mmap, its device and a pinner";
    }
}
