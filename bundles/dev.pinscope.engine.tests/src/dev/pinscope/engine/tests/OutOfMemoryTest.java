package dev.pinscope.engine.tests;

import static dev.pinscope.engine.tests.T.G;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 5: an exploration that runs out of memory keeps what it found. The monitor fills the heap once
 * the search is under way (and keeps it full), so the explorer's own next allocation fails for real; it must then
 * return a PARTIAL report whose reason starts with "memory", with the states explored so far, instead of throwing.
 */
class OutOfMemoryTest {

    /** Endless walker and zapper racing a pinner: a state space far larger than what is explored before the fill. */
    static ScenarioSpec large() {
        SpecBuilder b = T.bar(G, G).maxRetries(3);
        b.walker("W", 0, -1);
        b.walker("W2", 0, -1);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, -1);
        b.zapper("Z2", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, -1);
        b.cpu("C", T.VA, true, -1);
        b.signal("K", 0);
        return b.build();
    }

    /**
     * The head-room for that report must not cost every exploration a heap-sized block: it was 1/16 of the heap
     * (64 MB here), zeroed and, after a GC had shrunk the heap, committed again for each exploration, which halved
     * the speed of explorations of 100,000 states (EngineBenchmark A). What a small exploration allocates is counted
     * by the JVM for this thread: a deterministic figure, not a timing.
     */
    @Test
    void aSmallExplorationAllocatesLittle() {
        var sim = T.sim(T.bar(G, G).build(), Policy.PATCH_V1);
        ExploreOptions o = ExploreOptions.defaults();
        sim.explore(o, null); // once first: class loading and the first reports' allocations are not the search's
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ExplorationReport r = sim.explore(o, null);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(r.complete() && r.states() < 1000, "a small scenario: " + r.states() + " states");
        assertTrue(allocated < (8L << 20), "an exploration of " + r.states() + " states allocated " + allocated + " bytes");
    }

    @Test
    void aFullHeapGivesAPartialReportWithReasonMemory() {
        List<byte[]> hog = new ArrayList<>();
        ExplorationMonitor filler = new ExplorationMonitor() {
            int calls;

            @Override
            public boolean isCancelled() {
                // called every 4,096 states; at the second call the search has found its first results
                if (++calls == 2) {
                    for (int block : new int[] {16 << 20, 1 << 20, 64 << 10}) {
                        try {
                            while (true) {
                                hog.add(new byte[block]);
                            }
                        } catch (OutOfMemoryError full) {
                            // this size no longer fits; smaller ones fill the rest
                        }
                    }
                    // the heap is full now, and stays full until the test drops the hog
                }
                return false;
            }
        };
        ExplorationReport r;
        try {
            r = T.sim(large(), SimulationOptions.defaults().withPolicy(Policy.PATCH_V1))
                    .explore(ExploreOptions.defaults().withPartialOrderReduction(false), filler);
        } finally {
            hog.clear();
        }
        assertFalse(r.complete(), "a full heap cannot give a complete report");
        assertTrue(r.partialReason().startsWith("memory"), r.partialReason());
        assertTrue(r.states() > 4096, "the states explored before the heap filled are kept: " + r.states());
        assertFalse(r.partialReason().contains("cycle search"), "the heap filled during the search itself: " + r.partialReason());
    }

    @Test
    void anOutOfMemoryErrorThrownPastTheExplorerStillGivesAPartialReport() {
        // the report of the phase change to the cycle search comes outside the explorer's own handlers, like the
        // JIT deoptimization's OutOfMemoryError seen on a full heap
        ExplorationMonitor throwing = new ExplorationMonitor() {
            @Override
            public void progress(String phase, long states, long transitions, long depth) {
                if (phase.equals("cycles")) {
                    throw new OutOfMemoryError("failed reallocation of scalar replaced objects");
                }
            }
        };
        ExplorationReport r = T.sim(large(), SimulationOptions.defaults().withPolicy(Policy.PATCH_V1))
                .explore(ExploreOptions.defaults(), throwing);
        assertFalse(r.complete(), "no complete report after the error");
        assertTrue(r.partialReason().startsWith("memory") && r.partialReason().contains("lost"), r.partialReason());
    }
}
