package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.HitIndex;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.StepEvent;
import dev.pinscope.engine.StepView;
import dev.pinscope.engine.spec.Policy;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The kernel events of the debugger's event breakpoints, told from packed states ({@link StepView#happened}), and
 * Run Back to an event breakpoint set just now: it tests only the checkpoint segments where the event happens
 * ({@link Run#mayHappen}), never the whole trace backwards.
 */
class StepEventTest {

    private static final int INTERVAL = 32;

    /** The events as read from the kernel snapshots on both sides of the step (what the views show). */
    private static boolean shownBySnapshots(StepEvent e, StepView v) {
        KernelSnapshot before = v.snapshotBefore();
        KernelSnapshot after = v.snapshotAfter();
        return switch (e) {
            case RETRY_TAKEN -> "RETRY".equals(v.record().label());
            case PINNER_FINISHED -> v.actorAfter().kind() == ActorView.Kind.PINNER
                    && v.actorAfter().status() == ActorView.Status.FINISHED;
            case ENTRY_ZAPPED -> {
                boolean zapped = false;
                for (int i = 0; i < after.slots().size(); i++) {
                    zapped |= before.slots().get(i).kind() == KernelSnapshot.SlotKind.LEAF
                            && after.slots().get(i).kind() != KernelSnapshot.SlotKind.LEAF;
                }
                yield zapped;
            }
            case LOCK_ACQUIRED -> {
                boolean acquired = false;
                for (KernelSnapshot.LockState l : after.locks()) {
                    Set<String> now = holders(l);
                    for (KernelSnapshot.LockState b : before.locks()) {
                        if (b.name().equals(l.name())) {
                            now.removeAll(holders(b));
                        }
                    }
                    acquired |= !now.isEmpty();
                }
                yield acquired;
            }
        };
    }

    private static Set<String> holders(KernelSnapshot.LockState l) {
        Set<String> h = new HashSet<>(l.readers());
        if (l.writer() != null) {
            h.add(l.writer());
        }
        return h;
    }

    private static Run recorded(dev.pinscope.engine.spec.ScenarioSpec spec, Policy p, long steps) {
        Simulation sim = T.sim(spec, SimulationOptions.defaults().withPolicy(p).withCheckpointInterval(INTERVAL));
        Run run = sim.newRun(Scheduler.random(3));
        run.indexLines(); // as the debugger does
        run.runWith(Scheduler.random(3), steps);
        return run;
    }

    @Test
    void eachEventIsWhatTheKernelSnapshotsShow() {
        Map<StepEvent, Integer> seen = new EnumMap<>(StepEvent.class);
        // zapper and walker against a faulting pinner, to its end (bounded retry, v1 retry); a pinner that never ends
        for (Run run : new Run[] { recorded(RunTraceTest.busy(), Policy.BOUNDED, 100_000),
                recorded(RunTraceTest.busy(), Policy.PATCH_V1, 100_000),
                recorded(RunTraceTest.endless(), Policy.PATCH_V1, 3_000) }) {
            run.scan(0, run.length(), v -> {
                for (StepEvent e : StepEvent.values()) {
                    boolean expected = shownBySnapshots(e, v);
                    assertEquals(expected, v.happened(e), "step " + v.index() + " " + e + ": " + v.record());
                    if (expected) {
                        seen.merge(e, 1, Integer::sum);
                    }
                }
            });
        }
        assertEquals(Set.of(StepEvent.values()), seen.keySet(), "every event happens in these traces: " + seen);
    }

    @Test
    void runBackToAnEventJustSetTestsOnlyTheSegmentsWhereItHappens() {
        Run run = recorded(RunTraceTest.endless(), Policy.PATCH_V1, 20_000);
        assertEquals(20_000, run.length());
        Map<StepEvent, TreeSet<Long>> hits = new EnumMap<>(StepEvent.class);
        for (StepEvent e : StepEvent.values()) {
            TreeSet<Long> all = new TreeSet<>();
            run.scan(0, run.length(), v -> {
                if (v.happened(e)) {
                    all.add(v.index() + 1);
                }
            });
            hits.put(e, all);
            for (long pos : new long[] { run.length(), run.length() / 2, 7_777, 40, 1 }) {
                int[] tested = { 0 };
                HitIndex fresh = new HitIndex(run, v -> {
                    tested[0]++;
                    return v.happened(e);
                }, new int[0], e.bit());
                Long h = all.lower(pos);
                assertEquals(h == null ? 0 : h, fresh.previous(pos), e + " from " + pos);
                // the segment of the answer, and the one of pos when the answer lies before it; none at all
                // for an event the trace never sees
                assertTrue(tested[0] <= (all.isEmpty() ? 0 : 2 * INTERVAL), e + " from " + pos + ": " + tested[0]
                        + " steps tested");
            }
        }
        // frequent events (a lock taken, the v1 retry) and ones this trace never sees (no leaf is ever installed,
        // the pinner never returns): the case that used to test every step back to the start
        assertTrue(hits.get(StepEvent.LOCK_ACQUIRED).size() > 1_000 && hits.get(StepEvent.RETRY_TAKEN).size() > 100,
                "frequent: " + hits.get(StepEvent.RETRY_TAKEN).size());
        assertTrue(hits.get(StepEvent.ENTRY_ZAPPED).isEmpty() && hits.get(StepEvent.PINNER_FINISHED).isEmpty());
        // without the per-segment summaries the same question tests the whole trace (the old cost)
        Run plain = run.simulation().newRun(Scheduler.random(3));
        plain.runWith(Scheduler.random(3), run.length());
        int[] tested = { 0 };
        HitIndex unindexed = new HitIndex(plain, v -> {
            tested[0]++;
            return v.happened(StepEvent.ENTRY_ZAPPED);
        }, new int[0], StepEvent.ENTRY_ZAPPED.bit());
        assertEquals(0, unindexed.previous(plain.length()));
        assertTrue(tested[0] >= plain.length() - 1, tested[0] + " steps tested without summaries");
    }
}
