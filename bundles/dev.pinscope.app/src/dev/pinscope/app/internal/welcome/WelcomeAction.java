package dev.pinscope.app.internal.welcome;

import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.wizards.IWizardDescriptor;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.wizards.ExamplesMenu;

/**
 * What the Welcome page offers. Each action opens what Help › Examples and File › New › Pinscope Scenario open, so
 * the Welcome page never makes a second, differently behaving copy of an example.
 */
public enum WelcomeAction {

    OPEN_EXAMPLE("Open an example", "Start from one of the races worked out on the mailing list, e.g. the numa_maps split that made MAP_DMA fail with -EINVAL.") {
        @Override
        void run(IWorkbenchWindow window) {
            List<ExamplesMenu.Entry> entries = ExamplesMenu.entries();
            if (entries.isEmpty()) {
                new dev.pinscope.app.internal.OpenFileAction(window).run();
                return;
            }
            // a plain list keeps Help › Examples' order (a filtered list would sort it alphabetically)
            ListDialog dialog = new ListDialog(window.getShell());
            dialog.setTitle(PICKER_TITLE);
            dialog.setMessage("Shipped examples open read-only; Save As keeps a copy where you say.");
            dialog.setContentProvider(ArrayContentProvider.getInstance());
            dialog.setLabelProvider(new LabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((ExamplesMenu.Entry) element).label();
                }
            });
            dialog.setInput(entries);
            dialog.setInitialSelections(entries.get(0));
            dialog.setWidthInChars(60);
            dialog.setHeightInChars(entries.size());
            if (dialog.open() == Window.OK && dialog.getResult().length > 0
                    && dialog.getResult()[0] instanceof ExamplesMenu.Entry entry) {
                ExamplesMenu.open(entry.example());
            }
        }
    },

    NEW_SCENARIO("New scenario", "Create a scenario: a vfio-pci device, a BAR mapping and a pinner to start from, or a copy of an example.") {
        @Override
        void run(IWorkbenchWindow window) {
            IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(DiagramIds.NEW_WIZARD_ID);
            if (descriptor == null) {
                ActionFactory.NEW.create(window).run();
                return;
            }
            try {
                var wizard = descriptor.createWizard();
                wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
                new WizardDialog(window.getShell(), wizard).open();
            } catch (org.eclipse.core.runtime.CoreException e) {
                ILog.of(WelcomeAction.class).log(Status.error("Cannot open the wizard " + descriptor.getId(), e));
            }
        }
    },

    READ_GUIDE("Read the guide", "Getting started, the scenario model in kernel terms, the retry policies and what the list said about each.") {
        @Override
        void run(IWorkbenchWindow window) {
            dev.pinscope.app.internal.HelpServer.display(window.getShell(), GUIDE);
        }
    };

    /** The title of the example picker's dialog. */
    public static final String PICKER_TITLE = "Open an Example";
    /** The page "Read the guide" opens. */
    public static final String GUIDE = "/dev.pinscope.help/html/getting-started.html";

    private final String label;
    private final String description;

    WelcomeAction(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    abstract void run(IWorkbenchWindow window);

    /** Runs the action as if its button was pressed. */
    public void runIn(IWorkbenchWindow window) {
        run(window);
    }
}
