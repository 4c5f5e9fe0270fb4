package dev.pinscope.debug.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;

import dev.pinscope.debug.internal.core.breakpoints.BreakpointChecker;
import dev.pinscope.debug.internal.core.model.PinscopeThread;
import dev.pinscope.debug.internal.core.model.RaceHistory;
import dev.pinscope.debug.internal.core.model.SuspendedState;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.HitIndex;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.StepRecord;

/**
 * One engine {@link Run} as an Eclipse debug target: a thread per actor, the trace as the history that
 * Step Back, Run Back and the Timeline move in. The engine knows nothing of Eclipse; this class only
 * drives the run (always under its monitor, the run is not thread-safe) and fires the DebugEvents that
 * update the views.
 */
public final class PinscopeDebugTarget extends DebugElement implements IDebugTarget {

    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();
    /** Order of creation: a newer run takes the Debug view's selection from an older one. */
    private final long serial = SERIALS.incrementAndGet();
    /** Why the run last stopped, shown in the target's label. */
    private volatile String stopReason = "not started";
    private final ILaunch launch;
    private final Simulation simulation;
    private final Run run;
    private final Path file;
    private final String scheduler;
    private final List<Integer> preloaded;
    private final int loopStart;
    private final boolean honourBreakpoints;
    private final PinscopeThread[] threads;
    private final BreakpointChecker breakpoints;
    private final RaceHistory history;
    /** Where the breakpoints hit along the trace, for Run Back (under this target's monitor). */
    private final HitIndex hits;
    private volatile boolean suspended = true;
    private volatile boolean terminated;
    private volatile boolean suspendRequested;
    private volatile SuspendedState state;
    private Job resumeJob;

    /**
     * @param preloaded actor indices to replay on Resume before the scheduler takes over (may be empty)
     * @param loopStart index in {@code preloaded} where a lasso's loop begins, or -1
     */
    public PinscopeDebugTarget(ILaunch launch, Simulation simulation, Path file, String scheduler, long seed,
            List<Integer> preloaded, int loopStart, boolean honourBreakpoints) {
        super(null);
        this.launch = launch;
        this.simulation = simulation;
        this.file = file;
        this.scheduler = scheduler == null ? PinscopeLaunch.SCHEDULER_SCRIPT : scheduler;
        this.preloaded = List.copyOf(preloaded);
        this.loopStart = loopStart >= 0 && loopStart < preloaded.size() ? loopStart : -1;
        this.run = simulation.newRun(engineScheduler(this.scheduler, seed, this.preloaded, this.loopStart));
        run.indexLines();
        this.honourBreakpoints = honourBreakpoints;
        List<String> names = simulation.actorNames();
        threads = new PinscopeThread[names.size()];
        for (int a = 0; a < threads.length; a++) {
            threads[a] = new PinscopeThread(this, a);
        }
        breakpoints = new BreakpointChecker(simulation.listing());
        hits = new HitIndex(run, v -> breakpoints.hit(v) != null, breakpoints.lines(), breakpoints.events());
        history = new RaceHistory(simulation);
        state = SuspendedState.capture(run, null, null);
        for (PinscopeThread t : threads) {
            t.noteEntry(state.actor(t.actorIndex()).frames());
        }
        DebugPlugin.getDefault().getBreakpointManager().addBreakpointListener(this);
    }

    /** Announces the target and its threads, then suspends before the first step or starts running. */
    public void start(boolean stopAtFirstStep) {
        fireCreationEvent();
        for (PinscopeThread t : threads) {
            t.fireCreationEvent();
        }
        if (stopAtFirstStep) {
            stopReason = "suspended before the first step";
            suspended = true;
            threads[firstPinner()].fireSuspendEvent(DebugEvent.CLIENT_REQUEST);
        } else {
            suspended = true;
            resumeAsync();
        }
    }

    // ------------------------------------------------------------------------------------- engine access

    /** Creation order of targets (higher = newer). */
    public long serial() {
        return serial;
    }

