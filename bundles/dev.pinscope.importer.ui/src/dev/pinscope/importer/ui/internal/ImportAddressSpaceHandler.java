package dev.pinscope.importer.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** File › Import › Address space from /proc…: opens {@link ImportAddressSpaceWizard}. */
public final class ImportAddressSpaceHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        ImportAddressSpaceWizard wizard = new ImportAddressSpaceWizard();
        wizard.init(window == null ? null : window.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(window == null ? null : window.getShell(), wizard);
        dialog.setPageSize(1060, 440); // the VMA table's nine columns
        dialog.open();
        return null;
    }
}
