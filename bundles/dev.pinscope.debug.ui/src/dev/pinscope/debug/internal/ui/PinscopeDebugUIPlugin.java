package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.osgi.framework.BundleContext;

/**
 * The debugger UI bundle. Its diagram animation and launch-following listeners are contributed to
 * {@code dev.pinscope.debug.core.runListeners}, so the core registers them before the first Pinscope launch
 * is added (this bundle need not have started yet).
 */
public class PinscopeDebugUIPlugin extends AbstractUIPlugin {

    /**
     * The name of the single {@code dev.pinscope.debug} bundle this one was split from: the preference node (a saved
     * {@link LaunchFollower#PREF_REMOVE_TERMINATED} keeps working) and the state folder of launched example copies.
     */
    public static final String ID = "dev.pinscope.debug";
    private static PinscopeDebugUIPlugin plugin;
    private IPreferenceStore preferences;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        plugin = this;
        getPreferenceStore().setDefault(LaunchFollower.PREF_REMOVE_TERMINATED, true);
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        plugin = null;
        super.stop(context);
    }

    @Override
    public synchronized IPreferenceStore getPreferenceStore() {
        if (preferences == null) {
            preferences = new ScopedPreferenceStore(InstanceScope.INSTANCE, ID);
        }
        return preferences;
    }

    public static PinscopeDebugUIPlugin getDefault() {
        return plugin;
    }

    public static void log(String message, Throwable t) {
        ILog.of(PinscopeDebugUIPlugin.class).log(Status.error(message, t));
    }
}