    /** Zaps, splits, faults and reads along the trace, for the diagram (synchronize on this target). */
    public RaceHistory history() {
        return history;
    }

    /** The engine run behind this target (tests and tools; synchronize on this target while using it). */
    public Run run() {
        return run;
    }

    public Simulation simulation() {
        return simulation;
    }

    /** The scenario file, or null. */
    public Path file() {
        return file;
    }

    public String schedulerName() {
        return scheduler;
    }

    /** The preloaded schedule (actor indices), empty when none. */
    public List<Integer> preloadedSchedule() {
        return preloaded;
    }

    /** Where the lasso's loop starts in the preloaded schedule, or -1. */
    public int loopStart() {
        return loopStart;
    }

    /** What the views show while suspended: actors, frames, kernel state now and before the last step. */
    public SuspendedState state() {
        return state;
    }

    public PinscopeThread thread(int actor) {
        return threads[actor];
    }

    public PinscopeThread thread(String actorName) {
        int i = simulation.actorNames().indexOf(actorName);
        return i < 0 ? null : threads[i];
    }

    public String stopReason() {
        return stopReason;
    }

    private int firstPinner() {
        List<Integer> p = simulation.pinners();
        return p.isEmpty() ? 0 : p.get(0);
    }

    // --------------------------------------------------------------------------------------- scheduling

    /**
     * The engine's scheduler for a launch: the one {@code pinscope run --scheduler} uses, so Resume takes the
     * CLI's steps. A preloaded schedule (a witness, a lasso, the scenario's script played out) is replayed
     * first, by position, and a lasso's loop forever after it; then the configured scheduler chooses.
     */
    static Scheduler engineScheduler(String name, long seed, List<Integer> preloaded, int loopStart) {
        Scheduler then = switch (name) {
            case PinscopeLaunch.SCHEDULER_RANDOM -> Scheduler.random(seed);
            case PinscopeLaunch.SCHEDULER_INTERACTIVE -> Scheduler.interactive();
            default -> Scheduler.roundRobin();
        };
        return preloaded.isEmpty() ? then : new Scheduler.Replay(preloaded, loopStart, then);
    }

    /** What Resume would do now: which actor the scheduler moves, or why it moves none (nothing changes). */
    public synchronized Scheduler.Decision nextDecision() {
        return run.decide();
    }

    /** The step {@code actor} would take next (function, line, label), or null when it cannot move. */
    public synchronized StepRecord peek(int actor) {
        return run.isRunnable(actor) || !run.actor(actor).frames().isEmpty() ? run.peek(actor) : null;
    }

    /** Step phase of recorded step i for the Timeline: "stem", "loop" or null (no lasso). */
    public String phaseOf(long i) {
        if (loopStart < 0) {
            return null;
        }
        return i < loopStart ? "stem" : "loop";
    }

    /**
     * One engine step of {@code actor} under the monitor; returns the breakpoint hit by arriving at the new
     * state, or null.
     */
    private IBreakpoint stepOnce(int actor, boolean scheduled) {
        long branches = run.branches();
        if (scheduled) {
            run.stepScheduled();
        } else {
            run.step(actor);
        }
        long index = run.position() - 1;
        if (run.branches() != branches) {
            // a new branch: what followed is no longer the trace
            history.truncate(index);
            hits.truncate(index);
        }
        if (!honourBreakpoints || !DebugPlugin.getDefault().getBreakpointManager().isEnabled()) {
            return null;
        }
        IBreakpoint hit = breakpoints.hit(run.lastStep());
        hits.observed(index, hit != null);
        return hit;
    }

    // ------------------------------------------------------------------------------ run control (threads)

    /** Kinds of thread steps. */
    public enum StepKind { INTO, OVER, RETURN }

    public boolean canStep(int actor) {
        return suspended && !terminated && state.actor(actor).status() == ActorView.Status.RUNNABLE;
    }

