package dev.pinscope.debug.internal.core.breakpoints;

import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.LineBreakpoint;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.engine.Listing;

/**
 * A breakpoint on a line of a policy's listing. Listings are not workspace files, so the marker lives on
 * the workspace root and names the listing (policy) and the line's text; the text lets a breakpoint set on
 * one policy's listing stop runs under another policy at the same statement.
 */
public class PinscopeLineBreakpoint extends LineBreakpoint {

    public static final String MARKER_TYPE = "dev.pinscope.debug.lineBreakpointMarker";
    /** The policy whose listing the line number refers to. */
    public static final String ATTR_POLICY = "dev.pinscope.debug.listingPolicy";
    /** The stripped text of the line, to find the same statement in other listings. */
    public static final String ATTR_TEXT = "dev.pinscope.debug.lineText";

    /** For the breakpoint manager (restoring persisted breakpoints). */
    public PinscopeLineBreakpoint() {
    }

    public PinscopeLineBreakpoint(Listing listing, int line) throws CoreException {
        IResource root = ResourcesPlugin.getWorkspace().getRoot();
        String text = listing.line(line).text().strip();
        IWorkspaceRunnable create = monitor -> {
            IMarker marker = root.createMarker(MARKER_TYPE);
            setMarker(marker);
            marker.setAttributes(Map.of(
                    IBreakpoint_ID, PinscopeLaunch.MODEL_ID,
                    IMarker.LINE_NUMBER, line,
                    ENABLED, Boolean.TRUE,
                    PERSISTED, Boolean.TRUE,
                    ATTR_POLICY, listing.policy().name(),
                    ATTR_TEXT, text,
                    IMarker.MESSAGE, "Line breakpoint: " + listing.policy().name() + " listing line " + line + ": " + text));
        };
        run(getMarkerRule(root), create);
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(this);
    }

    private static final String IBreakpoint_ID = org.eclipse.debug.core.model.IBreakpoint.ID;

    @Override
    public String getModelIdentifier() {
        return PinscopeLaunch.MODEL_ID;
    }

    public String policy() {
        return getMarker().getAttribute(ATTR_POLICY, "");
    }

    public String lineText() {
        return getMarker().getAttribute(ATTR_TEXT, "");
    }

    /** The line this breakpoint stands on in {@code listing}, or -1 when that listing lacks the statement. */
    public int lineIn(Listing listing) {
        int own = getMarker().getAttribute(IMarker.LINE_NUMBER, -1);
        if (listing.policy().name().equals(policy())) {
            return own;
        }
        String text = lineText();
        if (text.isEmpty()) {
            return -1;
        }
        for (Listing.Line l : listing.lines()) {
            if (l.text().strip().equals(text)) {
                return l.number();
            }
        }
        return -1;
    }
}
