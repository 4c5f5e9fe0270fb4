package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.scenario.Scenario;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scenario rule lives once, in the model's ScenarioValidator: a spec built in code is refused in the
 * validator's words, exactly as the same scenario in a file; the engine adds only its own limits.
 */
class ValidationOnceTest {
    static final long G = SpecBuilder.GiB;
    static final long VA = SpecBuilder.BAR_VA;

    static Stream<String> examples() {
        return Examples.list().stream().map(Examples.Example::id);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void anExampleCompilesFromItsFileAndFromItsSpec(String id) {
        LoadResult lr = Examples.load(id);
        assertTrue(lr.ok(), lr.firstProblem());
        Scenario s = lr.scenario();
        assertTrue(Simulation.compile(s, SimulationOptions.defaults()).ok(), id);
        ScenarioSpec spec = EmfAdapter.toSpec(s);
        assertEquals(List.of(), EmfAdapter.validate(spec), "the spec is the scenario the file holds");
        assertTrue(Simulation.compile(spec, SimulationOptions.defaults()).ok(), id);
    }

    @Test
    void aMisalignedPinnerInCodeGetsTheValidatorsMessage() {
        SpecBuilder b = SpecBuilder.vfioBar(G);
        b.pinner("qemu", VA + 0x800, 4096, true);
        CompileResult r = Simulation.compile(b.build(), SimulationOptions.defaults());
        assertFalse(r.ok());
        assertEquals(1, r.errors().size(), r.errors().toString());
        String m = r.errors().get(0);
        // ScenarioRule.PINNER_ALIGNED's sentence (element, rule, what to do), not an engine message of its own
        assertTrue(m.startsWith("Pinner 'qemu' pins 4K at 0x7f0000000800"), m);
        assertTrue(m.contains("VFIO_IOMMU_MAP_DMA needs a page-aligned address"), m);
    }

    @Test
    void aDanglingIndexInCodeIsAnUnsetReferenceToTheValidator() {
        SpecBuilder b = SpecBuilder.vfioBar(G);
        b.pinner("qemu", VA, G, true);
        b.walker("numa_maps", 7, 1);
        CompileResult r = Simulation.compile(b.build(), SimulationOptions.defaults());
        assertFalse(r.ok());
        assertTrue(r.errors().stream().anyMatch(e -> e.contains("'numa_maps' has no vma; set vma to the VMA")),
                r.errors().toString());
    }

    @Test
    void theEngineKeepsOnlyItsOwnLimits() {
        SpecBuilder b = SpecBuilder.vfioBar(G);
        b.pinner("qemu", VA, G, true);
        for (int i = 0; i < 62; i++) {
            b.cpu("cpu" + i, VA, false, 1);
        }
        ScenarioSpec spec = b.build();
        assertEquals(List.of(), EmfAdapter.validate(spec), "63 actors break no scenario rule");
        CompileResult r = Simulation.compile(spec, SimulationOptions.defaults());
        assertEquals(List.of("Scenario 'scenario' has 63 actors, but the engine models at most 62; split it into"
                + " smaller scenarios"), r.errors());
    }

    @Test
    void aNegativeRetryLimitOverrideIsRefusedByTheEngine() {
        SpecBuilder b = SpecBuilder.vfioBar(G);
        b.pinner("qemu", VA, G, true);
        CompileResult r = Simulation.compile(b.build(), SimulationOptions.defaults().withMaxRetries(-1));
        assertEquals(List.of("The retry limit -1 is negative; use 0 or more"), r.errors());
    }
}
