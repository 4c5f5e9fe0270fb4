package dev.pinscope.results.internal;

import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.report.ScheduleText;
import java.util.ArrayList;
import java.util.List;

/** Schedules (actor names, one per atomic step) as people read them. */
public final class Witnesses {
    private Witnesses() {
    }

    /** "qemu×12 numa_maps×3 qemu×5": a schedule in runs. */
    public static String runs(List<String> w) {
        return ScheduleText.runs(w);
    }

    /**
     * Replays the schedule and names every step ("qemu  vaddr_get_pfns:12 [F2_READ] pud none"); falls back to the
     * actor names alone when there is no simulation or the schedule does not replay (results of an older scenario).
     */
    public static List<String> steps(Simulation sim, List<String> schedule) {
        List<String> out = new ArrayList<>();
        Run run = sim == null ? null : sim.newRun();
        for (String actor : schedule) {
            String line = actor;
            if (run != null) {
                try {
                    StepRecord r = run.step(sim.actorIndex(actor));
                    line = String.format("%-10s %s:%d [%s]%s", actor, r.function(), r.line(), r.label(),
                            r.event() == null || r.event().isEmpty() ? "" : " " + r.event());
                } catch (RuntimeException e) {
                    run = null;
                }
            }
            out.add(line);
        }
        return out;
    }
}
