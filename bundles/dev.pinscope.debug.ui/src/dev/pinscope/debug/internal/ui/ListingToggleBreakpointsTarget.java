package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeLineBreakpoint;
import dev.pinscope.engine.Listing;

/** Ruler double-click and Run › Toggle Breakpoint on a listing line. */
public class ListingToggleBreakpointsTarget implements IToggleBreakpointsTarget {

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        if (!(part instanceof ListingEditor editor) || !(editor.getEditorInput() instanceof ListingEditorInput in)
                || !(selection instanceof ITextSelection ts)) {
            return;
        }
        toggle(in.listing(), ts.getStartLine() + 1);
    }

    /** Removes the breakpoint standing on {@code line} of the listing, or adds one; returns it when added. */
    public static PinscopeLineBreakpoint toggle(Listing listing, int line) throws CoreException {
        for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(PinscopeLaunch.MODEL_ID)) {
            if (b instanceof PinscopeLineBreakpoint lb && lb.lineIn(listing) == line) {
                b.delete();
                return null;
            }
        }
        return new PinscopeLineBreakpoint(listing, line);
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return part instanceof ListingEditor && selection instanceof ITextSelection;
    }

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }
}
