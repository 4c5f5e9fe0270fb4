package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.internal.Listings;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.model.validation.ScheduleLabels;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schedule labels are one contract: the model's ScheduleLabels lists exactly the labels the engine can stop
 * at, the engine refuses any other with the validator's words, and the README's until="F_READ" is accepted.
 */
class ScheduleLabelsContractTest {
    private static SpecBuilder pinnerAndZapper() {
        return T.bar(T.G, T.G);
    }

    @Test
    void theModelsLabelsAreExactlyTheOnesTheEngineCanStopAt() {
        assertEquals(new TreeSet<>(Listings.knownLabels()), new TreeSet<>(ScheduleLabels.ALL));
        assertEquals(ScheduleLabels.ALL.size(), new TreeSet<>(ScheduleLabels.ALL).size(), "no label twice");
    }

    @Test
    void anUnknownLabelIsRefusedWithTheValidatorsWords() {
        CompileResult cr = Simulation.compile(pinnerAndZapper().until(0, "F3_READ").build(), SimulationOptions.defaults());
        // the validator's sentence for the scenario the spec stands for, as a file with the same step gets it
        assertEquals(List.of("Schedule step 1 (P) " + ScheduleLabels.unknown("F3_READ") + " [schedule-label]."), cr.errors());
        assertTrue(cr.errors().get(0).contains("F_READ, F_LOCK"), cr.errors().get(0));
    }

    @Test
    void untilFReadStopsTheScriptBeforeFollowPfnmapStartsRead() {
        SpecBuilder b = pinnerAndZapper();
        int z = b.zapper("Z", 0, dev.pinscope.engine.spec.ZapTrigger.COMMAND_MEMORY_DISABLE, 1);
        CompileResult cr = Simulation.compile(b.until(0, "F_READ").step(z, 1).build(), SimulationOptions.defaults());
        assertTrue(cr.ok(), cr.errors().toString());
        Run r = cr.simulation().newRun();
        r.runWith(cr.simulation().scriptedSchedule(), 10_000);
        int k = 0;
        while (r.record(k).actor() == 0) {
            k++;
        }
        assertTrue(k > 0, "the pinner ran first");
        assertEquals("Z", r.record(k).actorName(), "then the zapper's scripted step");
        int next = k + 1;
        while (r.record(next).actor() != 0) {
            next++;
        }
        assertEquals("F1_READ", r.record(next).label(), "the pinner had stopped before follow_pfnmap_start's read");
    }
}
