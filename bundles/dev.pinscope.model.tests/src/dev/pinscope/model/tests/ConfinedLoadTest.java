package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.FileDiagnostic;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/**
 * Loading a scenario never leaves the file (issue 12, point 1): references into other documents and
 * foreign namespaces are load errors at their line and column, and nothing they name is contacted
 * or opened — a local server counts connection attempts, a named pipe would block a read.
 */
class ConfinedLoadTest {

    @TempDir
    Path dir;

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<pinscope:Scenario xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\"\n"
            + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:pinscope=\"http://pinscope.dev/scenario/1.0\" name=\"t\">\n"
            + "  <kernel/>\n";
    private static final String DEVICE = "  <devices name=\"0000:01:00.0\">\n"
            + "    <bars index=\"0\" physicalAddress=\"240518168576\" size=\"4294967296\"/>\n"
            + "  </devices>\n";

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // accept and never answer: a loader that connects would hang on the read, and is counted
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(server.accept());
                    connections.incrementAndGet();
                }
            } catch (IOException closed) {
                held.forEach(s -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // closing a test socket
                    }
                });
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    private String http(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    private LoadResult load(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Scenarios.load(f), name + " did not load in 10 s");
    }

    private static FileDiagnostic refused(LoadResult r, int line, String uriPart) {
        assertFalse(r.ok(), "loaded although it refers outside the file");
        assertNull(r.scenario());
        FileDiagnostic d = r.problems().get(0);
        assertEquals(line, d.getLine(), d::toString);
        assertTrue(d.getColumn() > 0, d::toString);
        assertTrue(d.getMessage().contains(uriPart), () -> "the message does not name '" + uriPart + "': " + d);
        assertFalse(d.toString().contains("\n"), "one line: " + d);
        return d;
    }

    private static String vmaWithBar(String bar) {
        return "  <addressSpace>\n    <vmas name=\"bar0\" start=\"139637976727552\" end=\"139637976731648\" flags=\"VM_SHARED VM_IO VM_PFNMAP\"\n"
                + "        bar=\"" + bar + "\"/>\n  </addressSpace>\n";
    }

    @Test
    void httpReferenceIsRefusedWithoutAConnection() throws IOException {
        String uri = http("x.pinscope#//@devices.0/@bars.0");
        FileDiagnostic d = refused(load("http.pinscope", HEAD + vmaWithBar(uri) + DEVICE + "</pinscope:Scenario>\n"), 7, uri);
        assertTrue(d.getMessage().contains("another document"), d::toString);
        assertTrue(d.toString().contains("http.pinscope:7:"), d::toString);
        assertFalse(d.getMessage().contains("(file:"), "location said twice: " + d);
        assertEquals(0, connections.get(), "connection attempts");
    }

    @Test
    void unknownNamespaceIsNotFetchedAsAPackage() throws IOException {
        String ns = http("evil.ecore");
        String text = HEAD.replace("name=\"t\">", "xmlns:evil=\"" + ns + "\" name=\"t\">")
                + "  <actors xsi:type=\"evil:Pinner\" name=\"p\"/>\n</pinscope:Scenario>\n";
        refused(load("ns.pinscope", text), 5, ns);
        // the root element in a foreign namespace, and a schemaLocation that names the server
        refused(load("root.pinscope", "<?xml version=\"1.0\"?>\n<evil:Scenario xmlns:evil=\"" + ns + "\"/>\n"), 2, ns);
        String located = HEAD.replace("name=\"t\">", "xmlns:evil=\"" + ns + "\" xsi:schemaLocation=\"" + ns + " " + http("schema.ecore")
                + "\" name=\"t\">") + "  <actors xsi:type=\"evil:Pinner\" name=\"p\"/>\n</pinscope:Scenario>\n";
        refused(load("located.pinscope", located), 5, ns);
        String java = HEAD.replace("name=\"t\">", "xmlns:j=\"java://java.lang.Runtime\" name=\"t\">")
                + "  <actors xsi:type=\"j:Pinner\" name=\"p\"/>\n</pinscope:Scenario>\n";
        refused(load("java.pinscope", java), 5, "java://java.lang.Runtime");
        assertEquals(0, connections.get(), "connection attempts");
    }

    @Test
    void otherFilesArchivesAndDevicesAreNotOpened() throws IOException {
        Path other = dir.resolve("other.pinscope");
        Files.writeString(other, HEAD + DEVICE + "</pinscope:Scenario>\n");
        for (String uri : List.of("file:///etc/passwd#//@devices.0/@bars.0", "/dev/zero#//@devices.0/@bars.0",
                "other.pinscope#//@devices.0/@bars.0", other.toUri() + "#//@devices.0/@bars.0",
                "archive:file:///tmp/x.zip!/x.pinscope#//@devices.0/@bars.0",
                "jar:file:///tmp/x.jar!/x.pinscope#//@devices.0/@bars.0")) {
            refused(load("f.pinscope", HEAD + vmaWithBar(uri) + DEVICE + "</pinscope:Scenario>\n"), 7, uri);
        }
        // href elements and element text go through the same check
        String href = HEAD + "  <addressSpace>\n    <vmas name=\"v\" start=\"65536\" end=\"69632\">\n      <bar href=\"" + http("y.pinscope#//@x")
                + "\"/>\n    </vmas>\n  </addressSpace>\n</pinscope:Scenario>\n";
        refused(load("href.pinscope", href), 7, http("y.pinscope#//@x"));
        assertEquals(0, connections.get(), "connection attempts");
    }

    @Test
    void aReferenceToANamedPipeDoesNotBlock() throws Exception {
        Path fifo = dir.resolve("pipe.pinscope");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        String uri = fifo.toUri() + "#//@devices.0/@bars.0";
        refused(load("pipe-ref.pinscope", HEAD + vmaWithBar(uri) + DEVICE + "</pinscope:Scenario>\n"), 7, uri);
        refused(load("pipe-rel.pinscope", HEAD + vmaWithBar("pipe.pinscope#//@devices.0/@bars.0") + DEVICE + "</pinscope:Scenario>\n"), 7,
                "pipe.pinscope");
        // the pipe itself given as the file to load: refused without reading it
        LoadResult self = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Scenarios.load(fifo), "loading a named pipe blocked");
        assertFalse(self.ok());
        assertTrue(self.firstProblem().contains("not a regular file"), self::firstProblem);
        LoadResult zero = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Scenarios.load(Path.of("/dev/zero")));
        assertTrue(zero.firstProblem().contains("not a regular file"), zero::firstProblem);
    }

    @Test
    void referencesInsideTheFileStillWork() throws IOException {
        Path f = dir.resolve("own.pinscope");
        String text = HEAD + vmaWithBar("//@devices.0/@bars.0").replace("/>\n  </addressSpace>", "/>\n    <vmas name=\"b\" start=\"139637976731648\""
                + " end=\"139637976735744\" flags=\"VM_SHARED VM_IO VM_PFNMAP\" bar=\"own.pinscope#//@devices.0/@bars.0\"/>\n  </addressSpace>")
                + DEVICE + "</pinscope:Scenario>\n";
        Files.writeString(f, text);
        LoadResult r = Scenarios.load(f);
        assertTrue(r.ok(), r::firstProblem);
        var vmas = r.scenario().getAddressSpace().getVmas();
        assertEquals(r.scenario().getDevices().get(0).getBars().get(0), vmas.get(0).getBar());
        assertEquals(r.scenario().getDevices().get(0).getBars().get(0), vmas.get(1).getBar());
    }

    @Test
    void severalTargetsInASingleValuedReference() throws IOException {
        String text = HEAD + "  <addressSpace/>\n  <actors xsi:type=\"pinscope:Pinner\" name=\"a\"/>\n  <actors xsi:type=\"pinscope:Pinner\" name=\"b\"/>\n"
                + "  <schedule>\n    <steps actor=\"//@actors.0 //@actors.1\" count=\"1\"/>\n  </schedule>\n</pinscope:Scenario>\n";
        FileDiagnostic d = refused(load("two.pinscope", text), 9, "//@actors.0 //@actors.1");
        assertTrue(d.getMessage().contains("actor of ScheduleStep refers to one element, but 2 are given"), d::toString);
        // a many-valued reference takes several
        String many = HEAD + "  <addressSpace/>\n  <actors xsi:type=\"pinscope:Pinner\" name=\"a\"/>\n</pinscope:Scenario>\n";
        assertTrue(load("one.pinscope", many).ok());
    }
}
