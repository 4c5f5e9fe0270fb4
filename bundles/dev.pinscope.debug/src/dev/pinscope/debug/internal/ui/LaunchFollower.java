package dev.pinscope.debug.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.ILaunchesListener;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.internal.ui.viewers.model.provisional.ITreeModelViewer;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import dev.pinscope.debug.PinscopeDebugTarget;
import dev.pinscope.debug.internal.PinscopeDebugPlugin;
import dev.pinscope.debug.internal.model.PinscopeThread;

/**
 * A new Pinscope launch becomes the one every view shows: when its target first suspends, its top frame is
 * selected in the Debug view (the platform keeps a suspended frame of an older launch selected otherwise),
 * so Variables, the listing, Timeline, Scheduler and the diagram follow the debug context. When a Pinscope
 * launch is added, terminated Pinscope launches are removed (preference {@link #PREF_REMOVE_TERMINATED},
 * on by default, like the IDE's "remove terminated launches when a new launch is created").
 */
public final class LaunchFollower implements IDebugEventSetListener, ILaunchesListener {

    public static final String PREF_REMOVE_TERMINATED = "removeTerminatedLaunches";

    private final Set<PinscopeDebugTarget> fresh = ConcurrentHashMap.newKeySet();

    public void install() {
        DebugPlugin.getDefault().addDebugEventListener(this);
        DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
    }

    public void uninstall() {
        DebugPlugin d = DebugPlugin.getDefault();
        if (d != null) {
            d.removeDebugEventListener(this);
            d.getLaunchManager().removeLaunchListener(this);
        }
    }

    @Override
    public void launchesAdded(ILaunch[] launches) {
        boolean ours = false;
        for (ILaunch l : launches) {
            ours |= isPinscope(l);
        }
        if (!ours || !PinscopeDebugPlugin.getDefault().getPreferenceStore().getBoolean(PREF_REMOVE_TERMINATED)) {
            return;
        }
        ILaunchManager mgr = DebugPlugin.getDefault().getLaunchManager();
        List<ILaunch> ended = new ArrayList<>();
        for (ILaunch l : mgr.getLaunches()) {
            if (l.isTerminated() && isPinscope(l)) {
                ended.add(l);
            }
        }
        if (!ended.isEmpty()) {
            mgr.removeLaunches(ended.toArray(ILaunch[]::new));
        }
    }

    private static boolean isPinscope(ILaunch l) {
        try {
            return l.getLaunchConfiguration() != null
                    && dev.pinscope.debug.PinscopeLaunch.TYPE_ID.equals(l.getLaunchConfiguration().getType().getIdentifier());
        } catch (org.eclipse.core.runtime.CoreException e) {
            return false;
        }
    }

    @Override
    public void launchesRemoved(ILaunch[] launches) {
    }

    @Override
    public void launchesChanged(ILaunch[] launches) {
    }

    @Override
    public void handleDebugEvents(DebugEvent[] events) {
        for (DebugEvent e : events) {
            if (e.getKind() == DebugEvent.CREATE && e.getSource() instanceof PinscopeDebugTarget t) {
                fresh.add(t);
            } else if (e.getKind() == DebugEvent.SUSPEND && e.getSource() instanceof PinscopeThread th
                    && fresh.remove(th.target()) && PlatformUI.isWorkbenchRunning()) {
                Display d = PlatformUI.getWorkbench().getDisplay();
                d.asyncExec(() -> select(th, 40));
            } else if (e.getKind() == DebugEvent.TERMINATE && e.getSource() instanceof PinscopeDebugTarget t) {
                fresh.remove(t);
            }
        }
    }

    /** Selects the thread's top frame in every Debug view, retrying while the view is still adding the launch. */
    private static void select(PinscopeThread thread, int triesLeft) {
        if (thread.isTerminated() || !PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IStackFrame top;
        try {
            top = thread.getTopStackFrame();
        } catch (DebugException e) {
            return;
        }
        boolean done = true;
        for (IWorkbenchWindow w : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage p : w.getPages()) {
                IViewPart v = p.findView(IDebugUIConstants.ID_DEBUG_VIEW);
                if (!(v instanceof IDebugView dv) || dv.getViewer() == null) {
                    continue;
                }
                IDebugTarget target = thread.getDebugTarget();
                Object leaf = top != null ? top : thread;
                TreePath path = top != null ? new TreePath(new Object[] { target.getLaunch(), target, thread, top })
                        : new TreePath(new Object[] { target.getLaunch(), target, thread });
                Object now = ((IStructuredSelection) dv.getViewer().getSelection()).getFirstElement();
                if (leaf.equals(now) || isNewer(now, thread)) {
                    continue;
                }
                // forced: the Debug view's selection policy keeps a suspended frame of another launch otherwise
                if (dv.getViewer() instanceof ITreeModelViewer tv) {
                    tv.setSelection(new TreeSelection(path), true, true);
                } else {
                    dv.getViewer().setSelection(new TreeSelection(path), true);
                }
                now = ((IStructuredSelection) dv.getViewer().getSelection()).getFirstElement();
                done &= leaf.equals(now);
            }
        }
        if (!done && triesLeft > 0) {
            Display.getCurrent().timerExec(100, () -> select(thread, triesLeft - 1));
        }
    }

    /** The user (or a step) has already moved on inside the new launch: leave the selection alone. */
    private static boolean isNewer(Object selected, PinscopeThread thread) {
        return selected instanceof org.eclipse.debug.core.model.IDebugElement e && e.getDebugTarget() == thread.getDebugTarget();
    }
}
