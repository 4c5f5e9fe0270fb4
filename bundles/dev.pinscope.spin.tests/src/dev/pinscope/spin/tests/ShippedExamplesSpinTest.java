package dev.pinscope.spin.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.spin.SpinComparison;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example under all six policies: SPIN's verdict equals the engine's, and its trails replay. */
class ShippedExamplesSpinTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        SpinTestSupport.requireTools();
    }

    static Stream<String> ids() {
        return Examples.list().stream().map(Examples.Example::id);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void spinAgreesWithTheEngine(String id) throws Exception {
        ScenarioSpec spec = SpinTestSupport.example(id);
        List<SpinComparison.Row> rows = SpinTestSupport.compare(spec, List.of(Policy.values()), dir);
        assertTrue(rows.size() >= Policy.values().length, id + ": one row per policy and pinner");
        SpinTestSupport.assertAgreement(spec, rows);
    }
}
