package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorInput;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeEventBreakpoint;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeLineBreakpoint;
import dev.pinscope.debug.internal.core.model.PinscopeStackFrame;
import dev.pinscope.debug.internal.core.model.PinscopeThread;
import dev.pinscope.engine.Listing;

/** Labels for the Debug and Breakpoints views, and the listing editor as every frame's source. */
public class PinscopeModelPresentation extends LabelProvider implements IDebugModelPresentation {

    @Override
    public void setAttribute(String attribute, Object value) {
    }

    @Override
    public Image getImage(Object element) {
        return null;
    }

    @Override
    public String getText(Object element) {
        try {
            if (element instanceof PinscopeDebugTarget t) {
                return t.getName();
            }
            if (element instanceof PinscopeThread t) {
                if (t.isTerminated()) {
                    return t.getName() + " <terminated>";
                }
                String where = "";
                if (t.isSuspended() && !t.view().frames().isEmpty()) {
                    var top = t.view().frames().get(0);
                    where = " at " + top.function() + ":" + top.line() + (top.label() == null ? "" : " " + top.label());
                }
                String bp = t.getBreakpoints().length > 0 ? " — suspended at breakpoint" : "";
                return t.getName() + " [" + (t.isSuspended() ? t.statusText() : "running") + "]" + where + bp;
            }
            if (element instanceof PinscopeStackFrame f) {
                return f.getName();
            }
            if (element instanceof PinscopeLineBreakpoint b) {
                int line = b.getLineNumber();
                return b.policy() + " listing [line: " + line + "] " + b.lineText().replaceAll("\\s+", " ");
            }
            if (element instanceof PinscopeEventBreakpoint b) {
                return "Event: " + b.event().label + " — " + b.event().description;
            }
        } catch (CoreException e) {
            return null;
        }
        return null;
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        String detail;
        try {
            detail = value.getValueString();
        } catch (DebugException e) {
            detail = e.getMessage();
        }
        listener.detailComputed(value, detail);
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        if (element instanceof Listing listing) {
            return new ListingEditorInput(listing);
        }
        if (element instanceof ListingEditorInput in) {
            return in;
        }
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        return input instanceof ListingEditorInput ? PinscopeLaunch.LISTING_EDITOR_ID : null;
    }
}
