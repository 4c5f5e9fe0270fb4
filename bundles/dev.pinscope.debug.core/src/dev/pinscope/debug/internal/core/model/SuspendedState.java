package dev.pinscope.debug.internal.core.model;

import java.util.List;

import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.StepRecord;

/**
 * What the views show at one position of the run, captured once per suspend so that label providers on
 * other threads never touch the (non-thread-safe) engine run.
 *
 * @param now      the kernel state and actors at the current position
 * @param previous the state before the last step (null at the start): what "changed" is measured against
 * @param lastStep the step that led here, or null
 */
public record SuspendedState(long position, long length, KernelSnapshot now, KernelSnapshot previous,
        StepRecord lastStep, boolean runTerminated, boolean deadlocked) {

    public static SuspendedState capture(Run run, KernelSnapshot previous, StepRecord lastStep) {
        return new SuspendedState(run.position(), run.length(), run.snapshot(), previous, lastStep,
                run.isTerminated(), run.isDeadlocked());
    }

    public ActorView actor(int index) {
        return now.actors().get(index);
    }

    /** The actor before the last step, or null at the start. */
    public ActorView previousActor(int index) {
        return previous == null ? null : previous.actors().get(index);
    }

    public List<ActorView> actors() {
        return now.actors();
    }
}
