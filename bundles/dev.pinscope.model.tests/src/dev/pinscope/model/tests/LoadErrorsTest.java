package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.FileDiagnostic;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/** Every kind of bad file gives a diagnostic with the file (and line/column where known), never an exception. */
class LoadErrorsTest {

    @TempDir
    Path dir;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<pinscope:Scenario xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:pinscope=\"http://pinscope.dev/scenario/1.0\" name=\"t\">\n";

    private LoadResult loadText(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return Scenarios.load(f);
    }

    private static FileDiagnostic assertFails(LoadResult r, String fileName, String messagePart) {
        assertFalse(r.ok());
        assertNull(r.scenario());
        assertEquals(Diagnostic.ERROR, r.diagnostic().getSeverity());
        assertFalse(r.problems().isEmpty());
        FileDiagnostic d = r.problems().get(0);
        assertTrue(d.getFile().endsWith(fileName), d.getFile());
        assertTrue(d.getMessage().contains(messagePart), () -> "expected '" + messagePart + "' in: " + d);
        assertTrue(d.toString().startsWith(d.getFile()), d.toString());
        return d;
    }

    @Test
    void validFileLoads() throws IOException {
        LoadResult r = loadText("ok.pinscope", HEAD + "  <kernel/>\n  <addressSpace/>\n</pinscope:Scenario>\n");
        assertTrue(r.ok(), r::firstProblem);
        assertEquals("t", r.scenario().getName());
        assertEquals(1, r.scenario().getFormatVersion());
    }

    @Test
    void malformedXml() throws IOException {
        FileDiagnostic d = assertFails(loadText("bad.pinscope", HEAD + "  <kernel>\n</pinscope:Scenario>\n"), "bad.pinscope", "malformed XML");
        assertEquals(4, d.getLine());
        assertTrue(d.getColumn() > 0);
    }

    @Test
    void unknownClass() throws IOException {
        FileDiagnostic d = assertFails(loadText("cls.pinscope", HEAD + "  <actors xsi:type=\"pinscope:Teleporter\" name=\"x\"/>\n</pinscope:Scenario>\n"),
                "cls.pinscope", "Teleporter");
        assertEquals(3, d.getLine());
        assertTrue(d.getMessage().contains("not a scenario model class"), d.getMessage());
    }

    @Test
    void unknownAttribute() throws IOException {
        FileDiagnostic d = assertFails(loadText("attr.pinscope", HEAD + "  <kernel warpSpeed=\"9\"/>\n</pinscope:Scenario>\n"),
                "attr.pinscope", "'warpSpeed' is not an attribute or element of KernelConfig");
        assertEquals(3, d.getLine());
    }

    @Test
    void danglingReference() throws IOException {
        FileDiagnostic d = assertFails(loadText("ref.pinscope", HEAD
                + "  <addressSpace>\n    <vmas name=\"bar0\" start=\"4096\" end=\"8192\" bar=\"//@devices.0/@bars.3\"/>\n  </addressSpace>\n"
                + "</pinscope:Scenario>\n"), "ref.pinscope", "//@devices.0/@bars.3");
        assertTrue(d.getLine() >= 4, d.toString());
    }

    @Test
    void wrongValueType() throws IOException {
        FileDiagnostic d = assertFails(loadText("banana.pinscope", HEAD
                + "  <addressSpace>\n    <vmas name=\"bar0\" start=\"banana\" end=\"8192\"/>\n  </addressSpace>\n</pinscope:Scenario>\n"),
                "banana.pinscope", "'banana' is not a valid start of Vma");
        assertEquals(4, d.getLine());
    }

    @Test
    void emptyEnumValue() throws IOException {
        // an empty enum attribute is no literal: it must not load as the default
        FileDiagnostic d = assertFails(loadText("enum.pinscope", HEAD.replace("name=\"t\"", "name=\"t\" policy=\"\"")
                + "  <kernel/>\n  <addressSpace/>\n</pinscope:Scenario>\n"), "enum.pinscope", "is not a valid policy of Scenario");
        assertEquals(2, d.getLine());
        assertTrue(d.getMessage().contains("PATCH_V1"), d.getMessage());
        assertFails(loadText("level.pinscope", HEAD + "  <kernel/>\n  <addressSpace>\n    <entries vaddr=\"0\" level=\"\" pfn=\"0\"/>\n"
                + "  </addressSpace>\n</pinscope:Scenario>\n"), "level.pinscope", "is not a valid level of PageTableEntry");
        assertFails(loadText("flags.pinscope", HEAD + "  <kernel/>\n  <addressSpace>\n"
                + "    <vmas name=\"v\" start=\"65536\" end=\"69632\" flags=\"VM_READ VM_BOGUS\"/>\n  </addressSpace>\n</pinscope:Scenario>\n"),
                "flags.pinscope", "VM_BOGUS");
    }

    @Test
    void emptyFile() throws IOException {
        assertFails(loadText("empty.pinscope", ""), "empty.pinscope", "empty");
        assertFails(loadText("blank.pinscope", "  \n\n"), "blank.pinscope", "empty");
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path f = dir.resolve("junk.pinscope");
        Files.write(f, junk);
        assertFails(Scenarios.load(f), "junk.pinscope", "");
        // garbage without NUL bytes goes through the XML parser and is reported as malformed XML
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) ('!' + Math.floorMod(junk[i], 90));
        }
        Files.write(f, junk);
        assertFails(Scenarios.load(f), "junk.pinscope", "malformed XML");
    }

    @Test
    void fiftyMegabyteFile() throws IOException {
        Path f = dir.resolve("huge.pinscope");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(HEAD.getBytes(StandardCharsets.UTF_8));
            byte[] comment = ("<!-- " + "x".repeat(1 << 20) + " -->\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(comment);
            }
            out.write("</pinscope:Scenario>\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(f) > 50_000_000L);
        assertFails(Scenarios.load(f), "huge.pinscope", "larger than the 32M limit");
    }

    @Test
    void newerFormatVersion() throws IOException {
        assertFails(loadText("v2.pinscope", HEAD.replace("name=\"t\"", "name=\"t\" formatVersion=\"2\"")
                + "  <kernel/>\n  <addressSpace/>\n</pinscope:Scenario>\n"), "v2.pinscope", "format version 2, newer than version 1");
        // a newer file typically also has elements this version does not know: the version is still reported first
        assertFails(loadText("v2b.pinscope", HEAD.replace("name=\"t\"", "name=\"t\" formatVersion=\"2\"")
                + "  <kernel quantumTunnelling=\"true\"/>\n</pinscope:Scenario>\n"), "v2b.pinscope", "format version 2");
        // a newer namespace version
        assertFails(loadText("ns2.pinscope", HEAD.replace("scenario/1.0", "scenario/2.0") + "</pinscope:Scenario>\n"),
                "ns2.pinscope", "scenario format 2.0, newer than format 1.0");
    }

    @Test
    void otherProblemsGiveDiagnosticsToo() throws IOException {
        assertFails(Scenarios.load(dir.resolve("missing.pinscope")), "missing.pinscope", "does not exist");
        assertFails(Scenarios.load(dir), dir.getFileName().toString(), "folder");
        assertFails(loadText("other.pinscope", "<?xml version=\"1.0\"?>\n<html><body/></html>\n"), "other.pinscope", "");
        assertFails(loadText("doctype.pinscope", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>\n"
                + HEAD.substring(HEAD.indexOf('\n') + 1) + "</pinscope:Scenario>\n"), "doctype.pinscope", "may not declare a DTD or entities");
    }
}
