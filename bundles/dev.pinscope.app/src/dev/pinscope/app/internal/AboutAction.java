package dev.pinscope.app.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;

/** Help › About Pinscope. */
public class AboutAction extends Action implements IWorkbenchAction {

    public static final String ID = "dev.pinscope.app.about";

    private IWorkbenchWindow window;

    public AboutAction(IWorkbenchWindow window) {
        super("&About Pinscope");
        this.window = window;
        setId(ID);
    }

    @Override
    public void run() {
        if (window != null) {
            new AboutPinscopeDialog(window.getShell(), PinscopeAppPlugin.buildInfo()).open();
        }
    }

    @Override
    public void dispose() {
        window = null;
    }
}
