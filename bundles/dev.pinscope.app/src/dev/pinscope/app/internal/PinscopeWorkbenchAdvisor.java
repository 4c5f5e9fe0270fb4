package dev.pinscope.app.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.ide.IDE;

import dev.pinscope.app.internal.restore.NotRestored;
import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.editor.ExampleEditorInput;
import dev.pinscope.model.examples.Examples;

public class PinscopeWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
        // ui.ide's editors and views adapt workspace objects; the IDE application normally does this
        IDE.registerAdapters();
    }

    @Override
    public void preStartup() {
        IdeLeftovers.removeActionSets();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DesignPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new PinscopeWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        openFilesFromCommandLine();
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        NotRestored.report(window == null ? null : window.getActivePage());
        openSampleWhenEmpty();
        IWorkbenchWindow shown = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        StartupReport.whenRendered(shown == null ? null : shown.getShell());
        // nothing the first window does not need starts before it is shown: the help server once it is idle
        HelpWarmup.afterIdle(getWorkbenchConfigurer().getWorkbench().getDisplay());
    }

    @Override
    public boolean preShutdown() {
        // the session is saved after this; note the editors it cannot keep so the next start can say so
        NotRestored.remember(getWorkbenchConfigurer().getWorkbench());
        HelpWarmup.cancel(15_000);
        return true;
    }

    /** The example a first start shows: the race the patch is about (numa_maps splits a PUD in W1). */
    static final String WELCOME_EXAMPLE = dev.pinscope.diagram.internal.wizards.ExamplesMenu.REPORTED_BUG;

    /** A first start shows a shipped example (read-only) rather than an empty editor area. */
    private void openSampleWhenEmpty() {
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null || window.getActivePage().getEditorReferences().length > 0) {
            return;
        }
        openWelcomeExample(window.getActivePage());
    }

    /** Opens {@link #WELCOME_EXAMPLE} (or the first shipped example) in the scenario editor. */
    public static IEditorPart openWelcomeExample(IWorkbenchPage page) {
        var example = Examples.find(WELCOME_EXAMPLE).or(() -> Examples.list().stream().findFirst());
        if (example.isEmpty()) {
            return null;
        }
        try {
            return page.openEditor(new ExampleEditorInput(example.get()), DiagramIds.EDITOR_ID);
        } catch (PartInitException e) {
            ILog.of(PinscopeWorkbenchAdvisor.class).log(Status.error("Cannot open the example " + example.get().id(), e));
            return null;
        }
    }

    @Override
    public void postShutdown() {
        // core.resources is present (Eclipse Debug needs it); save it so the next start is clean
        try {
            ResourcesPlugin.getWorkspace().save(true, new NullProgressMonitor());
        } catch (CoreException | IllegalStateException e) {
            ILog.of(getClass()).log(Status.warning("Could not save the workspace state", e));
        }
    }

    /** {@code pinscope FILE…}: every argument naming an existing file opens in its editor. */
    private void openFilesFromCommandLine() {
        IWorkbenchWindow window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null) {
            return;
        }
        for (Path path : filesToOpen(Platform.getApplicationArgs())) {
            openFile(window.getActivePage(), path);
        }
    }

    /**
     * The files named on the command line. A word right after an option is that option's value
     * (e.g. {@code -testproperties FILE} from a test harness), not a file to open, unless it is a
     * scenario.
     */
    public static java.util.List<Path> filesToOpen(String[] args) {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-")) {
                continue;
            }
            boolean optionValue = i > 0 && args[i - 1].startsWith("-");
            if (optionValue && !arg.endsWith(".pinscope")) {
                continue;
            }
            Path path = Path.of(arg).toAbsolutePath();
            if (Files.isRegularFile(path)) {
                files.add(path);
            }
        }
        return files;
    }

    public static void openFile(IWorkbenchPage page, Path path) {
        try {
            IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(path.toUri()));
        } catch (PartInitException e) {
            ILog.of(PinscopeWorkbenchAdvisor.class).log(Status.error("Cannot open " + path + ": " + e.getMessage(), e));
        }
    }
}
