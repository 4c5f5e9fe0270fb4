package dev.pinscope.engine.internal;

/**
 * Head-room an exploration keeps so that running out of memory costs only the rest of the search, not what it
 * found: the explorer holds this block while it stores states and drops it when an allocation fails, which leaves
 * enough heap to build the PARTIAL report (witness paths, lassos found so far) and return it.
 */
final class MemoryReserve {

    /** The start of {@code ExplorationReport.partialReason()} when memory stopped the search. */
    static final String REASON = "memory";

    @SuppressWarnings("unused") // held, never read: its only job is to be freed
    private byte[] block;

    MemoryReserve() {
        // 1/16 of the heap, between 4 MB and 64 MB: a witness path is kilobytes, the report a few megabytes at most
        long size = Math.max(4L << 20, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16));
        block = new byte[(int) size];
    }

    /** Frees the block; returns the reason to report, naming how far the search got. */
    String release(long states) {
        block = null;
        return REASON + ": the heap filled after " + states + " states (give Java more with -Xmx, or lower --max-states)";
    }
}
