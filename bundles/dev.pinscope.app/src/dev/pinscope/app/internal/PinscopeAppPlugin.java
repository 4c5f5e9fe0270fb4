package dev.pinscope.app.internal;

import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import dev.pinscope.app.BuildInfo;

public class PinscopeAppPlugin extends AbstractUIPlugin {

    public static final String ID = "dev.pinscope.app";

    private static PinscopeAppPlugin instance;

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        instance = null;
        super.stop(context);
    }

    public static PinscopeAppPlugin getDefault() {
        return instance;
    }

    public static BuildInfo buildInfo() {
        return BuildInfo.of(getDefault().getBundle().getVersion());
    }
}
