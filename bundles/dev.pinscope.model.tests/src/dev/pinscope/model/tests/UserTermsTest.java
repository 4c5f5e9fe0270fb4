package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.io.UserText;

/**
 * Issue 12, point 7: messages in the user's terms. The two reported leaks — Xerces' exception name for bad UTF-8
 * and an object dump ({@code PinnerImpl@302d53ea}) for a reference to an element of the wrong kind — and the
 * filter every library message goes through.
 */
class UserTermsTest {

    private static final Pattern JAVA = Pattern.compile("[A-Z]\\w*(Exception|Error)\\b|\\w+Impl@[0-9a-f]+|\\b(java|org|com)\\.[a-z]+\\.");

    @TempDir
    Path dir;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<pinscope:Scenario xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:pinscope=\"http://pinscope.dev/scenario/1.0\" name=\"t\">\n";

    private String first(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        LoadResult r = Scenarios.load(f);
        assertFalse(r.ok());
        return r.firstProblem();
    }

    @Test
    void invalidUtf8NamesNoExceptionClass() throws IOException {
        byte[] text = (HEAD + "  <kernel/>\n  <addressSpace>\n    <vmas name=\"b\u00e9\"/>\n  </addressSpace>\n</pinscope:Scenario>\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == (byte) 0xC3) {
                text[i + 1] = 'x'; // a lead byte without its continuation byte
            }
        }
        String m = first("utf8.pinscope", text);
        assertFalse(JAVA.matcher(m).find(), m);
        assertTrue(m.contains("utf8.pinscope:5:") && m.contains("UTF-8"), m);
    }

    @Test
    void aReferenceToTheWrongKindOfElementNamesTheElementNotAnObjectDump() throws IOException {
        String m = first("kind.pinscope", (HEAD + "  <kernel/>\n  <addressSpace/>\n"
                + "  <actors xsi:type=\"pinscope:Zapper\" name=\"reset\"/>\n"
                + "  <actors xsi:type=\"pinscope:SignalSender\" name=\"kill\" target=\"//@actors.0\"/>\n</pinscope:Scenario>\n")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(JAVA.matcher(m).find(), m);
        assertTrue(m.contains("zapper 'reset'") && m.contains("target"), m);
    }

    @Test
    void libraryTextIsFiltered() {
        assertEquals("Invalid byte 2 of 3-byte UTF-8 sequence.",
                UserText.of("com.sun.org.apache.xerces.internal.impl.io.MalformedByteSequenceException: Invalid byte 2 of 3-byte UTF-8 sequence."));
        assertEquals("'an element' is not a valid target",
                UserText.of("'dev.pinscope.model.scenario.impl.PinnerImpl@302d53ea (name: qemu)' is not a valid target"));
        assertEquals("input/output error", UserText.of(new java.io.IOException()));
        assertFalse(JAVA.matcher(UserText.of(new IllegalStateException(new java.io.CharConversionException()))).find());
    }
}
