package dev.pinscope.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs of one actor's {@link InevitableStep inevitable} steps stored as one edge: where the reduction takes actor
 * z's step alone and z's next step is again inevitable, the states in between are not stored (each has that one
 * successor in the reduced graph), and the run's last state is stored with depth + L, L the run's length.
 * Breadth-first order is kept by holding such a state back until the search reaches its depth ({@link #flush}),
 * so ids stay in depth order, the first time a state is stored is still at its least depth, and witnesses (rebuilt
 * with z's name L times, {@link #lengthOf}) stay shortest.
 *
 * <p>Only actors whose steps lie on no cycle of the state graph make runs ({@link Machine#neverCycles}: a bounded
 * zapper, walker or CPU thread, a signal sender, munmap): a run is then a bridge, no livelock or starvation cycle
 * passes through its states, and the cycle analysis loses nothing by not seeing them (nor the run's edge).
 * A reset zapping the pages a pinner has passed while the pinner waits for memory_lock makes such runs: its
 * zaps of pages j .. p-1 become one edge instead of p - j stored states.
 */
final class Chains {
    private final Machine m;
    private final InevitableStep inevitable;
    private final TreeMap<Long, List<Held>> held = new TreeMap<>();
    private final IntIntMap length = new IntIntMap(1024);
    /** Per actor: runs in a row whose end was a state already stored, and the chances counted while rationed. */
    private final int[] duplicates;
    private final int[] chances;

    private record Held(long[] state, int parent, int actor, int length) {
    }

    Chains(Machine m, InevitableStep inevitable) {
        this.m = m;
        this.inevitable = inevitable;
        duplicates = new int[m.actorCount()];
        chances = new int[m.actorCount()];
    }

    /**
     * s is z's step from a state whose reduced expansion took z alone; steps z on while its next step is again
     * inevitable and returns the run's length (1: no run).
     */
    int extend(long[] s, int z) {
        if (!m.neverCycles(z) || InevitableStep.rationed(duplicates, chances, z)) {
            return 1;
        }
        int len = 1;
        while (len < Integer.MAX_VALUE / 2 && m.runnable(s, z) && inevitable.inevitable(s, z)) {
            m.step(s, z, null);
            len++;
        }
        return len;
    }

    /** Holds the run's last state s back until the search reaches depth. */
    void hold(long depth, long[] s, int parent, int z, int len) {
        held.computeIfAbsent(depth, d -> new ArrayList<>()).add(new Held(s.clone(), parent, z, len));
    }

    boolean holding() {
        return !held.isEmpty();
    }

    /** The least depth a held state waits for. */
    long nextDepth() {
        return held.firstKey();
    }

    /** Stores the states held for depth (canonical form by the caller's store function). */
    void flush(long depth, Store store) {
        List<Held> at = held.remove(depth);
        if (at == null) {
            return;
        }
        for (Held h : at) {
            int to = store.add(h.state, h.parent, h.actor);
            if (to >= 0) {
                length.put(to, h.length);
                duplicates[h.actor] = 0;
                inevitable.outcome(h.actor, true);
            } else {
                // the run led to a state the search knew: its checks bought nothing (rationed when it keeps on)
                duplicates[h.actor]++;
                inevitable.outcome(h.actor, false);
            }
        }
    }

    /** The number of steps of the edge into state id (1 unless id ends a run). */
    int lengthOf(int id) {
        return length.get(id, 1);
    }

    /** Where flushed states go: the explorer's store, after its canonical form. */
    interface Store {
        int add(long[] s, int parent, int actor);
    }
}
