package dev.pinscope.debug.internal.ui;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Position;
import org.eclipse.ui.texteditor.ResourceMarkerAnnotationModel;

import dev.pinscope.debug.internal.core.breakpoints.PinscopeLineBreakpoint;
import dev.pinscope.engine.Listing;

/**
 * Breakpoint markers live on the workspace root; this model shows those that stand on a line of this
 * listing (set on it, or on the same statement in another policy's listing).
 */
public class ListingAnnotationModel extends ResourceMarkerAnnotationModel {

    private final Listing listing;

    public ListingAnnotationModel(Listing listing) {
        super(ResourcesPlugin.getWorkspace().getRoot());
        this.listing = listing;
    }

    @Override
    protected boolean isAcceptable(IMarker marker) {
        return super.isAcceptable(marker) && lineOf(marker) > 0;
    }

    private int lineOf(IMarker marker) {
        try {
            if (!marker.exists() || !marker.isSubtypeOf(PinscopeLineBreakpoint.MARKER_TYPE)) {
                return -1;
            }
        } catch (CoreException e) {
            return -1;
        }
        IBreakpoint b = DebugPlugin.getDefault().getBreakpointManager().getBreakpoint(marker);
        if (b instanceof PinscopeLineBreakpoint lb) {
            return lb.lineIn(listing);
        }
        // not registered yet (being created): the marker's own attributes decide
        String policy = marker.getAttribute(PinscopeLineBreakpoint.ATTR_POLICY, "");
        return policy.equals(listing.policy().name()) ? marker.getAttribute(IMarker.LINE_NUMBER, -1) : -1;
    }

    @Override
    protected Position createPositionFromMarker(IMarker marker) {
        int line = lineOf(marker);
        if (line <= 0 || fDocument == null || line > fDocument.getNumberOfLines()) {
            return null;
        }
        try {
            return new Position(fDocument.getLineOffset(line - 1), fDocument.getLineLength(line - 1));
        } catch (BadLocationException e) {
            return null;
        }
    }
}
