package dev.pinscope.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * Real data, no mock: this machine's live processes imported through {@link ProcFs} and compared with
 * what {@code /proc/PID/maps} lists at that moment. maps is read before and after the import and the
 * comparison only counts when both reads agree (a process may map or unmap in between; then it is tried
 * again).
 */
class LiveProcTest {

    /** A maps line as the test reads it itself (not through the importer's parser): range and perms. */
    record Listed(long start, long end, String perms) {
    }

    static List<Listed> listed(String mapsText) {
        List<Listed> out = new ArrayList<>();
        for (String line : mapsText.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] col = line.split("\\s+");
            String[] range = col[0].split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            // the importer leaves out what no user VMA can be ([vsyscall] above TASK_SIZE)
            if (Long.compareUnsigned(end, ScenarioValidator.TASK_SIZE_5LEVEL) <= 0) {
                out.add(new Listed(start, end, col[1]));
            }
        }
        return out;
    }

    static void assertSameVmas(List<Listed> maps, Scenario s, String what) {
        List<Vma> vmas = s.getAddressSpace().getVmas();
        assertEquals(maps.size(), vmas.size(), what + ": one VMA per maps line");
        for (int i = 0; i < maps.size(); i++) {
            Listed m = maps.get(i);
            Vma v = vmas.get(i);
            String at = what + " VMA " + i + " " + v.getName();
            assertEquals(m.start(), v.getStart(), at + " start");
            assertEquals(m.end(), v.getEnd(), at + " end");
            assertEquals(m.perms().charAt(0) == 'r', v.getFlags().contains(VmFlag.VM_READ), at + " r / VM_READ");
            assertEquals(m.perms().charAt(1) == 'w', v.getFlags().contains(VmFlag.VM_WRITE), at + " w / VM_WRITE");
            if (m.perms().charAt(3) == 'p') {
                assertFalse(v.getFlags().contains(VmFlag.VM_SHARED), at + " p: not VM_SHARED");
            }
        }
    }

    static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /**
     * Imports {@code pid} through the importer's own reading of /proc, bracketed by two reads of its maps.
     * Returns false when the process changed its mappings meanwhile every time it was tried.
     */
    static boolean importMatchesMaps(long pid) throws Exception {
        ProcFs proc = new ProcFs();
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        for (int attempt = 0; attempt < 20; attempt++) {
            String before = read(maps);
            Smaps smaps;
            try {
                smaps = proc.readSmaps(pid);
            } catch (ImportException e) {
                if (!e.outOfOrder()) {
                    throw e;
                }
                continue; // it mapped and unmapped through every one of the importer's own tries
            }
            String after = read(maps);
            if (!before.equals(after)) {
                Thread.sleep(50);
                continue;
            }
            ImportPlan plan = ImportPlan.propose(smaps, List.of(),
                    ImportPlan.Provenance.ofPid(pid, proc.command(pid), proc.smapsOf(pid).toString()));
            Scenario s = ScenarioImporter.build(plan).scenario();
            assertSameVmas(listed(before), s, "pid " + pid + " (" + proc.command(pid) + ")");
            assertTrue(s.getDescription().contains("(pid " + pid + ", " + proc.command(pid) + ") on host " + ProcFs.hostName()),
                    s.getDescription());
            return true;
        }
        return false;
    }

    /**
     * /proc/self: a shell opens its own maps, smaps and maps again (self is resolved at open time, so all
     * three are the shell's) and lets cat copy them while it waits; the maps copies bracket the smaps.
     */
    @Test
    void procSelfOfAShell(@TempDir Path dir) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            Process sh = new ProcessBuilder("sh", "-c",
                    "exec 3</proc/self/maps 4</proc/self/smaps 5</proc/self/maps; cat <&3 >maps1; cat <&4 >smaps; cat <&5 >maps2")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, sh.exitValue(), new String(sh.getInputStream().readAllBytes()));
            String maps = read(dir.resolve("maps1"));
            if (!maps.equals(read(dir.resolve("maps2")))) {
                continue;
            }
            Smaps smaps = Smaps.read(dir.resolve("smaps"));
            ScenarioImporter.ImportResult r = ScenarioImporter.build(
                    ImportPlan.propose(smaps, List.of(), ImportPlan.Provenance.ofFile(dir.resolve("smaps").toString())));
            assertSameVmas(listed(maps), r.scenario(), "/proc/self of sh");
            assertTrue(maps.contains("[stack]"));
            assertTrue(r.scenario().getAddressSpace().getVmas().stream().anyMatch(v -> v.getName().equals("[stack]")));
            assertTrue(ScenarioValidator.validate(r.scenario()).getSeverity() < org.eclipse.emf.common.util.Diagnostic.ERROR,
                    () -> ScenarioValidator.validate(r.scenario()).getChildren().toString());
            return;
        }
        fail("the shell's maps changed under every one of 5 attempts");
    }

    /** Two children that sit still (sleep, cat on an open pipe), this JVM itself and its parent (the build). */
    @Test
    void liveProcessesImportAsTheirMapsListThem() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        Process cat = new ProcessBuilder("cat").start();
        try {
            assertTrue(importMatchesMaps(sleep.pid()), "sleep kept changing its mappings");
            assertTrue(importMatchesMaps(cat.pid()), "cat kept changing its mappings");
            assertTrue(importMatchesMaps(ProcessHandle.current().pid()), "this JVM kept changing its mappings");
            List<ProcFs.ProcessInfo> listed = new ProcFs().processes();
            assertTrue(listed.stream().anyMatch(p -> p.pid() == sleep.pid() && p.command().equals("sleep")
                    && p.cmdline().equals("sleep 600")), listed.toString());
            long parent = ProcessHandle.current().parent().orElseThrow().pid();
            assertTrue(importMatchesMaps(parent), "pid " + parent + " kept changing its mappings");
        } finally {
            sleep.destroy();
            cat.destroy();
        }
    }

    @Test
    void aProcessThatIsGoneSaysSo() throws Exception {
        Process done = new ProcessBuilder("true").start();
        assertTrue(done.waitFor(30, TimeUnit.SECONDS));
        long pid = done.pid();
        ImportException e = assertThrows(ImportException.class, () -> new ProcFs().readSmaps(pid));
        assertEquals("process " + pid + " does not exist (it has exited, or the pid is wrong)", e.getMessage());
    }

    /**
     * Whether another process's smaps may be read is the kernel's ptrace check (PTRACE_MODE_READ), not
     * the file mode: on this machine even root may not read init's (pid 1 runs with capabilities the
     * build lacks). Both outcomes are checked against what a plain read of its maps says.
     */
    @Test
    void anUnreadableProcessSaysWhy() throws Exception {
        boolean readable;
        try {
            read(Path.of("/proc/1/maps"));
            readable = true;
        } catch (java.nio.file.AccessDeniedException e) {
            readable = false;
        }
        if (readable) {
            assertFalse(new ProcFs().readSmaps(1).vmas().isEmpty());
        } else {
            ImportException e = assertThrows(ImportException.class, () -> new ProcFs().readSmaps(1));
            assertEquals("cannot read /proc/1/smaps: permission denied; reading a process's smaps needs ptrace "
                    + "access to it (run as its user, or as root with CAP_SYS_PTRACE)", e.getMessage());
        }
    }

    @Test
    void aKernelThreadHasNoAddressSpace() throws Exception {
        long kthread = -1;
        try (var ds = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path p : ds) {
                try {
                    if (read(p.resolve("status")).contains("\nPPid:\t2\n") || p.getFileName().toString().equals("2")) {
                        kthread = Long.parseLong(p.getFileName().toString());
                        break;
                    }
                } catch (IOException gone) {
                    // exited while listed
                }
            }
        }
        assertTrue(kthread > 0, "no kernel thread in /proc");
        long pid = kthread;
        ImportException e = assertThrows(ImportException.class, () -> new ProcFs().readSmaps(pid));
        assertTrue(e.getMessage().endsWith("has no user address space (a kernel thread or a zombie)"), e.getMessage());
    }

    static final String ORDERED = "00400000-0048a000 r-xp 00000000 fd:03 960637 /bin/bash\n"
            + "0068a000-0068b000 rw-p 0008a000 fd:03 960637 /bin/bash\n";

    /** What a read racing with munmap/mmap can produce: the kernel restarts at a VMA it already listed. */
    static final String RACED = ORDERED + "00400000-0048a000 r-xp 00000000 fd:03 960637 /bin/bash\n";

    /**
     * A process whose smaps comes out inconsistent on the first read and consistent on the second (what a
     * read racing with mmap/munmap looks like): the import is the second read, with no error.
     */
    @Test
    void aReadThatRacedWithTheProcessIsReadAgain(@TempDir Path dir) throws Exception {
        Path pidDir = Files.createDirectories(dir.resolve("4242"));
        Files.writeString(pidDir.resolve("comm"), "qemu\n");
        java.util.Deque<String> served = new java.util.ArrayDeque<>(List.of(RACED, ORDERED));
        List<Path> opened = new ArrayList<>();
        ProcFs proc = new ProcFs(dir, file -> {
            opened.add(file);
            return served.removeFirst().getBytes(StandardCharsets.UTF_8);
        });
        Smaps smaps = proc.readSmaps(4242);
        assertEquals(List.of(pidDir.resolve("smaps"), pidDir.resolve("smaps")), opened, "read twice");
        assertEquals(2, smaps.vmas().size(), "the second, consistent read is the one imported");
        assertEquals(0x68a000L, smaps.vmas().get(1).maps().start());
    }

    /** Inconsistent on every read: after the retries it says so, naming the process and the last bad line. */
    @Test
    void aProcessThatNeverReadsConsistentlySaysSo(@TempDir Path dir) throws Exception {
        Path pidDir = Files.createDirectories(dir.resolve("4243"));
        Files.writeString(pidDir.resolve("comm"), "qemu\n");
        Files.writeString(pidDir.resolve("smaps"), RACED);
        ImportException e = assertThrows(ImportException.class, () -> new ProcFs(dir).readSmaps(4243));
        assertTrue(e.getMessage().startsWith("process 4243 (qemu) kept changing its mappings while its smaps was read ("
                + ProcFs.LIVE_READ_ATTEMPTS + " tries; the last read said: "), e.getMessage());
        assertTrue(e.getMessage().contains(":3: '00400000-0048a000 r-xp 00000000 fd:03 960637 /bin/bash' overlaps or precedes"),
                e.getMessage());
        assertEquals(3, e.line());
        assertTrue(e.outOfOrder(), "a caller can tell a moving process from a damaged file");
        // the same text as a saved file is damage, reported once, not retried
        ImportException saved = assertThrows(ImportException.class, () -> Smaps.read(pidDir.resolve("smaps")));
        assertTrue(saved.getMessage().startsWith(pidDir.resolve("smaps") + ":3: "), saved.getMessage());
    }
}
