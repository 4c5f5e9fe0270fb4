package dev.pinscope.debug.internal.core.launch;

import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.core.model.IStackFrame;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/** Every frame's source is its run's policy listing (the engine {@code Listing}; the UI's model presentation opens it). */
public final class ListingSourceLocator implements ISourceLocator {

    @Override
    public Object getSourceElement(IStackFrame frame) {
        if (frame.getDebugTarget() instanceof PinscopeDebugTarget t) {
            return t.simulation().listing();
        }
        return null;
    }
}
