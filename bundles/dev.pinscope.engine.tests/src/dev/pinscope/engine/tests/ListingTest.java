package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.Listing;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every engine step maps to exactly one labelled listing line, in every policy's listing. */
class ListingTest {
    static final List<String> DESIGN_LABELS = List.of("P_LOCK", "GUP", "LOOKUP", "F1_READ", "F1_LOCK", "FIXUP",
            "FAULT_INSERT", "F2_READ", "F2_LOCK", "F_END", "P_UNLOCK", "RETRY", "ZAP", "SPLIT");

    @ParameterizedTest
    @EnumSource(Policy.class)
    void everyExecutedStepHasALabelledLineInItsFunction(Policy p) {
        // a scenario that exercises every actor kind and every trigger
        SpecBuilder b = T.bar(T.G, T.G).maxRetries(2).maxSteps(3_000);
        b.walker("W", 0, 3);
        b.cpu("C", T.VA, true, 2);
        for (ZapTrigger t : ZapTrigger.values()) {
            b.zapper("Z" + t.ordinal(), 0, t, 1);
        }
        b.signal("K", 0);
        b.unmapper("M", 0);
        SpecBuilder simple = T.bar(T.G, T.G).maxRetries(2).maxSteps(3_000);
        simple.walker("W", 0, 3);
        Set<String> seen = new HashSet<>();
        Listing l = null;
        for (long seed = 0; seed < 40; seed++) {
            Simulation sim = T.sim(seed % 2 == 0 ? b.build() : simple.build(), p);
            l = sim.listing();
            Run r = sim.newRun();
            r.runWith(Scheduler.random(seed), 3_000);
            for (StepRecord st : r.records(0, r.length())) {
                assertTrue(st.line() >= 1 && st.line() <= l.lines().size(), st.toString());
                Listing.Line line = l.line(st.line());
                assertTrue(line.label() != null, "step on an unlabelled line: " + st);
                assertEquals(line.function(), st.function(), st.toString());
                assertTrue(l.linesFor(st.label()).contains(st.line()), st + " label resolves to its line");
                seen.add(st.label());
            }
        }
        for (String lab : List.of("P_LOCK", "GUP", "LOOKUP", "F1_READ", "FIXUP", "FAULT_INSERT", "F2_READ",
                "F_END", "P_UNLOCK", "ZAP", "SPLIT", "SIGNAL", "MUNMAP")) {
            assertTrue(seen.contains(lab), lab + " was executed by some random run");
        }
        for (String lab : DESIGN_LABELS) {
            assertFalse(l.linesFor(lab).isEmpty(), "listing has a line for " + lab);
        }
    }

    @ParameterizedTest
    @EnumSource(Policy.class)
    void listingsDifferExactlyWhereThePoliciesDo(Policy p) {
        String text = Simulation.compile(T.bar(T.G, T.G).build(), dev.pinscope.engine.SimulationOptions.defaults()
                .withPolicy(p)).orThrow().listing().text();
        assertTrue(text.contains("follow_pfnmap_start(&args)"));
        assertEquals(p == Policy.BOUNDED, text.contains("ret = -EBUSY"));
        assertEquals(p == Policy.GUP_STYLE || p == Policy.GUP_STYLE_DROP_LOCK || p == Policy.ENOENT,
                text.contains("cond_resched()"));
        assertEquals(p == Policy.GUP_STYLE_DROP_LOCK, text.contains("mmap_read_lock_killable"));
        assertEquals(p == Policy.ENOENT, text.contains("-ENOENT"));
    }
}
