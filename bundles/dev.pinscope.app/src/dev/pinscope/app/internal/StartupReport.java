package dev.pinscope.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A start-up diagnostic for the benchmark ({@code releng/bench/gui-start.sh}) and the packaging test: with
 * {@code -Dpinscope.startup.report=FILE} (or the environment variable {@code PINSCOPE_STARTUP_REPORT=FILE}) the first
 * window, once its editor has been painted, writes to FILE how long after the JVM started that was, and which
 * bundles are active by then, so a test can see that the debugger, the help server and p2 did not start for it.
 * Without the setting it does nothing.
 */
final class StartupReport {

    static final String PROPERTY = "pinscope.startup.report";
    static final String VARIABLE = "PINSCOPE_STARTUP_REPORT";

    private StartupReport() {
    }

    /** Where to write the report, or null. */
    static Path target() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            file = System.getenv(VARIABLE);
        }
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /**
     * After the events already queued (the editor's first layout and paint among them), paints what is still
     * outstanding in the window and writes the report. Call on the UI thread once the workbench has started.
     */
    static void whenRendered(Shell shell) {
        Path file = target();
        if (file == null || shell == null) {
            return;
        }
        shell.getDisplay().asyncExec(() -> {
            if (shell.isDisposed()) {
                return;
            }
            shell.update();
            write(file, rendered());
        });
    }

    /** The report's text: milliseconds since the JVM started, and the active bundles' names. */
    static String rendered() {
        // the JVM's own clock (ProcessHandle's start instant is only as exact as the boot time: a second)
        long ms = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Bundle self = FrameworkUtil.getBundle(StartupReport.class);
        String active = self == null ? "" : Arrays.stream(self.getBundleContext().getBundles())
                .filter(b -> b.getState() == Bundle.ACTIVE).map(Bundle::getSymbolicName).sorted()
                .collect(Collectors.joining(","));
        return "rendered-ms=" + ms + "\nactive-bundles=" + active + "\n";
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".writing");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            ILog.of(StartupReport.class).log(Status.warning("Cannot write the start-up report " + file + ": " + e.getMessage()));
        }
    }
}
