package dev.pinscope.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The running machine: its processes, their smaps, its host name. Every failure becomes an
 * {@link ImportException} that says why in one line (the process is gone, permissions, a kernel thread).
 */
public final class ProcFs {

    /** A process as {@code ps} would list it. */
    public record ProcessInfo(long pid, String command, String cmdline) {
    }

    /** How a file of the process is read whole: {@link Files#readAllBytes} outside tests. */
    interface Reader {
        byte[] readAll(Path file) throws IOException;
    }

    private final Path proc;

    private final Reader reader;

    public ProcFs() {
        this(Path.of("/proc"));
    }

    ProcFs(Path proc) {
        this(proc, Files::readAllBytes);
    }

    /** A stand-in /proc whose smaps reads come from {@code reader} (tests: a read racing with mmap). */
    ProcFs(Path proc, Reader reader) {
        this.proc = proc;
        this.reader = reader;
    }

    /** The processes with a user address space (kernel threads have an empty cmdline and smaps), by pid. */
    public List<ProcessInfo> processes() {
        List<ProcessInfo> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("[0-9]+"))) {
            for (Path p : ds) {
                long pid = Long.parseLong(p.getFileName().toString());
                try {
                    String cmdline = Files.readString(p.resolve("cmdline"), StandardCharsets.UTF_8).replace('\0', ' ').strip();
                    if (cmdline.isEmpty()) {
                        continue; // a kernel thread or a zombie: no address space to import
                    }
                    String comm = Files.readString(p.resolve("comm"), StandardCharsets.UTF_8).strip();
                    out.add(new ProcessInfo(pid, comm, cmdline));
                } catch (IOException e) {
                    // exited while we listed it, or hidden (hidepid): not listed
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparingLong(ProcessInfo::pid));
        return out;
    }

    /** The path of a process's smaps. */
    public Path smapsOf(long pid) {
        return proc.resolve(Long.toString(pid)).resolve("smaps");
    }

    /**
     * Reads and parses {@code /proc/PID/smaps} in one go (the kernel's consistency guarantee is per read
     * call; reading it whole first keeps the parse from racing with the process).
     *
     * @throws ImportException the process does not exist or exited, smaps is not readable (and why), the
     *                         process has no address space, or a line does not parse
     */
    public Smaps readSmaps(long pid) throws ImportException {
        return readLive(pid, "smaps", text -> {
            try {
                return Smaps.parse(new BufferedReader(new StringReader(text)), smapsOf(pid).toString());
            } catch (IOException e) {
                throw new IllegalStateException(e); // a StringReader does not fail
            }
        });
    }

    /**
     * Reads and parses {@code /proc/PID/numa_maps}. Note that reading it walks the process's page tables
     * (the walk of the reported race): done only when the user asks for a walker suggestion.
     *
     * @throws ImportException as {@link #readSmaps}, and when the kernel has no numa_maps (CONFIG_NUMA off)
     */
    public NumaMaps readNumaMaps(long pid) throws ImportException {
        Path file = proc.resolve(Long.toString(pid)).resolve("numa_maps");
        if (Files.isDirectory(proc.resolve(Long.toString(pid))) && !Files.exists(file)) {
            throw new ImportException("this kernel has no " + file + " (it is built without CONFIG_NUMA)");
        }
        return readLive(pid, "numa_maps", text -> NumaMaps.parse(text, file.toString()));
    }

    private interface Parser<T> {
        T parse(String text) throws ImportException;
    }

    /** Reads {@code /proc/PID/NAME} whole and parses it, again while it comes out out of order. */
    private <T> T readLive(long pid, String name, Parser<T> parser) throws ImportException {
        ImportException last = null;
        for (int attempt = 0; attempt < LIVE_READ_ATTEMPTS; attempt++) {
            try {
                return parser.parse(readText(pid, name));
            } catch (ImportException e) {
                if (!e.outOfOrder()) {
                    throw e;
                }
                last = e; // the process mapped or unmapped while the kernel produced the file: read it again
                try {
                    Thread.sleep(10L * (attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new ImportException("process " + pid + " (" + command(pid) + ") kept changing its mappings while its " + name
                + " was read (" + LIVE_READ_ATTEMPTS + " tries; the last read said: " + last.getMessage() + ")", last.line(), true);
    }

    /** How often a live smaps that came out inconsistent is read again before giving up. */
    static final int LIVE_READ_ATTEMPTS = 10;

    private String readText(long pid, String name) throws ImportException {
        Path file = proc.resolve(Long.toString(pid)).resolve(name);
        String text;
        try {
            // paths are bytes: a name that is not UTF-8 is kept with replacement characters, not refused
            text = new String(reader.readAll(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ImportException("process " + pid + " does not exist (it has exited, or the pid is wrong)");
        } catch (AccessDeniedException e) {
            throw new ImportException("cannot read " + file + ": permission denied; reading a process's " + name + " needs "
                    + "ptrace access to it (run as its user, or as root with CAP_SYS_PTRACE)");
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + why(e));
        }
        if (text.isEmpty()) {
            if (!Files.exists(proc.resolve(Long.toString(pid)))) {
                throw new ImportException("process " + pid + " exited while its " + name + " was read");
            }
            throw new ImportException("process " + pid + " (" + command(pid) + ") has no user address space (a kernel thread or a zombie)");
        }
        return text;
    }

    /** The process's {@code comm}, or "?" when it cannot be read. */
    public String command(long pid) {
        try {
            return Files.readString(proc.resolve(Long.toString(pid)).resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** This machine's host name, as {@code uname -n} prints it. */
    public static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    /** Why an I/O operation failed, in words: "no such file", "permission denied", the OS message. */
    public static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
