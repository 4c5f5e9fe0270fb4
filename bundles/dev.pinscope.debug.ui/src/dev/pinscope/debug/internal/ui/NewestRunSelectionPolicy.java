package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelSelectionPolicy;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IModelSelectionPolicyFactory;
import org.eclipse.debug.internal.ui.viewers.model.provisional.IPresentationContext;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeSelection;
import org.eclipse.jface.viewers.TreeSelection;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/**
 * The Debug view's selection policy while a Pinscope element is selected. As the platform's default, a
 * suspended frame is "sticky" (another thread's stop does not steal the selection) — except that a newer
 * Pinscope launch always takes the selection from an older one: a new witness, lasso or policy launch is the
 * run the user wants to see, and every view follows the Debug view's selection.
 */
public final class NewestRunSelectionPolicy implements IModelSelectionPolicy {

    /** Registered in plugin.xml for the Pinscope debug elements (before the platform's factory for IDebugElement). */
    public static final class Factory implements IAdapterFactory, IModelSelectionPolicyFactory {
        @Override
        public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
            return adapterType == IModelSelectionPolicyFactory.class ? adapterType.cast(this) : null;
        }

        @Override
        public Class<?>[] getAdapterList() {
            return new Class<?>[] { IModelSelectionPolicyFactory.class };
        }

        @Override
        public IModelSelectionPolicy createModelSelectionPolicyAdapter(Object element, IPresentationContext context) {
            return element instanceof IDebugElement e ? new NewestRunSelectionPolicy(e) : null;
        }
    }

    private final IDebugElement element;

    NewestRunSelectionPolicy(IDebugElement element) {
        this.element = element;
    }

    private static boolean inDebugView(IPresentationContext context) {
        return IDebugUIConstants.ID_DEBUG_VIEW.equals(context.getId());
    }

    private static Object first(ISelection s) {
        return s instanceof IStructuredSelection ss ? ss.getFirstElement() : null;
    }

    /**
     * The viewer asks {@link #overrides} only for candidates this policy "contains", else just whether the
     * current selection is sticky: so a newer Pinscope run counts as contained, and {@link #overrides} lets it in.
     */
    @Override
    public boolean contains(ISelection selection, IPresentationContext context) {
        return inDebugView(context) && first(selection) instanceof IDebugElement e
                && (e.getDebugTarget() == element.getDebugTarget() || newer(e, element));
    }

    /** {@code candidate} belongs to a Pinscope run started after {@code current}'s run (or that run has ended). */
    private static boolean newer(IDebugElement candidate, IDebugElement current) {
        return candidate.getDebugTarget() instanceof PinscopeDebugTarget nt && (current.getDebugTarget().isTerminated()
                || !(current.getDebugTarget() instanceof PinscopeDebugTarget wt) || nt.serial() > wt.serial());
    }

    @Override
    public boolean overrides(ISelection existing, ISelection candidate, IPresentationContext context) {
        if (!inDebugView(context)) {
            return true;
        }
        Object was = first(existing);
        Object next = first(candidate);
        if (was == null || was.equals(next)) {
            return true;
        }
        if (was instanceof IDebugElement w && next instanceof IDebugElement n && w.getDebugTarget() != n.getDebugTarget()) {
            return newer(n, w) || !sticky(was);
        }
        if (was instanceof IStackFrame wf && next instanceof IStackFrame nf && wf.getThread().equals(nf.getThread())) {
            return true;
        }
        return !sticky(was);
    }

    private static boolean sticky(Object o) {
        return o instanceof IStackFrame f && (f.isSuspended() || f.isStepping());
    }

    @Override
    public boolean isSticky(ISelection selection, IPresentationContext context) {
        return inDebugView(context) && sticky(first(selection));
    }

    @Override
    public ISelection replaceInvalidSelection(ISelection invalid, ISelection newSelection) {
        if (invalid instanceof ITreeSelection t && t.getPaths().length > 0 && t.getPaths()[0].getSegmentCount() > 1) {
            return new TreeSelection(t.getPaths()[0].getParentPath());
        }
        return newSelection;
    }
}
