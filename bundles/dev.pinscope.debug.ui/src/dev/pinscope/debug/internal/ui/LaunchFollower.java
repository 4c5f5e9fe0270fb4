package dev.pinscope.debug.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.ILaunchesListener;

import dev.pinscope.debug.internal.ui.PinscopeDebugUIPlugin;

/**
 * When a Pinscope launch is added, terminated Pinscope launches are removed (preference {@link #PREF_REMOVE_TERMINATED},
 * on by default, like the IDE's "remove terminated launches when a new launch is created").
 */
public final class LaunchFollower implements ILaunchesListener {

    public static final String PREF_REMOVE_TERMINATED = "removeTerminatedLaunches";

    @Override
    public void launchesAdded(ILaunch[] launches) {
        boolean ours = false;
        for (ILaunch l : launches) {
            ours |= isPinscope(l);
        }
        if (!ours || !PinscopeDebugUIPlugin.getDefault().getPreferenceStore().getBoolean(PREF_REMOVE_TERMINATED)) {
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
                    && dev.pinscope.debug.core.PinscopeLaunch.TYPE_ID.equals(l.getLaunchConfiguration().getType().getIdentifier());
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
}
