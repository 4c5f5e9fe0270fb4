package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pinscope.engine.report.ScheduleText;

/** Witnesses are printed as runs of one actor, as the CLI, the Results view and the reports show them. */
class ScheduleTextTest {

    @Test
    void consecutiveStepsOfOneActorFoldIntoARun() {
        assertEquals("qemu×2 numa_maps×1 qemu×1", ScheduleText.runs(List.of("qemu", "qemu", "numa_maps", "qemu")));
    }

    @Test
    void anEmptyScheduleIsTheInitialState() {
        assertEquals("(initial state)", ScheduleText.runs(List.of()));
    }
}
