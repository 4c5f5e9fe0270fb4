package dev.pinscope.engine.internal;

import java.util.Arrays;

/**
 * The second half of the partial-order reduction: an actor z's next step t, taken alone although it is not
 * {@link Machine#localNext local}, because in state s every path to a result passes through it and it can be moved
 * to the front of every such path without changing the path's length or end. Checked by a small search of the
 * region R of states reachable from s while z stands still. With φ(u) = u after z's step (computed whether or not
 * z may take it in u):
 * <ol>
 * <li>no pinner finishes inside R, and every state of R has a runnable actor (z itself, at least): so every path
 * from s to a result, a violation or a deadlock leaves R, and it leaves it by z's step (actors are
 * deterministic);</li>
 * <li>for every step u → u' of another actor b inside R, b can take the same step from φ(u) and it leads to
 * φ(u'): the states after z's step mirror R's steps one for one;</li>
 * <li>R has no cycle (a run that postpones z forever, a livelock or starvation the reduced graph must keep) and its
 * paths, unrolled as a tree, have at most {@link #BUDGET} states (otherwise the check gives up: it never decides
 * from a partial R).</li>
 * </ol>
 * Then every path from s, s → u1 → … → uk (inside R) → t(uk) → π, has the mirror s → t(s) = φ(s) → φ(u1) → … →
 * φ(uk) = t(uk) → π, of the same length and with the same end (where z may step, φ(uk) is its real step): results,
 * violations and deadlocks keep their shortest-witness lengths, the guarantee the pinner-local reduction gives by
 * taking only steps that every path contains. The mirror states are real states, reached by checked steps from
 * t(s), so condition 2 needs no trust in what z's step does where z would block: a lock z waits for in u (a
 * page-table lock the pinner holds while it reads another page) only has to be free again by the time z steps.
 * Every infinite path leaves R too, so the explorer's cycle proviso (a reduced expansion that closes a cycle is
 * expanded fully) keeps livelocks and starvations. In a pinner-versus-reset race this takes the reset's zap of a
 * page the pinner has passed alone while the pinner, at the next page, will wait for the memory_lock the reset
 * holds: the interleavings of the pinner's per-page path with each such zap become one.
 */
final class InevitableStep {
    /** States of R walked per candidate before the check gives up (R is usually a chain of a pinner's steps). */
    static final int BUDGET = 16;
    /** Candidates tried per state: each costs up to {@link #BUDGET} states of R. */
    private static final int MAX_CANDIDATES = 2;
    /** Other runnable actors beyond which R, unrolled, would exceed the budget within a few steps. */
    private static final int MAX_OTHERS = 1;
    /** Failures in a row before an actor's checks are rationed. */
    private static final int FREE_FAILURES = 16;
    private final int[] failures;
    private final int[] chances;

    private final Machine m;
    private final int W;
    private final int A;
    private final long[][] pool; // the DFS path through R: a state per frame
    private final long[][] mirror; // φ of each
    private final int[] next; // DFS: the next actor to try from each frame's state
    private final long[] succMirror;
    private int nodes; // states of R walked

    InevitableStep(Machine m) {
        this.m = m;
        this.W = m.words();
        this.A = m.actorCount();
        pool = new long[BUDGET][W];
        mirror = new long[BUDGET][W];
        next = new int[BUDGET];
        succMirror = new long[W];
        failures = new int[A];
        chances = new int[A];
    }

    /**
     * An actor whose next step from s may be taken alone, or -1; runnable has bit a set for each actor a that can
     * step in s (the explorer knows it already). The check costs tens of steps, and where the others can do much
     * while z stands still it fails (the budget runs out) state after state, so it is rationed: a candidate with
     * more than {@link #MAX_OTHERS} other runnable actors is not tried, and after {@link #FREE_FAILURES} fruitless
     * tries in a row (the check failed, or the step it allowed led to a state already stored) an actor is tried at
     * every 2nd, 4th, … up to every 256th chance until a try pays again. Which states are reduced then depends on
     * the order of the search, which is deterministic, and never on the verdicts: every reduced state passed the
     * whole check.
     */
    int find(long[] s, long runnable) {
        int tries = 0;
        // zappers, walkers, CPU threads and signals first: with a pinner frozen, a zapper usually runs far
        for (int pass = 0; pass < 2 && tries < MAX_CANDIDATES; pass++) {
            for (int z = 0; z < A && tries < MAX_CANDIDATES; z++) {
                if (m.isPinner(z) != (pass == 1) || (runnable & 1L << z) == 0
                        || Long.bitCount(runnable & ~(1L << z)) > MAX_OTHERS) {
                    continue;
                }
                if (rationed(failures, chances, z)) {
                    continue;
                }
                tries++;
                if (inevitable(s, z)) {
                    return z; // the explorer says whether it led anywhere new (outcome)
                }
                failures[z]++;
            }
        }
        return -1;
    }

