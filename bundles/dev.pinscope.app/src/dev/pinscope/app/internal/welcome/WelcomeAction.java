package dev.pinscope.app.internal.welcome;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.Command;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.wizards.IWizardCategory;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.osgi.framework.Bundle;

import dev.pinscope.app.internal.OpenFileAction;
import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;

/**
 * What the Welcome page offers. The scenario editor and the examples live in other bundles, so
 * each action first uses what they contribute (a command, a wizard, the model bundle's
 * {@code examples/}) and falls back to something generic when they are absent.
 */
public enum WelcomeAction {

    OPEN_EXAMPLE("Open an example", "Start from one of the races worked out on the mailing list, e.g. the numa_maps split that made MAP_DMA fail with -EINVAL.") {
        @Override
        void run(IWorkbenchWindow window) {
            if (executeCommand(window, OPEN_EXAMPLE_COMMAND) || openWizard(window, "example")) {
                return;
            }
            List<Example> examples = shippedExamples();
            if (examples.isEmpty()) {
                new OpenFileAction(window).run();
                return;
            }
            ElementListSelectionDialog dialog = new ElementListSelectionDialog(window.getShell(), new LabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((Example) element).title();
                }
            });
            dialog.setTitle("Open an Example");
            dialog.setMessage("Choose a scenario (type to filter):");
            dialog.setElements(examples.toArray());
            dialog.setMultipleSelection(false);
            if (dialog.open() == Window.OK && dialog.getFirstResult() instanceof Example example) {
                copyToUserArea(example).ifPresent(path -> PinscopeWorkbenchAdvisor.openFile(window.getActivePage(), path));
            }
        }
    },

    NEW_SCENARIO("New scenario", "Create an empty scenario: a vfio-pci device, a BAR mapping and a pinner to start from.") {
        @Override
        void run(IWorkbenchWindow window) {
            if (executeCommand(window, NEW_SCENARIO_COMMAND) || openWizard(window, "scenario")) {
                return;
            }
            // No Pinscope wizard contributed (yet): the generic File > New dialog
            ActionFactory.NEW.create(window).run();
        }
    },

    READ_GUIDE("Read the guide", "Getting started, the scenario model in kernel terms, the retry policies and what the list said about each.") {
        @Override
        void run(IWorkbenchWindow window) {
            PlatformUI.getWorkbench().getHelpSystem().displayHelpResource(GUIDE);
        }
    };

    /** Commands the editor bundle may define; when defined they win over the fallbacks. */
    public static final String OPEN_EXAMPLE_COMMAND = "dev.pinscope.commands.openExample";
    public static final String NEW_SCENARIO_COMMAND = "dev.pinscope.commands.newScenario";
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

    private static boolean executeCommand(IWorkbenchWindow window, String id) {
        Command command = window.getService(ICommandService.class).getCommand(id);
        if (!command.isDefined()) {
            return false;
        }
        try {
            window.getService(IHandlerService.class).executeCommand(id, null);
            return true;
        } catch (Exception e) {
            ILog.of(WelcomeAction.class).log(Status.error("Cannot run " + id, e));
            return false;
        }
    }

    /** A Pinscope New wizard whose id mentions {@code keyword}, e.g. dev.pinscope.diagram.newScenarioWizard. */
    static Optional<IWizardDescriptor> findWizard(String keyword) {
        List<IWizardDescriptor> found = new ArrayList<>();
        collect(PlatformUI.getWorkbench().getNewWizardRegistry().getRootCategory(), found);
        return found.stream()
                .filter(w -> w.getId().startsWith("dev.pinscope.") && w.getId().toLowerCase().contains(keyword))
                .filter(w -> keyword.equals("example") || !w.getId().toLowerCase().contains("example"))
                .findFirst();
    }

    private static void collect(IWizardCategory category, List<IWizardDescriptor> out) {
        out.addAll(List.of(category.getWizards()));
        for (IWizardCategory child : category.getCategories()) {
            collect(child, out);
        }
    }

    private static boolean openWizard(IWorkbenchWindow window, String keyword) {
        Optional<IWizardDescriptor> descriptor = findWizard(keyword);
        if (descriptor.isEmpty()) {
            return false;
        }
        try {
            var wizard = descriptor.get().createWizard();
            IWorkbench workbench = PlatformUI.getWorkbench();
            wizard.init(workbench, StructuredSelection.EMPTY);
            new WizardDialog(window.getShell(), wizard).open();
            return true;
        } catch (Exception e) {
            ILog.of(WelcomeAction.class).log(Status.error("Cannot open the wizard " + descriptor.get().getId(), e));
            return false;
        }
    }

    /** One entry of the model bundle's {@code examples/index.txt}: {@code file.pinscope | Title}. */
    public record Example(String fileName, String title, URL url) {
    }

    private static final String MODEL_BUNDLE = "dev.pinscope.model";

    /** The examples shipped in the model bundle, read without a compile-time dependency on it. */
    public static List<Example> shippedExamples() {
        Bundle model = Platform.getBundle(MODEL_BUNDLE);
        List<Example> out = new ArrayList<>();
        URL index = model == null ? null : model.getEntry("examples/index.txt");
        if (index == null) {
            return out;
        }
        try (InputStream in = index.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                String file = (bar < 0 ? line : line.substring(0, bar)).strip();
                String title = (bar < 0 ? file : line.substring(bar + 1)).strip();
                URL url = model.getEntry("examples/" + file);
                if (url != null) {
                    out.add(new Example(file, title, url));
                }
            }
        } catch (IOException e) {
            ILog.of(WelcomeAction.class).log(Status.warning("Cannot read the example index", e));
        }
        return out;
    }

    /** Examples are read-only inside the install: open a copy under ~/.pinscope/examples. */
    static Optional<Path> copyToUserArea(Example example) {
        Path target = Path.of(System.getProperty("user.home"), ".pinscope", "examples", example.fileName());
        try (InputStream in = example.url().openStream()) {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.copy(in, target);
            }
            return Optional.of(target);
        } catch (IOException e) {
            ILog.of(WelcomeAction.class).log(Status.error("Cannot copy the example " + example.fileName(), e));
            return Optional.empty();
        }
    }
}
