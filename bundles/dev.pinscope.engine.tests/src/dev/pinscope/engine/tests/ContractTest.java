package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinscope.engine.Frame;
import dev.pinscope.engine.spec.Policy;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One formatter for frames (the model's units); step records carry facts (return value, pages pinned, fault result). */
class ContractTest {
    @Test
    void framesWriteSizesAsTheEditorDoes() {
        var sim = T.sim(T.bar(T.G, T.G).build(), Policy.PATCH_V1);
        var run = sim.newRun();
        Frame f = run.actor(0).frames().get(0);
        assertEquals("vfio_pin_map_dma", f.function());
        Map<String, String> v = f.locals().stream().collect(Collectors.toMap(Frame.Variable::name, Frame.Variable::value));
        assertEquals("1G", v.get("size"));
        assertEquals("0", v.get("dma->size"), "nothing mapped yet is 0 bytes (it used to say 0K)");
        assertEquals("0x" + Long.toHexString(T.VA), v.get("dma->vaddr"));
    }

    @Test
    void stepRecordsCarryTheStepsFactsNotOnlyItsWording() {
        var r = T.scripted(T.bar(T.G, T.G).build(), Policy.PATCH_V1);
        var trace = T.trace(r);
        var insert = trace.stream().filter(x -> x.label().equals("FAULT_INSERT")).findFirst().orElseThrow();
        assertEquals("VM_FAULT_NOPAGE", insert.outcome().faultResult(), insert.event());
        var check = trace.stream().filter(x -> x.label().equals("PPR_CHECK")).findFirst().orElseThrow();
        assertEquals(262144, check.outcome().pagesPinned(), check.event());
        var end = trace.get(trace.size() - 1);
        assertEquals("0", end.outcome().ret(), end.event());
        assertEquals(null, trace.get(0).outcome().faultResult(), "a step that is no fault has no fault result");
    }
}
