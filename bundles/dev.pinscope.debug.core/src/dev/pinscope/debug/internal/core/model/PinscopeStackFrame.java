package dev.pinscope.debug.internal.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;

/** One engine frame: a function of the listing, the line it is at, its locals and the kernel state. */
public final class PinscopeStackFrame extends PinscopeDebugElement implements IStackFrame {

    private final PinscopeThread thread;
    /** 0 = outermost frame. */
    private final int depth;
    private final Frame frame;
    /** The position this frame was taken at; a frame is only ever equal to frames of the same position. */
    private final SuspendedState state;
    /** The final frame of a finished actor ({@link FinalFrame}): what it returned, no step left. */
    private final boolean finished;

    public PinscopeStackFrame(PinscopeThread thread, SuspendedState state, int depth, Frame frame) {
        this(thread, state, depth, frame, false);
    }

    private PinscopeStackFrame(PinscopeThread thread, SuspendedState state, int depth, Frame frame, boolean finished) {
        super(thread.target());
        this.thread = thread;
        this.state = state;
        this.depth = depth;
        this.frame = frame;
        this.finished = finished;
    }

    /** The one frame a finished actor shows: {@code frame} says what it returned (see {@link FinalFrame}). */
    public static PinscopeStackFrame finished(PinscopeThread thread, SuspendedState state, Frame frame) {
        return new PinscopeStackFrame(thread, state, 0, frame, true);
    }

    /** Whether this is a finished actor's final frame rather than a frame of its call stack. */
    public boolean isFinal() {
        return finished;
    }

    public Frame frame() {
        return frame;
    }

    /** The listing line's label (F2_READ, RETRY, …) for the innermost frame, null for callers. */
    public String label() {
        return frame.label();
    }

    @Override
    public IThread getThread() {
        return thread;
    }

    @Override
    public IVariable[] getVariables() throws DebugException {
        SuspendedState st = state;
        Frame before = finished ? null : previousFrame(st);
        List<IVariable> out = new ArrayList<>();
        for (Frame.Variable v : frame.locals()) {
            String old = before == null ? null : before.locals().stream().filter(x -> x.name().equals(v.name()))
                    .map(Frame.Variable::value).findFirst().orElse(null);
            // a frame that was just pushed has no earlier values: nothing in it "changed"
            boolean changed = before != null && !Objects.equals(old, v.value());
            out.add(new PinscopeVariable(target(), v.name(), new PinscopeValue(target(), v.value(), List.of()), changed));
        }
        out.add(KernelVariables.kernelNode(target(), st));
        return out.toArray(IVariable[]::new);
    }

    /** The same frame (same depth and function) before the last step, or null. */
    private Frame previousFrame(SuspendedState st) {
        ActorView prev = st.previousActor(thread.actorIndex());
        if (prev == null) {
            return null;
        }
        List<Frame> fs = prev.frames();
        int idx = fs.size() - 1 - depth;
        if (idx < 0 || idx >= fs.size() || !fs.get(idx).function().equals(frame.function())) {
            return null;
        }
        return fs.get(idx);
    }

    @Override
    public boolean hasVariables() throws DebugException {
        return true;
    }

    @Override
    public int getLineNumber() {
        return frame.line();
    }

    @Override
    public int getCharStart() {
        return -1;
    }

    @Override
    public int getCharEnd() {
        return -1;
    }

    @Override
    public String getName() {
        if (finished) {
            return FinalFrame.name(frame);
        }
        return frame.function() + "() line " + frame.line() + (frame.label() == null ? "" : " [" + frame.label() + "]");
    }

    @Override
    public IRegisterGroup[] getRegisterGroups() {
        return new IRegisterGroup[0];
    }

    @Override
    public boolean hasRegisterGroups() {
        return false;
    }

    @Override
    public boolean canStepInto() {
        return thread.canStepInto();
    }

    @Override
    public boolean canStepOver() {
        return thread.canStepOver();
    }

    @Override
    public boolean canStepReturn() {
        return thread.canStepReturn();
    }

    @Override
    public boolean isStepping() {
        return false;
    }

    @Override
    public void stepInto() throws DebugException {
        thread.stepInto();
    }

    @Override
    public void stepOver() throws DebugException {
        thread.stepOver();
    }

    @Override
    public void stepReturn() throws DebugException {
        thread.stepReturn();
    }

    @Override
    public boolean canResume() {
        return thread.canResume();
    }

    @Override
    public boolean canSuspend() {
        return thread.canSuspend();
    }

    /**
     * Only a frame of the current position is suspended: a frame of an earlier position is history, so the
     * Debug view lets the next step (of any actor) move the selection away from it.
     */
    @Override
    public boolean isSuspended() {
        return thread.isSuspended() && target().state() == state;
    }

    @Override
    public void resume() throws DebugException {
        thread.resume();
    }

    @Override
    public void suspend() throws DebugException {
        thread.suspend();
    }

    @Override
    public boolean canTerminate() {
        return thread.canTerminate();
    }

    @Override
    public boolean isTerminated() {
        return thread.isTerminated();
    }

    @Override
    public void terminate() throws DebugException {
        thread.terminate();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinscopeStackFrame f && f.state == state && f.thread.equals(thread) && f.depth == depth
                && f.finished == finished && f.frame.function().equals(frame.function());
    }

    @Override
    public int hashCode() {
        return (thread.hashCode() * 37 + depth * 7 + frame.function().hashCode()) * 31 + Long.hashCode(state.position());
    }
}
