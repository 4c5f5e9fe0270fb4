package dev.pinscope.debug.internal.ui;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.DebugContextEvent;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/**
 * Base of the Timeline and Scheduler views: follows the Debug view's context and repaints when a
 * Pinscope run suspends or ends (debug events), never on a timer.
 */
public abstract class RunViewPart extends ViewPart implements IDebugEventSetListener, IDebugContextListener {

    private PinscopeDebugTarget target;

    @Override
    public final void createPartControl(Composite parent) {
        createControl(parent);
        DebugPlugin.getDefault().addDebugEventListener(this);
        DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow())
                .addDebugContextListener(this);
        setTarget(DebugContexts.current());
    }

    protected abstract void createControl(Composite parent);

    /** Shows the target's current state (UI thread); target may be null or terminated. */
    protected abstract void refresh(PinscopeDebugTarget target);

    public PinscopeDebugTarget target() {
        return target;
    }

    /** Something the user asked of the run (a jump, a pick) that the debug model may refuse. */
    @FunctionalInterface
    protected interface RunAction {
        void on(PinscopeDebugTarget target) throws DebugException;
    }

    /**
     * Does {@code action} on the run this view shows, if any. The debug model refuses with a DebugException
     * (the run moved on, it ended): the user sees its message in a dialog named after this view, never a trace.
     */
    protected void act(RunAction action) {
        PinscopeDebugTarget t = target;
        if (t == null) {
            return;
        }
        try {
            action.on(t);
        } catch (DebugException e) {
            ErrorDialog.openError(getSite().getShell(), getPartName(), e.getMessage(), e.getStatus());
        }
    }

    protected void setTarget(PinscopeDebugTarget t) {
        target = t;
        refresh(t);
    }

    /**
     * One refresh per event set that concerns the run shown (SUSPEND, RESUME, CHANGE, TERMINATE); a new
     * Pinscope target (CREATE) is shown at once: a new launch becomes the run every view shows.
     */
    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        PinscopeDebugTarget created = null;
        PinscopeDebugTarget touched = null;
        for (DebugEvent e : events) {
            PinscopeDebugTarget t = DebugContexts.of(e.getSource());
            if (t == null) {
                continue;
            }
            if (e.getKind() == DebugEvent.CREATE && e.getSource() == t) {
                created = t;
            } else if (e.getKind() != DebugEvent.MODEL_SPECIFIC) {
                touched = t;
            }
        }
        PinscopeDebugTarget show = created != null ? created : touched;
        if (show == null || isDisposed()) {
            return;
        }
        boolean switchTo = created != null;
        getSite().getShell().getDisplay().asyncExec(() -> {
            if (isDisposed()) {
                return;
            }
            if (switchTo || target == null || target == show || target.isTerminated()) {
                setTarget(show);
            }
        });
    }

    protected abstract boolean isDisposed();

    @Override
    public void debugContextChanged(DebugContextEvent event) {
        if (event.getContext() instanceof IStructuredSelection s) {
            PinscopeDebugTarget t = DebugContexts.of(s.getFirstElement());
            if (t != null && t != target) {
                setTarget(t);
            }
        }
    }

    @Override
    public void dispose() {
        DebugPlugin.getDefault().removeDebugEventListener(this);
        DebugUITools.getDebugContextManager().getContextService(getSite().getWorkbenchWindow())
                .removeDebugContextListener(this);
        super.dispose();
    }
}
