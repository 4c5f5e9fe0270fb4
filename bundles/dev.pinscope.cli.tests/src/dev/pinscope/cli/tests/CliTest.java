package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinscope.cli.PinscopeCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void noArgumentsIsUsageError() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new PinscopeCli(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8)).run(new String[0]);
        assertEquals(2, code);
    }
}
