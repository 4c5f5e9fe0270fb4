package dev.pinscope.engine.internal;

/**
 * Head-room an exploration keeps so that running out of memory costs only the rest of the search, not what it
 * found: when an allocation fails the explorer drops this block, together with the store's fingerprint table and
 * the edge list (neither is read once the search has stopped), which leaves enough heap to build the PARTIAL report
 * (witness paths, lassos found so far) and return it while other threads go on allocating.
 *
 * <p>One block for the whole JVM, made by the first exploration and kept for the next ones; only an exploration
 * that used it leaves the next one to make it again. A block per exploration (1/16 of the heap, zeroed, and after
 * a GC had shrunk the heap committed again, each time) cost an exploration of 100,000 states more than its search:
 * EngineBenchmark A ran at half its speed. Explorations running at the same time share the block; the one that
 * fills the heap frees it for all.
 */
final class MemoryReserve {

    /** The start of {@code ExplorationReport.partialReason()} when memory stopped the search. */
    static final String REASON = "memory";

    @SuppressWarnings("unused") // held, never read: its only job is to be freed
    private static byte[] block;

    private MemoryReserve() {
    }

    /** Makes the block unless it is there: 1/16 of the heap, between 4 MB and 64 MB (a report is a few MB at most). */
    static synchronized void ensure() {
        if (block == null) {
            long size = Math.max(4L << 20, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16));
            block = new byte[(int) size];
        }
    }

    /** Frees the block; returns the reason to report, naming how far the search got. */
    static synchronized String release(long states) {
        block = null;
        return REASON + ": the heap filled after " + states + " states (give Java more with -Xmx, or lower --max-states)";
    }
}
