package dev.pinscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bug of Pinscope reaches the user as one line, "internal error", and the details go to a report file they can
 * attach to an issue: the stack trace, the command line and the Java version.
 */
final class InternalErrorReport {
    private InternalErrorReport() {
    }

    /** Writes the report; returns its path, or null if it could not be written (the one line still names the bug). */
    static Path write(Throwable t, String[] args) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        pw.println("Pinscope internal error");
        pw.println("command: pinscope " + String.join(" ", args == null ? new String[0] : args));
        pw.println("java: " + System.getProperty("java.version") + " " + System.getProperty("os.name"));
        pw.println();
        t.printStackTrace(pw);
        pw.flush();
        try {
            Path p = Files.createTempFile("pinscope-internal-error-", ".txt");
            Files.writeString(p, sw.toString(), StandardCharsets.UTF_8);
            return p;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The one line for stderr. */
    static String line(Throwable t, String[] args, String what) {
        Path p = write(t, args);
        return "pinscope: internal error (please report it): " + what + (p == null ? "" : "; details in " + p);
    }
}