    /** Step into/over/return for one actor; other actors do not move. Synchronous, fires RESUME then SUSPEND. */
    public void step(int actor, StepKind kind) throws DebugException {
        if (!canStep(actor)) {
            throw new DebugException(Status.error(simulation.actorNames().get(actor) + " cannot step now"));
        }
        int detail = switch (kind) {
            case INTO -> DebugEvent.STEP_INTO;
            case OVER -> DebugEvent.STEP_OVER;
            case RETURN -> DebugEvent.STEP_RETURN;
        };
        suspended = false;
        threads[actor].fireResumeEvent(detail);
        IBreakpoint hit = null;
        synchronized (this) {
            KernelSnapshot prev = run.snapshot();
            StepRecord last = null;
            int depth = run.actor(actor).frames().size();
            long limit = run.position() + simulation.maxSteps();
            do {
                hit = stepOnce(actor, false);
                last = run.record(run.position() - 1);
                int now = run.actor(actor).frames().size();
                boolean done = switch (kind) {
                    case INTO -> true;
                    case OVER -> now <= depth;
                    case RETURN -> now < depth;
                };
                if (done || hit != null || !run.isRunnable(actor) || run.position() >= limit) {
                    break;
                }
                prev = run.snapshot();
            } while (true);
            history.extendTo(run);
            state = SuspendedState.capture(run, prev, last);
        }
        suspendAfter(actor, hit, DebugEvent.STEP_END);
    }

    /** Lets the user pick who moves next (Scheduler view): one step of {@code actor}. */
    public void stepActor(int actor) throws DebugException {
        step(actor, StepKind.INTO);
    }

    /**
     * Announces the new position in one event set, as the platform expects: SUSPEND (STEP_END, BREAKPOINT or
     * CLIENT_REQUEST) on the thread that moved, so the Debug view selects its new top frame and the source and
     * Variables views follow the new debug context; CHANGE/CONTENT on every other thread (another actor's step
     * can unblock, block or finish it, and its frames now belong to the new position); CHANGE/STATE on the
     * target, whose label names the position.
     */
    private void suspendAfter(int actor, IBreakpoint hit, int detail) {
        suspended = true;
        stopReason = describeStop(hit);
        PinscopeThread t = threads[actor];
        List<DebugEvent> events = new ArrayList<>();
        for (PinscopeThread th : threads) {
            th.setBreakpoint(th == t ? hit : null);
            if (th == t) {
                events.add(new DebugEvent(th, DebugEvent.SUSPEND, hit != null ? DebugEvent.BREAKPOINT : detail));
                if (state.actor(actor).frames().isEmpty()) {
                    // finished by the step: after a step-kind RESUME the Debug view relabels a thread on SUSPEND
                    // through its new top frame, here its final frame, so its label would keep "runnable at ..."
                    events.add(new DebugEvent(th, DebugEvent.CHANGE, DebugEvent.STATE));
                    // and its old call stack must go from the tree for its final frame ("... returned -EINVAL"),
                    // or an old frame stays selected and Variables shows the previous step
                    events.add(new DebugEvent(th, DebugEvent.CHANGE, DebugEvent.CONTENT));
                }
            } else {
                events.add(new DebugEvent(th, DebugEvent.CHANGE, DebugEvent.CONTENT));
            }
        }
        events.add(new DebugEvent(this, DebugEvent.CHANGE, DebugEvent.STATE));
        fireEvents(events);
    }

    private static void fireEvents(List<DebugEvent> events) {
        DebugPlugin d = DebugPlugin.getDefault();
        if (d != null) {
            d.fireDebugEventSet(events.toArray(DebugEvent[]::new));
        }
    }

    private String describeStop(IBreakpoint hit) {
        if (hit != null) {
            return "breakpoint: " + breakpoints.describe(hit);
        }
        if (run.isTerminated()) {
            StringBuilder sb = new StringBuilder(run.isDeadlocked() ? "deadlocked" : "finished");
            for (int p : simulation.pinners()) {
                var r = run.result(p);
                sb.append(p == simulation.pinners().get(0) ? ": " : ", ").append(simulation.actorNames().get(p))
                        .append(" → ").append(r == null ? "did not return" : r.kernelName());
            }
            return sb.toString();
        }
        return "suspended";
    }

