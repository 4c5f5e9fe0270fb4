package dev.pinscope.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved /proc text from a bug report that is not what it claims: every case is an {@link ImportException} whose
 * message names the file (and line) and says what is wrong, never another exception, a hang or the whole heap.
 */
class HostileProcTextTest {

    private static final String VMA = "7f0000000000-7f0040000000 rw-s 00000000 00:0e 1234 anon_inode:[vfio-device]\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String message(Executable e) {
        ImportException x = assertThrows(ImportException.class, e::run);
        assertFalse(x.getMessage().contains("\n"), x.getMessage());
        assertFalse(x.getMessage().matches("(?s).*(Exception|\\bat (java|dev)\\.).*"), x.getMessage());
        return x.getMessage();
    }

    interface Executable {
        void run() throws Exception;
    }

    @Test
    void aSizeOfNineteenDigitsIsAnErrorOnItsLineNotAnInternalError() {
        String m = message(() -> Smaps.parse(VMA + "Size:           1048576 kB\nRss:            9999999999999999999 kB\n", "s"));
        assertEquals("s:3: 'Rss:            9999999999999999999 kB': 9999999999999999999 kB is more than a 64-bit address space holds", m);
    }

    @Test
    void binaryDataIsNamedAndNotQuotedBack() throws IOException {
        byte[] b = (VMA + "Size: 1048576 kB\n\u0000\u0007garbage\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(dir.resolve("x.smaps") + ":3: the file contains binary data (a NUL byte); it is not smaps or maps text",
                message(() -> Smaps.read(write("x.smaps", b))));
        // control characters without a NUL are shown as '?', so the message does not garble a terminal
        String m = message(() -> Smaps.parse("\u001b[2J\u0007 not maps\n", "t"));
        assertTrue(m.startsWith("t:1: cannot parse '?[2J? not maps'"), m);
    }

    @Test
    void aNamedPipeOrAFolderIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("pipe.smaps");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        // no writer ever opens the pipe: reading it would block forever (the timeout is only a safety net)
        assertEquals(fifo + " is not a regular file (a named pipe, device or socket); save the smaps or maps text to a file first",
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> message(() -> Smaps.read(fifo))));
        assertTrue(message(() -> NumaMaps.read(fifo)).contains("not a regular file"));
        assertTrue(message(() -> PciResource.read("0000:01:00.0", fifo)).contains("not a regular file"));
        Path folder = Files.createDirectories(dir.resolve("saved.smaps"));
        assertEquals(folder + " is a folder, not a saved smaps or maps file", message(() -> Smaps.read(folder)));
    }

    @Test
    void moreMappingsThanAProcessCanHaveStopTheParse() {
        StringBuilder b = new StringBuilder();
        for (long i = 0; i <= Smaps.MAX_VMAS; i++) {
            long a = 0x10000 + i * 0x2000;
            b.append(Long.toHexString(a)).append('-').append(Long.toHexString(a + 0x1000)).append(" r--p 00000000 00:00 0\n");
        }
        String m = message(() -> Smaps.parse(b.toString(), "big"));
        assertEquals("big:" + (Smaps.MAX_VMAS + 1) + ": more than 65536 mappings, above vm.max_map_count's default of 65530; "
                + "import a copy cut down to the mappings around the BAR mmaps", m);
    }

    @Test
    void aFileLargerThanAnyProcesssSmapsIsNotRead() throws IOException {
        Path big = dir.resolve("big.smaps");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), SavedText.MAX_BYTES); // sparse: no disk used
        }
        assertEquals(big + " is larger than 128 MB, more than the smaps or maps of any one process; it is not a saved smaps or maps file",
                message(() -> Smaps.read(big)));
    }

    @Test
    void numaMapsSavedWithWindowsLineEndsParses() throws Exception {
        NumaMaps n = NumaMaps.parse("7f0000000000 default file=/dev/vfio/devices/vfio0 mapped=1\r\n", "nm");
        assertEquals(1, n.lines().size());
        assertEquals(java.util.List.of("file=/dev/vfio/devices/vfio0", "mapped=1"), n.lines().get(0).words());
    }
}
