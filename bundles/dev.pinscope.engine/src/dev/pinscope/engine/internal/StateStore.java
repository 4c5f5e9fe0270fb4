package dev.pinscope.engine.internal;

import java.util.Arrays;

/**
 * The visited set of an exploration (TLC keeps its FPSet apart the same way): states in an arena of chunks of a
 * fixed size in bytes (no big copies when growing, and no 100 MB chunk when a state is wide), an open-addressing
 * table of (32-bit fingerprint &lt;&lt; 32 | id + 1) so most probes and every rehash never touch the arena, and per
 * state its parent id and the actor of the incoming step, from which witnesses are rebuilt. Ids are dense and in
 * insertion (breadth-first) order.
 *
 * <p>A narrow state (fewer than {@value #RLE_MIN_WORDS} words: every scenario with a few pages) is stored as it
 * is, {@code 8 * words} bytes at {@code id * words}. A wide one (thousands of 4K page slots, 16 to a word) is
 * stored run-length encoded: each run of equal words once, as a varint count and the word's low non-zero bytes,
 * so a state costs what differs in it, not what it could hold: the slots of pages that are all faulted in, or all
 * still empty, are a run or two (SPIN's COLLAPSE and LTSmin's tree compression share the idea; runs suit page tables, whose equal
 * neighbours are the common case).
 */
final class StateStore {
    /** From this width on, states are run-length encoded. */
    static final int RLE_MIN_WORDS = 8;
    private static final int CHUNK_BYTES = 1 << 20;
    private final int w;
    private final boolean rle;
    private int count;
    private int[] parent;
    private byte[] via;
    private long[] table;
    private int mask;
    private int tableSlots; // table.length, still known after dropIndex()

    // narrow states: chunks of 2^chunkBits states of w words each
    private final int chunkBits;
    private long[][] chunks = new long[16][];

    // wide states: encodings in byte chunks; addr[id] = chunk << 32 | offset
    private byte[][] bytes = new byte[16][];
    private final int byteChunk;
    private int byteChunks; // chunks in use; the last one is being filled
    private int fill; // bytes used in the last chunk
    private long[] addr;
    private final byte[] scratch;
    private final int[] runTmp = new int[1];
    private final long[] valueTmp = new long[1];

    StateStore(int words) {
        this(words, words >= RLE_MIN_WORDS);
    }

