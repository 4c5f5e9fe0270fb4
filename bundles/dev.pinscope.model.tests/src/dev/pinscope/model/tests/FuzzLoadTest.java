package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.FileDiagnostic;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.tests.Mutator.Category;
import dev.pinscope.model.validation.ScenarioValidator;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Issue 12, point 8: a seeded generator derives {@value #PER_CATEGORY} mutated files per category
 * (12 categories, over 1,000 files) from the shipped examples, and each is loaded in-process. Each
 * must either load and get a validator verdict, or fail with one line naming the file and a line;
 * no exception escapes, nothing is contacted (a local server counts connections) and no file but
 * itself is read (JFR's file-read events, per loading thread), and each takes under 2 s. The
 * figures (files per category, verdicts, slowest file) go to stdout and
 * {@code target/fuzz-figures.txt}. {@code -Dpinscope.fuzz.seed=N} replays another run.
 */
class FuzzLoadTest {

    static final int PER_CATEGORY = 90;
    private static final long LIMIT_MS = 2000;
    /** What must never reach a user: Java class names, exception names, object dumps. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|\\b[A-Z]\\w*(Exception|Error)\\b|\\w@[0-9a-f]{5,}\\b|\\bImpl\\b");

    @TempDir
    Path dir;

    private record Outcome(LoadResult load, Diagnostic validation, Throwable escaped, long nanos) {
    }

    @Test
    void hostileFilesLoadOrFailCleanly() throws Exception {
        long seed = Long.getLong("pinscope.fuzz.seed", 20261201L);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> sources = new ArrayList<>();
        for (Examples.Example e : Examples.list()) {
            try (InputStream in = Examples.class.getClassLoader().getResource("examples/" + e.fileName()).openStream()) {
                sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(sources.size() >= 10, "shipped examples: " + sources.size());

        Path fifo = dir.resolve("pipe.pinscope");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");

        AtomicInteger connections = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Map<Category, int[]> verdicts = new EnumMap<>(Category.class); // [valid, invalid, refused]
        Map<String, Path> fileOfThread = new HashMap<>();
        String slowest = "";
        long slowestNanos = 0;
        long started = System.nanoTime();
        Path jfr = dir.resolve("fuzz.jfr");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Recording recording = new Recording()) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(server.accept()); // and never answer
                        connections.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            recording.enable("jdk.FileRead").withThreshold(Duration.ZERO).withoutStackTrace();
            recording.start();
            Mutator mutator = new Mutator(rnd, "http://127.0.0.1:" + server.getLocalPort() + "/", fifo.toUri().toString());
            int n = 0;
            for (Category c : Category.values()) {
                for (int i = 0; i < PER_CATEGORY; i++, n++) {
                    Path f = dir.resolve(String.format("fuzz-%04d-%s.pinscope", n, c.name().toLowerCase()));
                    Files.write(f, mutator.mutate(c, sources.get(rnd.nextInt(sources.size()))));
                    Outcome[] out = new Outcome[1];
                    String threadName = "fuzz-load-" + n;
                    fileOfThread.put(threadName, f);
                    Thread t = Thread.ofPlatform().daemon().name(threadName).start(() -> out[0] = loadAndValidate(f));
                    t.join(LIMIT_MS);
                    if (t.isAlive() || out[0] == null) {
                        failures.add(f.getFileName() + ": not done in " + LIMIT_MS + " ms");
                        continue;
                    }
                    Outcome o = out[0];
                    if (o.nanos() > slowestNanos) {
                        slowestNanos = o.nanos();
                        slowest = f.getFileName().toString();
                    }
                    int[] v = verdicts.computeIfAbsent(c, k -> new int[3]);
                    check(f, o, failures, v);
                }
            }
            recording.stop();
            recording.dump(jfr);
            server.close();
            acceptor.join(2000);
        }
        // no file but itself: JFR saw every read, attributed to the thread that loaded one file
        java.util.Set<Path> readItself = new java.util.HashSet<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String thread = e.getThread("eventThread") == null ? "" : e.getThread("eventThread").getJavaName();
            Path own = fileOfThread.get(thread);
            String path = e.getString("path");
            if (own != null && path != null && !Path.of(path).equals(own) && !path.endsWith(".jar") && !path.endsWith(".class")) {
                failures.add(own.getFileName() + ": read " + path);
            }
            if (own != null && path != null && Path.of(path).equals(own)) {
                readItself.add(own);
            }
        }
        // the check above is only worth something if JFR recorded the reads at all
        assertEquals(fileOfThread.size(), readItself.size(), "files whose own read JFR recorded");
        long total = (System.nanoTime() - started) / 1_000_000;
        String figures = figures(seed, verdicts, slowest, slowestNanos, total, connections.get());
        System.out.println(figures);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fuzz-figures.txt"), figures);
        }
        assertEquals(0, connections.get(), "connection attempts while loading");
        assertTrue(failures.isEmpty(), () -> failures.size() + " files misbehaved (seed " + seed + "):\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    private static Outcome loadAndValidate(Path f) {
        long t0 = System.nanoTime();
        try {
            LoadResult r = Scenarios.load(f);
            Diagnostic v = r.ok() ? ScenarioValidator.validate(r.scenario()) : null;
            return new Outcome(r, v, null, System.nanoTime() - t0);
        } catch (Throwable e) {
            return new Outcome(null, null, e, System.nanoTime() - t0);
        }
    }

    private static void check(Path f, Outcome o, List<String> failures, int[] verdict) {
        String name = f.getFileName().toString();
        if (o.escaped() != null) {
            failures.add(name + ": " + o.escaped() + " escaped");
            return;
        }
        if (o.load().ok()) {
            verdict[o.validation().getSeverity() < Diagnostic.ERROR ? 0 : 1]++;
            for (Diagnostic d : o.validation().getChildren()) {
                javaNames(name, d.getMessage(), failures);
            }
            return;
        }
        verdict[2]++;
        List<FileDiagnostic> problems = o.load().problems();
        if (problems.isEmpty()) {
            failures.add(name + ": refused without a problem");
            return;
        }
        FileDiagnostic first = problems.get(0);
        String line = first.toString();
        if (line.contains("\n") || line.contains("\r")) {
            failures.add(name + ": more than one line: " + line);
        }
        if (!line.startsWith(f.toString() + ":") || first.getLine() < 1) {
            failures.add(name + ": does not name the file and a line: " + line);
        }
        for (FileDiagnostic p : problems) {
            javaNames(name, p.getMessage(), failures);
        }
    }

    /** Quoted text ('...') is the file's own content and may look like anything. */
    private static void javaNames(String name, String message, List<String> failures) {
        String unquoted = message.replaceAll("'[^']*'", "''");
        if (JAVA_NAME.matcher(unquoted).find()) {
            failures.add(name + ": Java name in the message: " + message);
        }
    }

    private static String figures(long seed, Map<Category, int[]> verdicts, String slowest, long slowestNanos, long totalMs, int connections) {
        StringBuilder sb = new StringBuilder("Fuzz run, seed " + seed + "\n");
        sb.append(String.format("%-20s %6s %6s %8s %8s%n", "category", "files", "valid", "invalid", "refused"));
        int[] sum = new int[3];
        for (Map.Entry<Category, int[]> e : verdicts.entrySet()) {
            int[] v = e.getValue();
            sb.append(String.format("%-20s %6d %6d %8d %8d%n", e.getKey().name().toLowerCase(), v[0] + v[1] + v[2], v[0], v[1], v[2]));
            for (int i = 0; i < 3; i++) {
                sum[i] += v[i];
            }
        }
        sb.append(String.format("%-20s %6d %6d %8d %8d%n", "total", sum[0] + sum[1] + sum[2], sum[0], sum[1], sum[2]));
        sb.append(String.format("slowest file: %s, %.1f ms; whole run %d ms; connection attempts %d%n", slowest, slowestNanos / 1e6, totalMs,
                connections));
        return sb.toString();
    }
}
