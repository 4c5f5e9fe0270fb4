package dev.pinscope.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wide states (thousands of 4K page slots) are stored run-length encoded: the store must keep exactly the same
 * states as the plain arena, and a state must cost what differs in it, not the width of the page table.
 */
class WideStateStoreTest {
    /** A page-table-like state: a few odd words, then slot words in runs of equal values. */
    private static long[] pageTableLike(Random r, int words) {
        long[] s = new long[words];
        for (int i = 0; i < 3; i++) {
            s[i] = r.nextLong() >>> r.nextInt(64);
        }
        int i = 3;
        while (i < words) {
            long v = switch (r.nextInt(4)) {
                case 0 -> 0L;
                case 1 -> 0x3333333333333333L;
                case 2 -> r.nextLong();
                default -> 1L << r.nextInt(64);
            };
            int run = 1 + r.nextInt(r.nextBoolean() ? 3 : 300);
            for (int k = 0; k < run && i < words; k++) {
                s[i++] = v;
            }
        }
        return s;
    }

    @Test
    void anEncodedStoreKeepsExactlyTheStatesOfThePlainOne() {
        for (int words : new int[] {8, 9, 258, 1027}) {
            Random r = new Random(20261201L + words);
            StateStore plain = new StateStore(words, false);
            StateStore rle = new StateStore(words, true);
            Map<List<Long>, Integer> reference = new HashMap<>();
            List<long[]> added = new ArrayList<>();
            for (int n = 0; n < 10_000; n++) {
                long[] s = n > 0 && r.nextInt(4) == 0 ? added.get(r.nextInt(added.size())).clone()
                        : pageTableLike(r, words);
                if (r.nextInt(3) == 0) {
                    s[r.nextInt(words)] ^= 1L << r.nextInt(64); // a neighbour of an earlier state
                }
                int expected = reference.computeIfAbsent(Arrays.stream(s).boxed().toList(), k -> reference.size());
                int a = plain.add(s, n, n & 63);
                int b = rle.add(s, n, n & 63);
                assertEquals(a, b, words + " words, state " + n);
                assertEquals(expected, a >= 0 ? a : -a - 1, words + " words, state " + n);
                if (a >= 0) {
                    added.add(s);
                }
            }
            assertEquals(reference.size(), rle.count());
            long[] into = new long[words];
            for (int id = 0; id < added.size(); id++) {
                rle.load(id, into);
                assertArrayEquals(added.get(id), into, words + " words: state " + id + " decodes to itself");
                assertEquals(id, rle.find(added.get(id)));
                assertEquals(plain.parent(id), rle.parent(id));
                assertEquals(plain.via(id), rle.via(id));
            }
        }
    }

    /** Pinner of pages 4K pages (THP never), one bounded reset zapper, a CPU access in the middle. */
    static ScenarioSpec pages(int pages) {
        SpecBuilder b = SpecBuilder.vfioBar(SpecBuilder.GiB).name(pages + "x4K").policy(Policy.BOUNDED).maxRetries(2)
                .maxSteps(10_000_000);
        b.kernel(b.kernel().withThp(ThpMode.NEVER));
        b.pinner("P", SpecBuilder.BAR_VA, pages * 4096L, true);
        b.zapper("Z", 0, ZapTrigger.DEVICE_RESET, 1);
        b.cpu("C", SpecBuilder.BAR_VA + pages / 2 * 4096L, true, 1);
        return b.build();
    }

    @Test
    void aWideScenarioExploresToTheSameReportWithAFractionOfTheMemory() {
        for (Policy p : List.of(Policy.BOUNDED)) {
            Machine m = Machine.create(pages(144), p, 2, 10_000_000, SimulationOptions.defaults());
            assertTrue(m.words() >= StateStore.RLE_MIN_WORDS, m.words() + " words: wide enough to be encoded");
            ExploreOptions o = ExploreOptions.defaults();
            ExplorationReport plain = new Explorer(m, o, null, false).run();
            ExplorationReport rle = new Explorer(m, o, null, true).run();
            assertTrue(rle.complete(), rle.partialReason());
            assertEquals(plain.states(), rle.states());
            assertEquals(plain.transitions(), rle.transitions());
            assertEquals(plain.results(), rle.results(), "results, counts and witnesses");
            assertEquals(plain.livelocks(), rle.livelocks());
            assertEquals(plain.starvations(), rle.starvations());
            assertEquals(plain.violations(), rle.violations());
            assertTrue(rle.bytesPerState() < 0.75 * plain.bytesPerState(),
                    p + ": " + rle.bytesPerState() + " bytes/state encoded vs " + plain.bytesPerState() + " plain");
        }
    }

    @Test
    void aStateOf4096PageSlotsCostsWhatDiffersInIt() {
        Machine m = Machine.create(pages(4096), Policy.BOUNDED, 2, 10_000_000, SimulationOptions.defaults());
        assertTrue(m.words() > 256, m.words() + " words");
        ExplorationReport r = new Explorer(m, ExploreOptions.defaults().withMaxStates(100_000).withFindCycles(false),
                null).run();
        assertTrue(!r.complete() && r.states() >= 100_000, r.partialReason());
        // the plain arena alone would take 8 bytes per word: over 2 KB per state
        assertTrue(r.bytesPerState() < 160, r.bytesPerState() + " bytes/state for " + m.words() + "-word states");
    }
}
