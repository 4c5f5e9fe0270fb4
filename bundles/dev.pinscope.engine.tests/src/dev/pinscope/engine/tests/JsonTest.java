package dev.pinscope.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pinscope.engine.report.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON layout scripts and committed result files rely on, and a reader that refuses what is not JSON. */
class JsonTest {
    @Test
    void layoutIsTwoSpaceBlocksWithScalarListsOnOneLine() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("witness", List.of("qemu", "numa_maps"));
        inner.put("count", 3L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"q\" \\ \n\t\u0001 ü");
        m.put("n", null);
        m.put("ok", true);
        m.put("i", 7);
        m.put("d", 0.1234);
        m.put("nan", Double.NaN);
        m.put("empty", List.of());
        m.put("none", Map.of());
        m.put("rows", List.of(inner));
        m.put("grid", List.of(List.of(1L, 2L), List.of()));
        m.put("mixed", Arrays.asList("x", null, 2L));
        assertEquals("""
                {
                  "s": "a \\"q\\" \\\\ \\n\\t\\u0001 ü",
                  "n": null,
                  "ok": true,
                  "i": 7,
                  "d": 0.123,
                  "nan": null,
                  "empty": [],
                  "none": {},
                  "rows": [
                    {
                      "witness": ["qemu", "numa_maps"],
                      "count": 3
                    }
                  ],
                  "grid": [
                    [1, 2],
                    []
                  ],
                  "mixed": ["x", null, 2]
                }""", Json.write(m));
    }

    @Test
    void readsBackWhatItWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1L, 2.5, "z", false));
        m.put("a", null);
        List<Object> l = new ArrayList<>();
        l.add(m);
        assertEquals(l, Json.parse(Json.write(l)));
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) ((List<?>) Json.parse(Json.write(l))).get(0)).keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\": 1} x", "{a: 1}", "{'a': 1}", "[1,]", "[01]", "nul", "{\"a\" 1}"})
    void malformedTextIsAnIllegalArgument(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }
}
