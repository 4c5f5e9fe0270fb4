package dev.pinscope.engine.internal;

import java.util.Arrays;

/**
 * The visited set of an exploration (TLC keeps its FPSet apart the same way): states in one arena of fixed-size
 * chunks of {@code long}s (no big copies when growing), an open-addressing table of (32-bit fingerprint &lt;&lt; 32 |
 * id + 1) so most probes and every rehash never touch the arena, and per state its parent id and the actor of the
 * incoming step, from which witnesses are rebuilt. Ids are dense and in insertion (breadth-first) order.
 */
final class StateStore {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private final int w;
    private long[][] chunks = new long[16][];
    private int[] parent;
    private byte[] via;
    private int count;
    private long[] table;
    private int mask;

    StateStore(int words) {
        this.w = words;
        int cap = 1 << 12;
        parent = new int[cap];
        via = new byte[cap];
        table = new long[cap * 2];
        mask = table.length - 1;
    }

    int count() {
        return count;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private int hash(long[] s) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < w; i++) {
            h = (h ^ s[i]) * 0x9E3779B97F4A7C15L;
            h = Long.rotateLeft(h, 29);
        }
        return (int) mix(h);
    }

    private boolean equalsAt(int id, long[] s) {
        long[] c = chunks[id >>> CHUNK_BITS];
        int off = (id & (CHUNK - 1)) * w;
        for (int i = 0; i < w; i++) {
            if (c[off + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** The table slot holding s (its fingerprint is h), or the empty slot where s would go. */
    private int slotOf(long[] s, int h) {
        long tag = (long) h << 32;
        int i = h & mask;
        while (true) {
            long e = table[i];
            if (e == 0 || ((e & 0xffffffff00000000L) == tag && equalsAt((int) e - 1, s))) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /** Id of the state, or -1 if unknown. */
    int find(long[] s) {
        long e = table[slotOf(s, hash(s))];
        return e == 0 ? -1 : (int) e - 1;
    }

    /** Adds the state if new; returns its id, or (-id - 1) if it already existed. */
    int add(long[] s, int par, int actor) {
        int h = hash(s);
        int i = slotOf(s, h);
        if (table[i] != 0) {
            return (int) -table[i];
        }
        if (count == Integer.MAX_VALUE - 1) {
            throw new IllegalStateException("state store full");
        }
        // allocate first, count after: an OutOfMemoryError here leaves the store as it was (MemoryReserve)
        int id = count;
        int ci = id >>> CHUNK_BITS;
        if (ci == chunks.length) {
            chunks = Arrays.copyOf(chunks, ci * 2);
        }
        if (chunks[ci] == null) {
            chunks[ci] = new long[CHUNK * w];
        }
        if (id + 1 > parent.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, parent.length * 2L);
            parent = Arrays.copyOf(parent, n);
            via = Arrays.copyOf(via, n);
        }
        count++;
        System.arraycopy(s, 0, chunks[ci], (id & (CHUNK - 1)) * w, w);
        parent[id] = par;
        via[id] = (byte) actor;
        table[i] = ((long) h << 32) | (id + 1L);
        if (count * 2L > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] t = new long[table.length * 2];
        int mk = t.length - 1;
        for (long e : table) {
            if (e == 0) {
                continue;
            }
            int i = (int) (e >>> 32) & mk;
            while (t[i] != 0) {
                i = (i + 1) & mk;
            }
            t[i] = e;
        }
        table = t;
        mask = mk;
    }

    void load(int id, long[] into) {
        System.arraycopy(chunks[id >>> CHUNK_BITS], (id & (CHUNK - 1)) * w, into, 0, w);
    }

    /** The parent of a state (-1 for the initial state). */
    int parent(int id) {
        return parent[id];
    }

    /** The actor whose step first reached the state. */
    int via(int id) {
        return via[id];
    }

    /** Memory allocated for the stored states (arena chunks, parent/actor arrays, hash table), per state. */
    double bytesPerState() {
        long chunkCount = Arrays.stream(chunks).filter(java.util.Objects::nonNull).count();
        return count == 0 ? 0 : (chunkCount * CHUNK * w * 8.0 + parent.length * 5.0 + table.length * 8.0) / count;
    }
}
