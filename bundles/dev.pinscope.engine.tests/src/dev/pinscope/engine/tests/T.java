package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Test helpers: compile, run the scripted schedule, explore, and read results. */
final class T {
    static final long G = SpecBuilder.GiB;
    static final long VA = SpecBuilder.BAR_VA;
    static final long PFN0 = SpecBuilder.BAR_PA >>> 12;

    private T() {
    }

    static Simulation sim(ScenarioSpec s, Policy p) {
        return Simulation.compile(s, SimulationOptions.defaults().withPolicy(p)).orThrow();
    }

    static Simulation sim(ScenarioSpec s, SimulationOptions o) {
        return Simulation.compile(s, o).orThrow();
    }

    /** Runs the scenario's schedule (then round-robin) and returns the run for inspection. */
    static Run scripted(ScenarioSpec s, Policy p) {
        return scripted(sim(s, p), p);
    }

    /** The same for a scenario the model refuses but the kernel runs (a hole in the pinned range, VM_IO alone). */
    static Run scriptedOutsideTheModel(ScenarioSpec s, Policy p) {
        assertFalse(Simulation.compile(s, SimulationOptions.defaults().withPolicy(p)).ok(),
                "the scenario model refuses it (else test it through compile)");
        return scripted(Simulation.compileOutsideTheModel(s, SimulationOptions.defaults().withPolicy(p)).orThrow(), p);
    }

    private static Run scripted(Simulation sim, Policy p) {
        Run r = sim.newRun();
        RunResult rr = r.runWith(sim.scriptedSchedule(), sim.maxSteps());
        assertTrue(rr.status() == RunResult.Status.COMPLETED || rr.status() == RunResult.Status.MAX_STEPS,
                p + ": " + rr);
        return r;
    }

    static RunResult scriptedResult(ScenarioSpec s, Policy p) {
        Simulation sim = sim(s, p);
        return sim.run(sim.scriptedSchedule());
    }

    static Errno result(ScenarioSpec s, Policy p) {
        RunResult rr = scriptedResult(s, p);
        assertEquals(RunResult.Status.COMPLETED, rr.status(), p + ": " + rr);
        return rr.first().result();
    }

    static ExplorationReport explore(ScenarioSpec s, Policy p) {
        ExplorationReport r = sim(s, p).explore(ExploreOptions.defaults(), null);
        assertTrue(r.complete(), p + " exploration partial: " + r.partialReason());
        return r;
    }

    static ExplorationReport explore(ScenarioSpec s, SimulationOptions o, ExploreOptions eo) {
        ExplorationReport r = sim(s, o).explore(eo, null);
        assertTrue(r.complete(), "exploration partial: " + r.partialReason());
        return r;
    }

    static Set<Errno> set(Errno... e) {
        EnumSet<Errno> s = EnumSet.noneOf(Errno.class);
        s.addAll(List.of(e));
        return new TreeSet<>(s);
    }

    static Set<Errno> reach(ScenarioSpec s, Policy p) {
        return new TreeSet<>(explore(s, p).resultsOf(pinner(s)));
    }

    static String pinner(ScenarioSpec s) {
        return s.actors().stream().filter(a -> a instanceof dev.pinscope.engine.spec.ActorSpec.Pinner).findFirst()
                .orElseThrow().name();
    }

    /** How many recorded steps of the run carry the label. */
    static long count(Run r, String label) {
        return r.records(0, r.length()).stream().filter(x -> x.label().equals(label)).count();
    }

    static List<StepRecord> trace(Run r) {
        return r.records(0, r.length());
    }

    /** Replays a schedule (actor names) on a fresh run of the simulation; returns the run. */
    static Run replay(Simulation sim, List<String> schedule) {
        Run r = sim.newRun();
        for (String a : schedule) {
            r.step(sim.actorIndex(a));
        }
        return r;
    }

    /**
     * Steps actor a at least once, then until its next step carries label; false if it finished or blocked
     * before reaching it.
     */
    static boolean until(Run r, int a, String label) {
        if (!r.isRunnable(a)) {
            return false;
        }
        r.step(a);
        while (!r.peek(a).label().equals(label)) {
            if (!r.isRunnable(a)) {
                return false;
            }
            r.step(a);
        }
        return true;
    }

    /** One vfio BAR of size, a pinner P of pinSize at the BAR start. */
    static SpecBuilder bar(long size, long pinSize) {
        SpecBuilder b = SpecBuilder.vfioBar(size).maxRetries(3);
        b.pinner("P", VA, pinSize, true);
        return b;
    }
}
