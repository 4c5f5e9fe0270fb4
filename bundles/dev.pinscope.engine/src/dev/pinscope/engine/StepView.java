package dev.pinscope.engine;

import dev.pinscope.engine.internal.Views;
import java.util.List;

/**
 * One step of a trace with the states on both sides of it, for code that decides whether a step matters (the
 * debugger's breakpoints): the step just taken ({@link Run#lastStep()}) or a replayed one ({@link Run#scan}).
 * Frames and kernel snapshots are built only when asked for.
 */
public final class StepView {
    private final Views views;
    private final long[] before;
    private final long[] after;
    private final StepRecord record;
    private KernelSnapshot snapBefore;
    private KernelSnapshot snapAfter;
    private int events = -1;

    StepView(Views views, long[] before, long[] after, StepRecord record) {
        this.views = views;
        this.before = before;
        this.after = after;
        this.record = record;
    }

    /** 0-based index of the step; the state after it is position {@code index() + 1}. */
    public long index() {
        return record.index();
    }

    public int actor() {
        return record.actor();
    }

    /** The step: where the actor was, its label, what happened. */
    public StepRecord record() {
        return record;
    }

    /** The stepping actor's frames before the step, innermost first. */
    public List<Frame> framesBefore() {
        return views.frames(before, record.actor());
    }

    /** The stepping actor after the step. */
    public ActorView actorAfter() {
        return views.actor(after, record.actor());
    }

    public KernelSnapshot snapshotBefore() {
        if (snapBefore == null) {
            snapBefore = views.snapshot(before, record.index());
        }
        return snapBefore;
    }

    public KernelSnapshot snapshotAfter() {
        if (snapAfter == null) {
            snapAfter = views.snapshot(after, record.index() + 1);
        }
        return snapAfter;
    }

    /** Whether this step caused {@code event}: the one definition the debugger's event breakpoints use. */
    public boolean happened(StepEvent event) {
        if (events < 0) {
            events = views.events(before, after, record.actor());
        }
        return (events & event.bit()) != 0;
    }
}
