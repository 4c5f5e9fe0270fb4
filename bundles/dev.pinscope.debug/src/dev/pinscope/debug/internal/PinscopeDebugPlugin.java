package dev.pinscope.debug.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import dev.pinscope.debug.internal.ui.DiagramAnimator;
import dev.pinscope.debug.internal.ui.LaunchFollower;

/** Starts the diagram animation and launch-following listeners with the bundle (it starts with the first launch). */
public class PinscopeDebugPlugin extends AbstractUIPlugin {

    public static final String ID = "dev.pinscope.debug";
    private static PinscopeDebugPlugin plugin;
    private DiagramAnimator animator;
    private LaunchFollower follower;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
        getPreferenceStore().setDefault(LaunchFollower.PREF_REMOVE_TERMINATED, true);
        animator = new DiagramAnimator();
        animator.install();
        follower = new LaunchFollower();
        follower.install();
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        if (animator != null) {
            animator.uninstall();
        }
        if (follower != null) {
            follower.uninstall();
        }
        plugin = null;
        super.stop(context);
    }

    public static PinscopeDebugPlugin getDefault() {
        return plugin;
    }

    public static void log(String message, Throwable t) {
        ILog.of(PinscopeDebugPlugin.class).log(Status.error(message, t));
    }
}
