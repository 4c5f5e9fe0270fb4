package dev.pinscope.debug.internal.core.model;

import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeDebugTarget.StepKind;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;

/** An actor of the scenario as a thread: its call stack is the engine's frames, innermost first. */
public final class PinscopeThread extends PinscopeDebugElement implements IThread {

    private final int actor;
    private volatile IBreakpoint breakpoint;
    private volatile PinscopeStackFrame[] frames;
    private volatile SuspendedState framesOf;
    /** The function the actor's work starts in (its outermost frame at the start), named by its final frame. */
    private volatile String entry;

    public PinscopeThread(PinscopeDebugTarget target, int actor) {
        super(target);
        this.actor = actor;
    }

    public int actorIndex() {
        return actor;
    }

    public ActorView view() {
        return target().state().actor(actor);
    }

    /** Remembers the actor's outermost function from its frames at the start of the run. */
    public void noteEntry(List<Frame> framesAtStart) {
        if (!framesAtStart.isEmpty()) {
            entry = framesAtStart.get(framesAtStart.size() - 1).function();
        }
    }

    public void setBreakpoint(IBreakpoint hit) {
        breakpoint = hit;
    }

    // -- events are fired from the target, which owns the run
    @Override
    public void fireCreationEvent() {
        super.fireCreationEvent();
    }

    @Override
    public void fireSuspendEvent(int detail) {
        super.fireSuspendEvent(detail);
    }

    @Override
    public void fireResumeEvent(int detail) {
        super.fireResumeEvent(detail);
    }

    @Override
    public void fireTerminateEvent() {
        super.fireTerminateEvent();
    }

    /**
     * The frames at the current position, innermost first. They are made once per position and belong to it
     * (see {@link PinscopeStackFrame#equals}): after a step the Debug view sees new elements, selects the new
     * top frame and the debug context changes, so the listing's instruction pointer and the Variables view
     * follow without anyone re-selecting a frame.
     */
    @Override
    public IStackFrame[] getStackFrames() throws DebugException {
        if (!isSuspended()) {
            return new IStackFrame[0];
        }
        SuspendedState st = target().state();
        PinscopeStackFrame[] f = frames;
        if (f == null || framesOf != st) {
            ActorView v = st.actor(actor);
            List<Frame> engine = v.frames();
            if (engine.isEmpty() && v.status() == ActorView.Status.FINISHED) {
                // a finished actor keeps one frame: what it returned, so Variables shows the end of the run
                f = new PinscopeStackFrame[] {PinscopeStackFrame.finished(this, st, FinalFrame.of(v, entry, target().simulation().listing()))};
            } else {
                f = new PinscopeStackFrame[engine.size()];
                for (int i = 0; i < f.length; i++) {
                    // depth from the outermost frame: "the same frame" before and after a step, for changed values
                    f[i] = new PinscopeStackFrame(this, st, engine.size() - 1 - i, engine.get(i));
                }
            }
            frames = f;
            framesOf = st;
        }
        return f.clone();
    }

    @Override
    public boolean hasStackFrames() throws DebugException {
        ActorView v = view();
        return isSuspended() && (!v.frames().isEmpty() || v.status() == ActorView.Status.FINISHED);
    }

    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public IStackFrame getTopStackFrame() throws DebugException {
        IStackFrame[] f = getStackFrames();
        return f.length == 0 ? null : f[0];
    }

    @Override
    public String getName() {
        ActorView v = view();
        return v.name() + " (" + kindName(v.kind()) + ")";
    }

    /** "runnable", "blocked on mmap_lock", "finished: -EINVAL". */
    public String statusText() {
        ActorView v = view();
        return switch (v.status()) {
            case RUNNABLE -> "runnable";
            case BLOCKED -> "blocked on " + v.waitingFor();
            case FINISHED -> v.result() == null ? "finished"
                    : "finished: " + v.result().kernelName()
                            + (v.result() == dev.pinscope.engine.spec.Errno.OK ? " (" + v.pinnedPages() + " pages pinned)" : "")
                            + (v.stalePfn() ? " STALE PFN" : "");
        };
    }

    static String kindName(ActorView.Kind k) {
        return switch (k) {
            case PINNER -> "pinner";
            case ZAPPER -> "zapper";
            case WALKER -> "page-table walker";
            case CPU_ACCESS -> "CPU access";
            case SIGNAL_SENDER -> "signal sender";
            case UNMAPPER -> "munmap";
        };
    }

    @Override
    public IBreakpoint[] getBreakpoints() {
        IBreakpoint b = breakpoint;
        return b == null ? new IBreakpoint[0] : new IBreakpoint[] { b };
    }

    @Override
    public boolean canResume() {
        return target().canResume();
    }

    @Override
    public boolean canSuspend() {
        return target().canSuspend();
    }

    @Override
    public boolean isSuspended() {
        return target().isSuspended() && !target().isTerminated();
    }

    @Override
    public void resume() throws DebugException {
        target().resume();
    }

    @Override
    public void suspend() throws DebugException {
        target().suspend();
    }

    @Override
    public boolean canStepInto() {
        return target().canStep(actor);
    }

    @Override
    public boolean canStepOver() {
        return target().canStep(actor);
    }

    @Override
    public boolean canStepReturn() {
        return target().canStep(actor) && view().frames().size() > 1;
    }

    @Override
    public boolean isStepping() {
        return false;
    }

    @Override
    public void stepInto() throws DebugException {
        target().step(actor, StepKind.INTO);
    }

    @Override
    public void stepOver() throws DebugException {
        target().step(actor, StepKind.OVER);
    }

    @Override
    public void stepReturn() throws DebugException {
        target().step(actor, StepKind.RETURN);
    }

    @Override
    public boolean canTerminate() {
        return target().canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return target().isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        target().terminate();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinscopeThread t && t.getDebugTarget() == getDebugTarget() && t.actor == actor;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(getDebugTarget()) * 31 + actor;
    }
}
