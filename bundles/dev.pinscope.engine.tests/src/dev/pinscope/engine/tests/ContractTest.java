package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinscope.engine.Frame;
import dev.pinscope.engine.spec.Policy;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One formatter: the engine's frames write addresses and sizes with the model's units, as the editor does. */
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
}
