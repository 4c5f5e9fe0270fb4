package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static dev.pinscope.testsupport.UiTestSupport.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.Test;

/**
 * No dialog cuts its text at the default font: the import wizard and every page of Window › Preferences, opened
 * as the menus open them, with each label, link, check box and button measured against the bounds it was given.
 */
class DialogClippingTest {

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** The measure itself: a label squeezed below its text's width is reported, one laid out by its layout is not. */
    @Test
    void aSqueezedLabelIsReported() {
        Shell shell = new Shell(window());
        try {
            shell.setLayout(new org.eclipse.swt.layout.GridLayout());
            org.eclipse.swt.widgets.Label fits = new org.eclipse.swt.widgets.Label(shell, org.eclipse.swt.SWT.NONE);
            fits.setText("Retry policy");
            shell.pack();
            shell.open();
            drain();
            assertEquals(List.of(), Clipping.in(shell));
            fits.setSize(fits.getSize().x / 2, fits.getSize().y);
            List<String> cut = Clipping.in(shell);
            assertEquals(1, cut.size(), cut.toString());
            assertTrue(cut.get(0).startsWith("\"Retry policy\""), cut.get(0));
        } finally {
            shell.dispose();
        }
    }

    @Test
    void theImportWizardShowsAllItsText() throws Exception {
        IWizardDescriptor d = PlatformUI.getWorkbench().getImportWizardRegistry().findWizard("dev.pinscope.importer.ui.addressSpace");
        assertNotNull(d, "File › Import lists Pinscope's wizard");
        IImportWizard wizard = (IImportWizard) d.createWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(window(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        List<String> cut = new ArrayList<>();
        try {
            settle(dialog.getShell());
            IWizardPage page = dialog.getCurrentPage();
            cut.addAll(Clipping.in(dialog.getShell()).stream().map(c -> page.getTitle() + ": " + c).toList());
            WorkbenchTest.screenshot(dialog.getShell(), "import-wizard-first-page.png");
        } finally {
            dialog.close();
        }
        assertEquals(List.of(), cut, "texts cut in the import wizard");
    }

    @Test
    void noPreferencePageCutsItsText() throws Exception {
        PreferenceManager manager = PlatformUI.getWorkbench().getPreferenceManager();
        List<String> cut = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (Object o : manager.getElements(PreferenceManager.PRE_ORDER)) {
            IPreferenceNode node = (IPreferenceNode) o;
            PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window(), node.getId(), null, null);
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                settle(dialog.getShell());
                pages.add(node.getLabelText());
                cut.addAll(Clipping.in(dialog.getShell()).stream().map(c -> node.getLabelText() + ": " + c).toList());
            } finally {
                dialog.close();
            }
        }
        assertTrue(!pages.isEmpty(), "Window › Preferences has pages");
        assertEquals(List.of(), cut, "texts cut in the preference pages " + pages);
    }
}
