package dev.pinscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.pinscope.cli.PinscopeCli;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --json} output is byte for byte what the hand-written writer printed before Gson took over: the files in
 * {@code golden/} were captured from the old writer on every shipped example (validate, run with at most 300 steps,
 * explore, compare). Only the {@code seconds} values are masked (their format, three decimals, is not). The one
 * change on purpose: a run's stale-PFN violation lists {@code actor, kind, witness} in that order (the old code
 * used {@code Map.of}, whose order changed from one JVM to the next). Recaptured once when the partial-order
 * reduction took the pinner's mmap_lock read steps too (issue 18 point 3): on 11 examples {@code states},
 * {@code transitions}, {@code count} and which of the equally short schedules a witness or lasso shows changed;
 * every result, witness and lasso length, livelock, starvation and expectation stayed as it was. Recaptured again
 * for the dead-slot reduction (issue 18 point 4): on 6 examples only {@code states}, {@code transitions} and
 * {@code count} fell; every witness, lasso, result and expectation is byte for byte as before. Recaptured for the
 * reduction over every actor's steps (issue 18 point 3, InevitableStep and Chains): on 12 examples {@code states},
 * {@code transitions}, {@code count} and {@code bytesPerState} changed and nothing else: every result, witness,
 * lasso, livelock, starvation and expectation is byte for byte as before (compared field by field before the
 * files were replaced).
 */
class GoldenJsonTest {
    @TempDir
    static Path tmp;

    static Stream<Arguments> cases() {
        return Examples.list().stream()
                .flatMap(ex -> Stream.of("validate", "run", "explore", "compare").map(c -> Arguments.of(ex.id(), c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jsonIsByteIdenticalToTheOldWriters(String id, String cmd) throws IOException {
        Path f = tmp.resolve(id + ".pinscope");
        if (!Files.exists(f)) {
            Files.write(f, Scenarios.toBytes(Examples.load(id).scenario()));
        }
        List<String> args = cmd.equals("run") ? List.of(cmd, f.toString(), "--json", "--max-steps", "300")
                : List.of(cmd, f.toString(), "--json");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        new PinscopeCli(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        String actual = o.toString(StandardCharsets.UTF_8).replaceAll("\"seconds\": [0-9]+\\.[0-9]{3}([,\n])",
                "\"seconds\": 0.000$1");
        assertFalse(actual.isBlank(), "no JSON printed; stderr: " + e);
        assertEquals(golden(id + "." + cmd + ".json"), actual);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("golden/" + name)) {
            assertNotNull(in, "golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
