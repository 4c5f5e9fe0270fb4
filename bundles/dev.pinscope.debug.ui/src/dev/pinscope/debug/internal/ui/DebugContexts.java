package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.ui.DebugUITools;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/** Finds the Pinscope run the user is looking at. */
public final class DebugContexts {

    private DebugContexts() {
    }

    /** The target of the Debug view's selection, else the newest live Pinscope target, else null. */
    public static PinscopeDebugTarget current() {
        IAdaptable ctx = DebugUITools.getDebugContext();
        PinscopeDebugTarget t = of(ctx);
        if (t != null) {
            return t;
        }
        ILaunch[] launches = DebugPlugin.getDefault().getLaunchManager().getLaunches();
        for (int i = launches.length - 1; i >= 0; i--) {
            for (IDebugTarget d : launches[i].getDebugTargets()) {
                if (d instanceof PinscopeDebugTarget p && !p.isTerminated()) {
                    return p;
                }
            }
        }
        return null;
    }

    public static PinscopeDebugTarget of(Object ctx) {
        if (ctx instanceof PinscopeDebugTarget t) {
            return t;
        }
        if (ctx instanceof IDebugElement e && e.getDebugTarget() instanceof PinscopeDebugTarget t) {
            return t;
        }
        if (ctx instanceof ILaunch l) {
            for (IDebugTarget d : l.getDebugTargets()) {
                if (d instanceof PinscopeDebugTarget p) {
                    return p;
                }
            }
        }
        return null;
    }
}
