package dev.pinscope.engine.internal;

import java.util.Arrays;

/**
 * The explored graph's edges, recorded by the breadth-first search as it expands each state, so that the cycle
 * analysis walks int arrays instead of recomputing every successor (a step, a hash and a probe per edge, which
 * made the analysis cost as much as the search again). Per edge 5 bytes: the target's id and the actor; per
 * expanded state 4 bytes: where its edges start. Edges of a state are contiguous and in the search's expansion
 * order, so SCCs and lassos come out exactly as when they were recomputed. Chunked, so growing never copies more
 * than the chunk index.
 */
final class EdgeList {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private int[][] targets = new int[8][];
    private byte[][] actors = new byte[8][];
    private int[] start = new int[1 << 12];
    private int states; // states whose edges are recorded: [0, states)
    private int edges;

    /** Starts the edges of the next state; states are recorded in id order, 0, 1, 2, ... */
    void beginState(int id) {
        if (id != states) {
            throw new IllegalStateException("engine bug: edges of state " + id + " recorded after " + states);
        }
        if (states + 1 >= start.length) {
            start = Arrays.copyOf(start, (int) Math.min(Integer.MAX_VALUE - 8, start.length * 2L));
        }
        start[states++] = edges;
        start[states] = edges;
    }

    /** Appends an edge of the state begun last. */
    void add(int target, int actor) {
        if (edges == Integer.MAX_VALUE - 1) {
            throw new OutOfMemoryError("edge list full (2^31 edges)");
        }
        int ci = edges >>> CHUNK_BITS;
        if (ci == targets.length) {
            targets = Arrays.copyOf(targets, ci * 2);
            actors = Arrays.copyOf(actors, ci * 2);
        }
        if (targets[ci] == null) {
            // allocate both before counting: an OutOfMemoryError here leaves the list as it was
            int[] t = new int[CHUNK];
            byte[] a = new byte[CHUNK];
            targets[ci] = t;
            actors[ci] = a;
        }
        targets[ci][edges & (CHUNK - 1)] = target;
        actors[ci][edges & (CHUNK - 1)] = (byte) actor;
        edges++;
        start[states] = edges;
    }

    /** Index of the first edge of state x. */
    int first(int x) {
        return x < states ? start[x] : 0;
    }

    /** One past the last edge of state x (equal to first(x) for a state that was never expanded). */
    int end(int x) {
        return x < states ? start[x + 1] : 0;
    }

    int target(int e) {
        return targets[e >>> CHUNK_BITS][e & (CHUNK - 1)];
    }

    int actor(int e) {
        return actors[e >>> CHUNK_BITS][e & (CHUNK - 1)];
    }

    int size() {
        return edges;
    }

    /** Bytes allocated (chunks and the start index). */
    long bytes() {
        long chunks = Arrays.stream(targets).filter(java.util.Objects::nonNull).count();
        return chunks * CHUNK * 5L + start.length * 4L;
    }
}
