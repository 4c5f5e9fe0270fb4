package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.internal.EngineFaults;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bug inside the engine (injected: compiling one scenario throws, as an index error in the engine would) reaches
 * the user as one "internal error" line naming a report with the stack trace, exit 70: never as bad input (exit 2)
 * and never as a stack trace on the terminal.
 */
class EngineBugTest {
    @TempDir
    Path tmp;

    @AfterEach
    void disarm() {
        EngineFaults.failCompiling(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "explore", "compare", "validate"})
    void anEngineBugIsAnInternalErrorWithAReportNotBadInput(String command) throws IOException {
        LoadResult lr = Examples.load("02-numa-maps-split-w1");
        assertTrue(lr.ok(), lr.firstProblem());
        String name = lr.scenario().getName();
        Path file = tmp.resolve("02.pinscope");
        Files.write(file, Scenarios.toBytes(lr.scenario()));
        CliTest.Out healthy = CliTest.cli(command, file.toString());
        assertFalse(healthy.code() == 2 || healthy.code() == 70, "the file is fine: " + healthy.err());

        EngineFaults.failCompiling(name);
        CliTest.Out r = CliTest.cli(command, file.toString());

        assertEquals(70, r.code(), r.err());
        assertNotEquals(2, r.code(), "an engine bug is not the user's bad input");
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line on stderr: " + r.err());
        String prefix = "pinscope: internal error (please report it): injected engine fault compiling '" + name + "'";
        assertTrue(lines[0].startsWith(prefix), lines[0]);
        assertFalse(r.err().contains("\tat "), "no stack trace on the terminal: " + r.err());
        int at = lines[0].indexOf("; details in ");
        assertTrue(at > 0, "the line names the report: " + lines[0]);
        Path report = Path.of(lines[0].substring(at + "; details in ".length()));
        String text = Files.readString(report);
        assertTrue(text.contains("command: pinscope " + command + " " + file), text);
        assertTrue(text.contains("engine bug compiling '" + name + "'"), "the engine names it a bug: " + text);
        assertTrue(text.contains("injected engine fault compiling '" + name + "'"), text);
        assertTrue(text.contains("at dev.pinscope.engine.Simulation.compile"), "the report has the engine's stack: " + text);
        Files.delete(report);
    }
}
