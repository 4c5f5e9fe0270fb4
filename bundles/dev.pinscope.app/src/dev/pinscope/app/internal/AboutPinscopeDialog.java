package dev.pinscope.app.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import dev.pinscope.app.BuildInfo;

/** Name, version and build id, so a bug report can say exactly which build it is about. */
public class AboutPinscopeDialog extends Dialog {

    private final BuildInfo info;

    public AboutPinscopeDialog(Shell parent, BuildInfo info) {
        super(parent);
        this.info = info;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Pinscope");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label name = new Label(area, SWT.NONE);
        name.setText(BuildInfo.PRODUCT_NAME);
        name.setFont(JFaceResources.getHeaderFont());
        label(area, "Version " + info.version());
        label(area, "Build id " + info.buildId());
        label(area, "Design, step through and exhaustively check VFIO pin-vs-zap races\n"
                + "(vfio_pin_pages_remote, vaddr_get_pfns, follow_fault_pfn vs. concurrent zaps).");
        return area;
    }

    private static void label(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
    }

    public BuildInfo buildInfo() {
        return info;
    }
}
