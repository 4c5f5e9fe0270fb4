package dev.pinscope.app.internal;

import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;

/** File › Open File…: any file from disk; scenarios ({@code .pinscope}) open in their editor. */
public class OpenFileAction extends Action implements IWorkbenchAction {

    public static final String ID = "dev.pinscope.app.openFile";

    private IWorkbenchWindow window;

    public OpenFileAction(IWorkbenchWindow window) {
        super("&Open File...");
        this.window = window;
        setId(ID);
        setActionDefinitionId("org.eclipse.ui.edit.text.openLocalFile");
    }

    @Override
    public void run() {
        if (window == null) {
            return;
        }
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText("Open File");
        dialog.setFilterExtensions(new String[] {"*.pinscope", "*"});
        dialog.setFilterNames(new String[] {"Pinscope scenarios (*.pinscope)", "All files"});
        if (dialog.open() == null) {
            return;
        }
        for (String name : dialog.getFileNames()) {
            PinscopeWorkbenchAdvisor.openFile(window.getActivePage(), Path.of(dialog.getFilterPath(), name));
        }
    }

    @Override
    public void dispose() {
        window = null;
    }
}
