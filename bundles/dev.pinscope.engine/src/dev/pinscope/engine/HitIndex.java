package dev.pinscope.engine;

import java.util.BitSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The positions of a {@link Run}'s trace reached by a step that matches a test (the debugger's breakpoints),
 * so Run Back to Previous Breakpoint answers without replaying the trace from its start. Steps tested on the
 * way forward are handed in ({@link #observed}); the parts of the trace nobody tested yet are tested one
 * checkpoint segment at a time, going backwards from where the question is asked, and remembered. Not
 * thread-safe: use it under the same lock as its run.
 */
public final class HitIndex {
    private final Run run;
    private final Predicate<StepView> test;
    /** Positions after a matching step (step i matching gives i + 1). */
    private final TreeSet<Long> hits = new TreeSet<>();
    /** Every step in [0, testedTo) has been tested. */
    private long testedTo;
    /** Checkpoint segments whose steps have all been tested. */
    private final BitSet testedSegments = new BitSet();

    /** Lines outside which the test never matches, or null (see {@link #HitIndex(Run, Predicate, int[], int)}). */
    private int[] lines;
    /** With {@link #lines}: the {@link StepEvent}s (a mask) the test also matches on. */
    private int events;

    public HitIndex(Run run, Predicate<StepView> test) {
        this(run, test, null);
    }

    /**
     * @param lines when not null, the test matches only steps after which the stepping actor has a frame at one
     *              of these listing lines (line breakpoints): segments {@link Run#mayReach} rules out are skipped
     */
    public HitIndex(Run run, Predicate<StepView> test, int[] lines) {
        this(run, test, lines, 0);
    }

    /**
     * @param lines  when not null, the test matches only steps after which the stepping actor has a frame at one
     *               of these listing lines (line breakpoints, possibly none) or that cause one of {@code events}
     *               (event breakpoints): segments that {@link Run#mayReach} and {@link Run#mayHappen} both rule
     *               out are skipped, so an event breakpoint set just now costs the segments where its event
     *               happens, not a replay of the trace
     * @param events a mask of {@link StepEvent#bit()}s, used only with {@code lines}
     */
    public HitIndex(Run run, Predicate<StepView> test, int[] lines, int events) {
        this.run = run;
        this.test = test;
        this.lines = lines == null ? null : lines.clone();
        this.events = events;
    }

    /** Whether a step of checkpoint segment {@code seg} may match, as far as the run's summaries tell. */
    private boolean mayMatch(int seg) {
        return lines == null || run.mayReach(seg, lines) || (events != 0 && run.mayHappen(seg, events));
    }

    /** Step {@code index} was tested on the way forward: it matched or not. */
    public void observed(long index, boolean hit) {
        if (hit) {
            hits.add(index + 1);
        }
        if (index == testedTo) {
            testedTo++;
            int k = run.checkpointInterval();
            while (testedTo % k == 0 && testedSegments.get((int) (testedTo / k))
                    && testedTo + k <= run.length()) {
                testedTo += k;
            }
        }
    }

    /**
     * The latest position before {@code position} that a matching step arrived at (the state after that step),
     * or 0 when no earlier step matches. Only steps before {@code position - 1} count: the step that arrived at
     * the current position is where the user already is.
     */
    public long previous(long position) {
        if (position < 2) {
            return 0;
        }
        long lastStep = position - 2; // steps 0..lastStep may be the answer
        if (lastStep < testedTo) {
            Long h = hits.lower(position);
            return h == null ? 0 : h;
        }
        int k = run.checkpointInterval();
        for (long seg = lastStep / k; seg >= 0; seg--) {
            long from = seg * k;
            long to = Math.min(from + k, run.length());
            if (to <= testedTo) {
                Long h = hits.lower(position);
                return h == null ? 0 : h;
            }
            if (!testedSegments.get((int) seg) && mayMatch((int) seg)) {
                run.scan(from, to, v -> {
                    if (test.test(v)) {
                        hits.add(v.index() + 1);
                    }
                });
                if (to - from == k) {
                    testedSegments.set((int) seg);
                }
            }
            Long h = hits.lower(position);
            if (h != null && h - 1 >= from) {
                return h;
            }
        }
        return 0;
    }

    /** The test changed (breakpoints added, removed, enabled): nothing tested so far counts. */
    public void invalidate(int[] newLines) {
        invalidate(newLines, 0);
    }

    /** As {@link #invalidate(int[])}, the test now matching on these lines and events. */
    public void invalidate(int[] newLines, int newEvents) {
        lines = newLines == null ? null : newLines.clone();
        events = newEvents;
        invalidate();
    }

    /** As {@link #invalidate(int[])} with the same lines and events. */
    public void invalidate() {
        hits.clear();
        testedTo = 0;
        testedSegments.clear();
    }

    /** The trace from step {@code index} on was replaced (a new branch). */
    public void truncate(long index) {
        hits.tailSet(index, false).clear();
        testedTo = Math.min(testedTo, index);
        int k = run.checkpointInterval();
        int seg = (int) (index / k);
        testedSegments.clear(seg, Math.max(seg, testedSegments.length()));
    }
}
