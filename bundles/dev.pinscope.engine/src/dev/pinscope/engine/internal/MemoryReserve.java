package dev.pinscope.engine.internal;

/**
 * Head-room an exploration keeps so that running out of memory costs only the rest of the search, not what it
 * found: the explorer holds this block while it stores states and drops it when an allocation fails, together
 * with the store's fingerprint table and the edge list (neither is read once the search has stopped), which
 * leaves enough heap to build the PARTIAL report (witness paths, lassos found so far) and return it.
 *
 * <p>The block itself is small on purpose: it only has to cover an exploration whose store is still small when
 * the heap fills (something else filled it). When the store is what filled the heap, its table, 16 to 32 bytes
 * per state, is the head-room, and it grows with the store for free. A block sized on the heap (it was 1/16 of it,
 * up to 64 MB) had to be zeroed, and after a GC had shrunk the heap committed again, at every exploration: for an
 * exploration of 100,000 states that cost more than the search (EngineBenchmark A at half its speed).
 */
final class MemoryReserve {

    /** The start of {@code ExplorationReport.partialReason()} when memory stopped the search. */
    static final String REASON = "memory";

    /** Below G1's humongous size for heaps of 2 GB and more (1 MiB regions), so holding it costs no GC work. */
    private static final int BLOCK_BYTES = 256 << 10;

    @SuppressWarnings("unused") // held, never read: its only job is to be freed
    private byte[] block = new byte[BLOCK_BYTES];

    /** Frees the block; returns the reason to report, naming how far the search got. */
    String release(long states) {
        block = null;
        return REASON + ": the heap filled after " + states + " states (give Java more with -Xmx, or lower --max-states)";
    }
}
