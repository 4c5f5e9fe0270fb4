package dev.pinscope.debug.internal.ui;

import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.core.model.IStackFrame;

import dev.pinscope.debug.PinscopeDebugTarget;

/** Every frame's source is its run's policy listing. */
public final class ListingSourceLocator implements ISourceLocator {

    @Override
    public Object getSourceElement(IStackFrame frame) {
        if (frame.getDebugTarget() instanceof PinscopeDebugTarget t) {
            return new ListingEditorInput(t.simulation().listing());
        }
        return null;
    }
}
