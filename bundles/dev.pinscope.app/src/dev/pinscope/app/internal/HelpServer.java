package dev.pinscope.app.internal;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.help.internal.base.BaseHelpSystem;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/**
 * The one way Pinscope starts the help server (Jetty and the help webapp) and opens the help window.
 * {@link BaseHelpSystem#ensureWebappRunning} marks the server "started" before it is up and, while the start is
 * under way, answers {@code false} to every other caller; the help display then silently shows nothing. That is
 * why Help Contents did nothing when it was chosen while the background warm-up was starting the server. Every
 * Pinscope caller goes through this lock, so a second caller waits for the first start and then gets the real
 * answer; the wait happens in a job, so the window never freezes while Jetty starts.
 */
public final class HelpServer {

    private static final Object LOCK = new Object();
    private static volatile boolean running;

    private HelpServer() {
    }

    /** Starts the server if needed (seconds on a cold start: never call it on the UI thread). */
    public static boolean ensureRunning() {
        synchronized (LOCK) {
            running = BaseHelpSystem.ensureWebappRunning();
            return running;
        }
    }

    /** Whether a start through {@link #ensureRunning()} has completed successfully. */
    public static boolean isRunning() {
        return running;
    }

    /** Opens the help window on {@code href} (a /bundle/path topic) once the server is up; call on the UI thread. */
    public static void display(Shell shell, String href) {
        if (running) {
            PlatformUI.getWorkbench().getHelpSystem().displayHelpResource(href);
            return;
        }
        Job job = Job.create("Opening the Pinscope User Guide", monitor -> {
            boolean up = ensureRunning();
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> {
                    if (up) {
                        PlatformUI.getWorkbench().getHelpSystem().displayHelpResource(href);
                    } else if (!shell.isDisposed()) {
                        MessageDialog.openError(shell, "Help", "The help server did not start, so the user guide cannot be shown;"
                                + " the reason is in the workspace log (.metadata/.log).");
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setPriority(Job.INTERACTIVE);
        job.schedule();
    }
}
