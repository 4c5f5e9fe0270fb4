package dev.pinscope.debug.internal.core;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunchesListener;

/**
 * The contributions to {@code dev.pinscope.debug.core.runListeners}: debug event and launch listeners (the UI's
 * diagram overlay, the launch follower) registered with the debug platform once, when the launch delegate is
 * created, which is before its first launch is added. The core so knows nothing of the UI, and the UI bundle
 * starts only when a run needs it.
 */
public final class RunListeners {

    public static final String EXTENSION_POINT = PinscopeDebugCorePlugin.ID + ".runListeners";
    private static List<Object> installed;

    private RunListeners() {
    }

    /** Registers every contributed listener the first time it is called; later calls do nothing. */
    public static synchronized void install() {
        if (installed != null) {
            return;
        }
        installed = new ArrayList<>();
        DebugPlugin debug = DebugPlugin.getDefault();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            Object listener;
            try {
                listener = e.createExecutableExtension("class");
            } catch (CoreException ex) {
                ILog.of(RunListeners.class).log(Status.error("Cannot create run listener " + e.getAttribute("class")
                        + " of " + e.getContributor().getName(), ex));
                continue;
            }
            if (listener instanceof IDebugEventSetListener l) {
                debug.addDebugEventListener(l);
            }
            if (listener instanceof ILaunchesListener l) {
                debug.getLaunchManager().addLaunchListener(l);
            }
            installed.add(listener);
        }
    }

    static synchronized void uninstall() {
        DebugPlugin debug = DebugPlugin.getDefault();
        if (installed == null || debug == null) {
            return;
        }
        for (Object listener : installed) {
            if (listener instanceof IDebugEventSetListener l) {
                debug.removeDebugEventListener(l);
            }
            if (listener instanceof ILaunchesListener l) {
                debug.getLaunchManager().removeLaunchListener(l);
            }
        }
        installed = null;
    }
}
