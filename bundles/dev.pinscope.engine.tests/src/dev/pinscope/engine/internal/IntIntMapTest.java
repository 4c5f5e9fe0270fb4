package dev.pinscope.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cycle analysis' primitive map agrees with a HashMap over random state ids, through every growth. */
class IntIntMapTest {
    @Test
    void agreesWithAHashMap() {
        Random r = new Random(15);
        IntIntMap m = new IntIntMap(2);
        Map<Integer, Integer> ref = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            int k = r.nextInt(50_000);
            if (r.nextBoolean()) {
                int v = r.nextInt(1000) - 500;
                m.put(k, v);
                ref.put(k, v);
            }
            int q = r.nextInt(60_000);
            assertEquals(ref.containsKey(q), m.containsKey(q), "key " + q);
            assertEquals(ref.getOrDefault(q, Integer.MIN_VALUE), m.get(q, Integer.MIN_VALUE), "key " + q);
        }
        assertEquals(ref.size(), m.size());
    }
}
