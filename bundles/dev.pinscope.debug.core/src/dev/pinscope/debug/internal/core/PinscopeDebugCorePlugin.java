package dev.pinscope.debug.internal.core;

import org.eclipse.core.runtime.Plugin;
import org.osgi.framework.BundleContext;

/** The debugger core bundle: it starts with the first Pinscope launch; stopping it removes the run listeners. */
public class PinscopeDebugCorePlugin extends Plugin {

    public static final String ID = "dev.pinscope.debug.core";

    @Override
    public void stop(BundleContext context) throws Exception {
        RunListeners.uninstall();
        super.stop(context);
    }
}