    /** A store with the encoding chosen by the caller (tests compare both on the same states). */
    StateStore(int words, boolean runLengthEncoded) {
        this.w = words;
        this.rle = runLengthEncoded;
        int cap = 1 << 12;
        parent = new int[cap];
        via = new byte[cap];
        table = new long[cap * 2];
        mask = table.length - 1;
        tableSlots = table.length;
        // as many states per chunk as fit in CHUNK_BYTES, a power of two (at least one)
        chunkBits = Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, CHUNK_BYTES / (8 * words))));
        int maxEncoded = words * 13; // a run of one word: up to 5 header bytes and 8 of the word
        byteChunk = Math.max(CHUNK_BYTES, maxEncoded);
        scratch = rle ? new byte[maxEncoded] : null;
        addr = rle ? new long[cap] : null;
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
        if (rle) {
            return equalsEncoded(id, s);
        }
        long[] c = chunks[id >>> chunkBits];
        int off = (id & ((1 << chunkBits) - 1)) * w;
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
        if (id + 1 > parent.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, parent.length * 2L);
            int[] p = Arrays.copyOf(parent, n);
            byte[] v = Arrays.copyOf(via, n);
            long[] a = rle ? Arrays.copyOf(addr, n) : null;
            parent = p;
            via = v;
            addr = a;
        }
        if (rle) {
            storeEncoded(id, s);
        } else {
            int ci = id >>> chunkBits;
            if (ci == chunks.length) {
                chunks = Arrays.copyOf(chunks, ci * 2);
            }
            if (chunks[ci] == null) {
                chunks[ci] = new long[(1 << chunkBits) * w];
            }
            System.arraycopy(s, 0, chunks[ci], (id & ((1 << chunkBits) - 1)) * w, w);
        }
        count++;
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
        tableSlots = t.length;
    }

    /**
     * Frees the fingerprint table once no state will be added or looked up again (the search has ended): the
     * cycle analysis and the report only load states and follow parent links. After this, add and find fail.
     */
    void dropIndex() {
        table = null;
    }

    void load(int id, long[] into) {
        if (rle) {
            decode(id, into);
            return;
        }
        System.arraycopy(chunks[id >>> chunkBits], (id & ((1 << chunkBits) - 1)) * w, into, 0, w);
    }

    /** The parent of a state (-1 for the initial state). */
    int parent(int id) {
        return parent[id];
    }

    /** The actor whose step first reached the state. */
    int via(int id) {
        return via[id];
    }

    /** Memory allocated for the stored states (arena chunks, parent/actor/address arrays, hash table), per state. */
    double bytesPerState() {
        if (count == 0) {
            return 0;
        }
        double arena;
        if (rle) {
            arena = (double) byteChunks * byteChunk + addr.length * 8.0;
        } else {
            long used = Arrays.stream(chunks).filter(java.util.Objects::nonNull).count();
            arena = used * (1L << chunkBits) * w * 8.0;
        }
        return (arena + parent.length * 5.0 + tableSlots * 8.0) / count;
    }

    // ------------------------------------------------------------------------------ run-length encoded states

    /**
     * Encodes s into scratch: per run of equal words a varint {@code run << 4 | n} and the word's n low bytes
     * (little-endian; its high zero bytes dropped, so an all-empty run of page slots is one or two bytes).
     */
    private int encode(long[] s) {
        int n = 0;
        int i = 0;
        while (i < w) {
            long v = s[i];
            int j = i + 1;
            while (j < w && s[j] == v) {
                j++;
            }
            int len = (71 - Long.numberOfLeadingZeros(v)) >>> 3; // bytes holding v: 0 for 0, 8 for a full word
            for (long h = ((long) (j - i) << 4) | len; ; h >>>= 7) {
                if (h < 0x80) {
                    scratch[n++] = (byte) h;
                    break;
                }
                scratch[n++] = (byte) (h | 0x80);
            }
            for (int k = 0; k < len; k++) {
                scratch[n++] = (byte) (v >>> (8 * k));
            }
            i = j;
        }
        return n;
    }

    /** Reads the run at p of encoding b: returns its end position, the run length and the word in run/value. */
    private static int readRun(byte[] b, int p, int[] run, long[] value) {
        long h = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[p++];
            h |= (long) (x & 0x7f) << shift;
            if (x >= 0) {
                break;
            }
        }
        int len = (int) (h & 15);
        long v = 0;
        for (int k = 0; k < len; k++) {
            v |= (b[p++] & 0xffL) << (8 * k);
        }
        run[0] = (int) (h >>> 4);
        value[0] = v;
        return p;
    }

    private void storeEncoded(int id, long[] s) {
        int n = encode(s);
        if (byteChunks == 0 || fill + n > byteChunk) {
            if (byteChunks == bytes.length) {
                bytes = Arrays.copyOf(bytes, byteChunks * 2);
            }
            bytes[byteChunks] = new byte[byteChunk];
            byteChunks++;
            fill = 0;
        }
        System.arraycopy(scratch, 0, bytes[byteChunks - 1], fill, n);
        addr[id] = ((long) (byteChunks - 1) << 32) | fill;
        fill += n;
    }

    private boolean equalsEncoded(int id, long[] s) {
        byte[] b = bytes[(int) (addr[id] >>> 32)];
        int p = (int) addr[id];
        int i = 0;
        while (i < w) {
            p = readRun(b, p, runTmp, valueTmp);
            long v = valueTmp[0];
            for (int end = i + runTmp[0]; i < end; i++) {
                if (s[i] != v) {
                    return false;
                }
            }
        }
        return true;
    }

    private void decode(int id, long[] into) {
        byte[] b = bytes[(int) (addr[id] >>> 32)];
        int p = (int) addr[id];
        int i = 0;
        while (i < w) {
            p = readRun(b, p, runTmp, valueTmp);
            Arrays.fill(into, i, i + runTmp[0], valueTmp[0]);
            i += runTmp[0];
        }
    }
}