    /**
     * After {@link #FREE_FAILURES} fruitless tries of actor z in a row, true except at every 2nd, 4th, … up to
     * every 256th chance: the rationing of an expensive check that keeps failing (or keeps finding nothing new).
     */
    static boolean rationed(int[] failures, int[] chances, int z) {
        int streak = failures[z];
        if (streak < FREE_FAILURES) {
            return false;
        }
        int period = 1 << Math.min(8, (streak - FREE_FAILURES) >> 3);
        return (chances[z]++ & (period - 1)) != 0;
    }

    /**
     * What taking z's step alone led to: a state not stored before, or one the search knew (then the check paid
     * for nothing the full expansion would not have found as cheaply, and counts as fruitless).
     */
    void outcome(int z, boolean newState) {
        failures[z] = newState ? 0 : failures[z] + 1;
    }

    /**
     * The conditions of the class comment for actor z, runnable in state s: a depth-first walk of R unrolled as a
     * tree (a state met twice is walked twice), so a cycle of R can never be walked to its end and always runs into
     * the budget: R is accepted only when every path in it has been followed to a state where z alone can step.
     */
    boolean inevitable(long[] s, int z) {
        int b0 = 0;
        while (b0 < A && (b0 == z || !m.runnable(s, b0))) {
            b0++;
        }
        if (b0 == A) {
            return true; // R = {s}: z is the only actor that can step (the others wait, e.g. for the lock z holds)
        }
        nodes = 0;
        if (!enter(0, s, z)) {
            return false;
        }
        int sp = 0;
        next[0] = 0;
        while (sp >= 0) {
            long[] u = pool[sp];
            int b = next[sp];
            while (b < A && (b == z || !m.runnable(u, b))) {
                b++;
            }
            if (b == A) {
                sp--; // every step from u checked
                continue;
            }
            next[sp] = b + 1;
            if (sp + 1 == BUDGET || nodes == BUDGET) {
                return false; // R is too large (or has a cycle) to decide here
            }
            long[] v = pool[sp + 1];
            System.arraycopy(u, 0, v, 0, W);
            m.step(v, b, null);
            if (m.isPinner(b) && m.done(v, b)) {
                return false; // a result inside R
            }
            // condition 2: b's step from φ(u) must exist and lead to φ(v)
            if (!m.runnable(mirror[sp], b)) {
                return false;
            }
            System.arraycopy(mirror[sp], 0, succMirror, 0, W);
            m.step(succMirror, b, null);
            if (!enter(sp + 1, v, z) || !Arrays.equals(succMirror, mirror[sp + 1])) {
                return false;
            }
            sp++;
            next[sp] = 0;
        }
        return true;
    }

    /** Makes pool[i] = u (unless it is already) and its mirror; false when u has no runnable actor or no mirror. */
    private boolean enter(int i, long[] u, int z) {
        nodes++;
        boolean any = false;
        for (int a = 0; a < A && !any; a++) {
            any = m.runnable(u, a);
        }
        if (!any) {
            return false; // a deadlock inside R
        }
        if (pool[i] != u) {
            System.arraycopy(u, 0, pool[i], 0, W);
        }
        System.arraycopy(u, 0, mirror[i], 0, W);
        try {
            m.step(mirror[i], z, null);
        } catch (RuntimeException notHere) {
            // z's step where z would block may be undefined (an IllegalStateException from its dispatch): then
            // there is no mirror, and the step is not taken alone
            return false;
        }
        return true;
    }
}