    // ------------------------------------------------------------------------------ run control (target)

    @Override
    public boolean canResume() {
        return suspended && !terminated;
    }

    @Override
    public boolean canSuspend() {
        return !suspended && !terminated;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void resume() throws DebugException {
        resumeAsync();
    }

    private synchronized void resumeAsync() {
        if (!canResume()) {
            return;
        }
        suspendRequested = false;
        suspended = false;
        stopReason = "running";
        fireResumeEvent(DebugEvent.CLIENT_REQUEST);
        resumeJob = Job.create("Running " + simulation.spec().name(), (IProgressMonitor monitor) -> {
            runUntilStop(monitor);
            return Status.OK_STATUS;
        });
        resumeJob.setSystem(true);
        resumeJob.schedule();
    }

    /** Resumes and waits until the target suspends again (for tests and tools); false on timeout. */
    public boolean resumeAndWait(long timeoutMillis) throws DebugException {
        resume();
        Job j = resumeJob;
        long end = System.currentTimeMillis() + timeoutMillis;
        while (j != null && j.getState() != Job.NONE && System.currentTimeMillis() < end) {
            try {
                j.join(50, null);
            } catch (InterruptedException | org.eclipse.core.runtime.OperationCanceledException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return suspended;
    }

    private void runUntilStop(IProgressMonitor monitor) {
        IBreakpoint hit = null;
        int actor = -1;
        boolean more = true;
        long limit = simulation.maxSteps();
        while (more) {
            // the monitor is released between chunks so the views can read the trace while a lasso loops
            synchronized (this) {
                for (int chunk = 0; chunk < 2000; chunk++) {
                    if (terminated || suspendRequested || monitor.isCanceled() || run.position() >= limit) {
                        more = false;
                        break;
                    }
                    if (!(run.decide() instanceof Scheduler.Decision.Step next)) {
                        more = false; // the run is over, the script failed, or the next pick is the user's
                        break;
                    }
                    actor = next.actor();
                    hit = stepOnce(actor, true);
                    if (hit != null) {
                        more = false;
                        break;
                    }
                }
            }
        }
        synchronized (this) {
            KernelSnapshot prev = null;
            StepRecord last = null;
            if (run.position() > 0) {
                long p = run.position();
                last = run.record(p - 1);
                run.goTo(p - 1);
                prev = run.snapshot();
                run.goTo(p);
            }
            history.extendTo(run);
            state = SuspendedState.capture(run, prev, last);
            if (actor < 0) {
                actor = last != null ? last.actor() : firstPinner();
            }
        }
        if (terminated) {
            return;
        }
        if (!honourBreakpoints && run.isTerminated()) {
            // run mode: nothing to inspect interactively, the run is over
            stopReason = describeStop(null);
            suspended = true;
            terminateQuietly();
            return;
        }
        // a breakpoint, the user's Suspend, or the run's end (also a stop the user asked for with Resume)
        suspendAfter(actor, hit, DebugEvent.CLIENT_REQUEST);
    }

    @Override
    public void suspend() throws DebugException {
        suspendRequested = true;
    }

    // ------------------------------------------------------------------------------- history (trace)

    public boolean canStepBack() {
        return suspended && !terminated && run.position() > 0;
    }

    /** Undoes the last step by replaying the trace; fires RESUME/SUSPEND(STEP_END) so the views follow. */
    public void stepBack() throws DebugException {
        if (!canStepBack()) {
            return;
        }
        goTo(run.position() - 1);
    }

    /** Moves to the state after {@code step} recorded steps (Timeline click, Run Back). */
    public void goTo(long step) throws DebugException {
        if (!suspended || terminated) {
            throw new DebugException(Status.error("the run must be suspended to move in its trace"));
        }
        int actor;
        synchronized (this) {
            if (step < 0 || step > run.length()) {
                throw new DebugException(Status.error("step " + step + " is outside the trace 0.." + run.length()));
            }
            KernelSnapshot prev = null;
            StepRecord last = null;
            if (step > 0) {
                run.goTo(step - 1);
                prev = run.snapshot();
                last = run.record(step - 1);
            }
            run.goTo(step);
            history.extendTo(run);
            state = SuspendedState.capture(run, prev, last);
            actor = last != null ? last.actor() : firstPinner();
        }
        suspended = false;
        threads[actor].fireResumeEvent(DebugEvent.STEP_INTO);
        suspendAfter(actor, null, DebugEvent.STEP_END);
    }

    /**
     * Goes back to the most recent earlier position where a breakpoint was hit (or to the start). The hits are
     * kept as the trace is recorded and, where nobody tested the breakpoints yet (they changed since), found
     * one checkpoint segment at a time going backwards, so this does not replay the trace from its start.
     */
    public void runBackToBreakpoint() throws DebugException {
        if (!canStepBack()) {
            return;
        }
        long target;
        IBreakpoint[] found = new IBreakpoint[1];
        synchronized (this) {
            target = hits.previous(run.position());
            if (target > 0) {
                run.scan(target - 1, target, v -> found[0] = breakpoints.hit(v));
            }
        }
        goTo(target);
        if (found[0] != null) {
            stopReason = "breakpoint (run back): " + breakpoints.describe(found[0]);
        }
    }

    // --------------------------------------------------------------------------------------- plumbing

    @Override
    public boolean canTerminate() {
        return !terminated;
    }

    @Override
    public boolean isTerminated() {
        return terminated;
    }

    @Override
    public void terminate() throws DebugException {
        suspendRequested = true;
        terminateQuietly();
    }

    private void terminateQuietly() {
        if (terminated) {
            return;
        }
        terminated = true;
        suspended = false;
        DebugPlugin.getDefault().getBreakpointManager().removeBreakpointListener(this);
        for (PinscopeThread t : threads) {
            t.fireTerminateEvent();
        }
        fireTerminateEvent();
    }

    @Override
    public IDebugTarget getDebugTarget() {
        return this;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public String getModelIdentifier() {
        return PinscopeLaunch.MODEL_ID;
    }

    @Override
    public IProcess getProcess() {
        return null;
    }

    @Override
    public IThread[] getThreads() throws DebugException {
        return terminated ? new IThread[0] : threads.clone();
    }

    @Override
    public boolean hasThreads() throws DebugException {
        return !terminated && threads.length > 0;
    }

    @Override
    public String getName() throws DebugException {
        String policy = simulation.policy().name();
        String where = "step " + run.position() + "/" + run.length();
        return simulation.spec().name() + " [" + policy + ", " + scheduler + "] — " + where + ", " + stopReason;
    }

    @Override
    public boolean supportsBreakpoint(IBreakpoint breakpoint) {
        return PinscopeLaunch.MODEL_ID.equals(breakpoint.getModelIdentifier());
    }

    @Override
    public void breakpointAdded(IBreakpoint breakpoint) {
        breakpointsChanged();
    }

    @Override
    public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpointsChanged();
    }

    @Override
    public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
        breakpointsChanged();
    }

    /** Hits found for the old breakpoints no longer count. */
    private synchronized void breakpointsChanged() {
        breakpoints.invalidate();
        hits.invalidate(breakpoints.lines(), breakpoints.events());
    }

    @Override
    public boolean canDisconnect() {
        return false;
    }

    @Override
    public void disconnect() throws DebugException {
    }

    @Override
    public boolean isDisconnected() {
        return false;
    }

    @Override
    public boolean supportsStorageRetrieval() {
        return false;
    }

    @Override
    public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
        return null;
    }

    /** Labels of all recorded steps in [from, to) for the Timeline. */
    public synchronized List<StepRecord> records(long from, long to) {
        to = Math.min(to, run.length());
        return from >= to ? new ArrayList<>() : run.records(from, to);
    }
}
