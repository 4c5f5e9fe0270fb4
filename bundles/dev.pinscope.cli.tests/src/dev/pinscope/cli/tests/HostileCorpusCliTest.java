package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.cli.tests.CliTest.Out;
import dev.pinscope.model.io.FileDiagnostic;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.testsupport.HostileCorpus;
import dev.pinscope.testsupport.HostileCorpus.Case;
import dev.pinscope.testsupport.HostileCorpus.Kind;
import dev.pinscope.testsupport.HostileCorpus.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus ({@link HostileCorpus}: empty, binary, truncated, wrong root and namespace, another EMF model,
 * DOCTYPE/XXE/billion laughs, huge values, deep nesting, duplicates, dangling and foreign references, wrong types,
 * impossible addresses, unknown enum literals, absurd bounds, endless actors, encodings, folders, link loops)
 * through every scenario command of the CLI in-process and through the loader the editor uses.
 *
 * <p>What a user must see: the documented exit code (2 for everything refused, 0/1/3 otherwise, never 70), one
 * stderr line {@code pinscope: FILE…} naming the problem, no Java in any output, nothing contacted on the network
 * (a local server counts connections), {@code /etc/passwd} never shown, and the file byte-for-byte as it was. A
 * command that does not end is a failure too (the join timeout is a safety net only; each ends in milliseconds).
 */
class HostileCorpusCliTest {

    private static final Set<Integer> DOCUMENTED = Set.of(0, 1, 2, 3);
    /** What must never reach a user: a stack frame, an exception's or a Java class's name, an object dump. */
    private static final Pattern JAVA = Pattern.compile("\\bat (dev|org|java|jdk|sun|com)\\.|Exception|Error:|\\tat |"
            + "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|\\w@[0-9a-f]{5,}\\b|Impl\\b");
    private static final List<String> COMMANDS = List.of("validate", "run", "explore", "compare");

    @TempDir
    Path tmp;

    @Test
    void everyHostileFileGivesTheDocumentedExitAndOneLineInEveryCommand() throws Exception {
        String example;
        try (InputStream in = dev.pinscope.model.examples.Examples.class.getClassLoader().getResource("examples/02-numa-maps-split-w1.pinscope").openStream()) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> failures = new ArrayList<>();
        AtomicInteger connections = new AtomicInteger();
        int runs = 0;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(server.accept()); // and never answer: a fetch would hang here
                        connections.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            List<Case> cases = new HostileCorpus(example, "http://127.0.0.1:" + server.getLocalPort() + "/", 20261201L).cases(10);
            for (Case c : cases) {
                if (c.heavy()) {
                    continue;
                }
                Path f = c.write(tmp);
                byte[] before = c.kind() == Kind.FILE ? Files.readAllBytes(f) : null;
                checkLoader(c, f, failures);
                // a refused file fails in the same load in every command: validate, and one other command in turn
                List<String> commands = c.verdict() == Verdict.ENDS ? COMMANDS
                        : List.of("validate", COMMANDS.get(1 + cases.indexOf(c) % 3));
                for (String command : commands) {
                    runs++;
                    Out r = runBounded(command, f.toString());
                    if (r == null) {
                        failures.add(c.name() + " " + command + ": did not end within 60 s");
                        continue;
                    }
                    check(c, command, f, r, failures);
                }
                if (before != null) {
                    assertArrayEquals(before, Files.readAllBytes(f), c.name() + ": the commands changed the file");
                }
            }
            assertTrue(cases.size() >= 150, "the corpus has " + cases.size() + " cases");
        }
        assertEquals(0, connections.get(), "network connections while loading the corpus");
        assertTrue(failures.isEmpty(), failures.size() + " of " + runs + " runs misbehaved:\n" + String.join("\n", failures));
    }

    /** The loader the editor and the launches use: a scenario, or one-line problems naming the file, in the user's terms. */
    private static void checkLoader(Case c, Path f, List<String> failures) {
        if (c.kind() != Kind.FILE && c.verdict() == Verdict.REFUSED && Scenarios.load(f).ok()) {
            failures.add(c.name() + " loader: a " + c.kind() + " loaded as a scenario");
        }
        LoadResult lr = Scenarios.load(f);
        // a file that parses but breaks a rule loads (the editor shows it with its problems); the CLI refuses it
        for (FileDiagnostic d : lr.problems()) {
            String m = d.toString();
            if (!m.contains(f.getFileName().toString()) || JAVA.matcher(m).find() || m.contains("\n") || m.length() > 400) {
                failures.add(c.name() + " loader: " + m);
            }
        }
    }

    private static void check(Case c, String command, Path f, Out r, List<String> failures) {
        String where = c.name() + " " + command + " (exit " + r.code() + "): ";
        String err = r.err().strip();
        String all = r.out() + r.err();
        if (!DOCUMENTED.contains(r.code())) {
            failures.add(where + "undocumented exit code; " + firstLine(err));
        }
        if (c.verdict() == Verdict.REFUSED && r.code() != 2) {
            failures.add(where + "must be refused (exit 2)");
        }
        if (JAVA.matcher(all).find()) {
            failures.add(where + "Java in the output: " + firstLine(JAVA.matcher(all).results().findFirst().map(m -> m.group()).orElse("")));
        }
        if (all.contains("root:x:0:0")) {
            failures.add(where + "shows /etc/passwd");
        }
        if (r.code() == 2) {
            List<String> lines = err.lines().toList();
            if (lines.size() != 1 || !lines.get(0).startsWith("pinscope: ") || !lines.get(0).contains(f.getFileName().toString())) {
                failures.add(where + "not one line 'pinscope: FILE…': " + abbreviate(err));
            } else if (c.mention() != null && !lines.get(0).toLowerCase(Locale.ROOT).contains(c.mention())) {
                failures.add(where + "does not say '" + c.mention() + "': " + abbreviate(err));
            } else if (lines.get(0).length() > 1000) { // e.g. a 40 MB name echoed back; the list of allowed labels is ~600
                failures.add(where + "a line of " + lines.get(0).length() + " characters");
            }
        } else if (err.lines().count() > 3) {
            failures.add(where + err.lines().count() + " stderr lines: " + abbreviate(err));
        }
    }

    /** Runs one command on its own thread; null if it has not ended after a generous safety timeout. */
    private static Out runBounded(String... args) throws InterruptedException {
        Out[] result = new Out[1];
        Thread t = Thread.ofPlatform().daemon().name("hostile " + String.join(" ", args)).start(() -> result[0] = CliTest.cli(args));
        t.join(60_000);
        return t.isAlive() ? null : result[0];
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
