package dev.pinscope.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An engine bug is one "internal error" line naming a report with the stack trace, never "bad input". */
class InternalErrorReportTest {
    @Test
    void theLineNamesAReportWithTheStackTraceAndTheCommand() throws IOException {
        IllegalStateException bug = new IllegalStateException("engine bug compiling 'x': boom");
        String line = InternalErrorReport.line(bug, new String[] {"explore", "x.pinscope"}, bug.getMessage());
        assertTrue(line.startsWith("pinscope: internal error (please report it): engine bug compiling 'x': boom; details in "),
                line);
        assertTrue(!line.contains("\n"), line);
        Path report = Path.of(line.substring(line.indexOf("details in ") + "details in ".length()));
        String text = Files.readString(report);
        assertTrue(text.contains("command: pinscope explore x.pinscope"), text);
        assertTrue(text.contains("at dev.pinscope.cli.InternalErrorReportTest"), text);
        Files.delete(report);
    }
}
