package dev.pinscope.engine;

import dev.pinscope.engine.internal.Machine;
import dev.pinscope.engine.internal.Views;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.ScheduleStepSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One execution of a simulation, driven interactively ({@link #step(int)}) or by a {@link Scheduler}. The trace
 * stores one byte per step (the actor) plus a full state every {@code checkpointInterval} steps; any earlier
 * position is rebuilt by replaying from the nearest checkpoint, so {@link #goTo}/{@link #stepBack} work on
 * traces of millions of steps in a few MB. Runs are deterministic: the same actor sequence gives the same trace.
 * Not thread-safe; a UI should drive a Run from one thread.
 */
public final class Run {
    private final Simulation sim;
    private final Machine m;
    private final Views views;
    private final int interval;
    private long[] state;
    private byte[] actorsByStep = new byte[1024];
    private long length;
    private long pos;
    private final List<long[]> checkpoints = new ArrayList<>();
    private int rrNext;

    Run(Simulation sim, Machine m, Views views) {
        this.sim = sim;
        this.m = m;
        this.views = views;
        this.interval = Math.max(1, sim.options().checkpointInterval());
        this.state = m.initial();
        checkpoints.add(state.clone());
    }

    public Simulation simulation() {
        return sim;
    }

    /** Current position: the number of steps executed to reach the current state. */
    public long position() {
        return pos;
    }

    /** Number of recorded steps (position can be smaller after goTo/stepBack). */
    public long length() {
        return length;
    }

    public boolean isRunnable(int actor) {
        return m.runnable(state, actor);
    }

    public List<Integer> runnableActors() {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < m.actorCount(); a++) {
            if (m.runnable(state, a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** No actor can move although some have not finished (forever actors count as unfinished). */
    public boolean isDeadlocked() {
        boolean anyLive = false;
        for (int a = 0; a < m.actorCount(); a++) {
            int w = m.waitCode(state, a);
            if (w == 0) {
                return false;
            }
            anyLive |= w > 0;
        }
        return anyLive;
    }

    /**
     * Every pinner has returned and every actor that does not repeat forever has finished — or nothing can run.
     */
    public boolean isTerminated() {
        return terminated();
    }

    /** Executes one step of the actor; throws IllegalStateException if it is finished or blocked. */
    public StepRecord step(int actor) {
        if (actor < 0 || actor >= m.actorCount()) {
            throw new IllegalArgumentException("no actor #" + actor);
        }
        if (!m.runnable(state, actor)) {
            throw new IllegalStateException(m.actorName(actor) + " is not runnable ("
                    + (m.done(state, actor) ? "finished" : "waiting for " + m.waitText(m.waitCode(state, actor)))
                    + ")");
        }
        StringBuilder ev = new StringBuilder();
        StepRecord before = views.describeNext(state, actor, pos, null);
        long[] was = state.clone();
        m.step(state, actor, ev);
        record(actor);
        return before.taken(ev.toString(), views.outcome(was, state, actor));
    }

    private void record(int actor) {
        if (pos < length && actorsByStep[(int) pos] != actor) {
            // a different step than the recorded one: the old future is discarded (new branch)
            length = pos;
            int keep = (int) (pos / interval) + 1;
            while (checkpoints.size() > keep) {
                checkpoints.remove(checkpoints.size() - 1);
            }
        }
        if (pos == length) {
            if (length == actorsByStep.length) {
                if (length >= Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("trace too long");
                }
                actorsByStep = Arrays.copyOf(actorsByStep, (int) Math.min(Integer.MAX_VALUE - 8, length * 2));
            }
            actorsByStep[(int) length] = (byte) actor;
            length++;
        }
        pos++;
        if (pos % interval == 0 && checkpoints.size() == pos / interval) {
            checkpoints.add(state.clone());
        }
    }

    /** Moves to the state after {@code step} recorded steps (0 = initial state), replaying from a checkpoint. */
    public void goTo(long step) {
        if (step < 0 || step > length) {
            throw new IllegalArgumentException("step " + step + " outside 0.." + length);
        }
        int c = (int) Math.min(step / interval, checkpoints.size() - 1);
        state = checkpoints.get(c).clone();
        long p = (long) c * interval;
        while (p < step) {
            m.step(state, actorsByStep[(int) p], null);
            p++;
        }
        pos = step;
    }

    /** Goes one step back; false at the initial state. */
    public boolean stepBack() {
        if (pos == 0) {
            return false;
        }
        goTo(pos - 1);
        return true;
    }

    /** The recorded step i (0-based), with its event text, rebuilt by replay. */
    public StepRecord record(long i) {
        return records(i, i + 1).get(0);
    }

    /** Recorded steps [from, to), rebuilt by one replay. */
    public List<StepRecord> records(long from, long to) {
        if (from < 0 || to > length || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside 0.." + length);
        }
        List<StepRecord> out = new ArrayList<>();
        int c = (int) Math.min(from / interval, checkpoints.size() - 1);
        long[] s = checkpoints.get(c).clone();
        long p = (long) c * interval;
        while (p < from) {
            m.step(s, actorsByStep[(int) p], null);
            p++;
        }
        while (p < to) {
            int a = actorsByStep[(int) p];
            StepRecord before = views.describeNext(s, a, p, null);
            StringBuilder ev = new StringBuilder();
            long[] was = s.clone();
            m.step(s, a, ev);
            out.add(before.taken(ev.toString(), views.outcome(was, s, a)));
            p++;
        }
        return out;
    }

    /** The actor of recorded step i. */
    public int actorOf(long i) {
        return actorsByStep[(int) i];
    }

    /** Actor names of steps [0, length): a schedule that reproduces this trace. */
    public List<String> schedule() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            out.add(m.actorName(actorsByStep[i]));
        }
        return out;
    }

    public ActorView actor(int a) {
        return views.actor(state, a);
    }

    public List<ActorView> actors() {
        List<ActorView> out = new ArrayList<>();
        for (int a = 0; a < m.actorCount(); a++) {
            out.add(views.actor(state, a));
        }
        return out;
    }

    /** The record the actor's next step would get (function, line, label), without executing it. */
    public StepRecord peek(int actor) {
        return views.describeNext(state, actor, pos, null);
    }

    public KernelSnapshot snapshot() {
        return views.snapshot(state, pos);
    }

    /** A pinner's result at the current position, null while it runs. */
    public Errno result(int pinner) {
        return m.result(state, pinner);
    }

    /** Copy of the packed state (for tools that compare states). */
    public long[] packedState() {
        return state.clone();
    }

    // ------------------------------------------------------------------------------------------ schedulers

    /** Runs from the current position with the scheduler until terminated, deadlocked or maxSteps total steps. */
    public RunResult runWith(Scheduler scheduler, long maxSteps) {
        return runWith(scheduler, maxSteps, null);
    }

    /**
     * As {@link #runWith(Scheduler, long)}, stopping before a step the condition selects (status BREAKPOINT) or
     * when it is cancelled (status CANCELLED). A scripted schedule restarts from its first step on each call.
     */
    public RunResult runWith(Scheduler scheduler, long maxSteps, StopCondition stop) {
        this.stop = stop;
        try {
            return drive(scheduler, maxSteps);
        } catch (Stopped s) {
            return result(s.cancelled ? RunResult.Status.CANCELLED : RunResult.Status.BREAKPOINT, 0, s.getMessage());
        } finally {
            this.stop = null;
        }
    }

    /** Steps actor a until it has returned to a frame no deeper than now (debugger "step over"). */
    public List<StepRecord> stepOver(int a) {
        return stepUntilDepth(a, stackDepth(a));
    }

    /** Steps actor a until it has returned from the current function (debugger "step return"). */
    public List<StepRecord> stepReturn(int a) {
        return stepUntilDepth(a, stackDepth(a) - 1);
    }

    /** Number of frames of the actor (0 when finished). */
    public int stackDepth(int a) {
        return views.frames(state, a).size() * (m.done(state, a) ? 0 : 1);
    }

    private List<StepRecord> stepUntilDepth(int a, int depth) {
        List<StepRecord> out = new ArrayList<>();
        if (!m.runnable(state, a)) {
            return out;
        }
        out.add(step(a));
        while (m.runnable(state, a) && stackDepth(a) > depth) {
            out.add(step(a));
        }
        return out;
    }

    private static final class Stopped extends RuntimeException {
        final boolean cancelled;

        Stopped(String msg, boolean cancelled) {
            super(msg, null, false, false);
            this.cancelled = cancelled;
        }
    }

    private StopCondition stop;

    private RunResult drive(Scheduler scheduler, long maxSteps) {
        switch (scheduler) {
            case Scheduler.Scripted sc -> {
                RunResult err = script(sc.steps(), maxSteps);
                if (err != null) {
                    return err;
                }
                rrNext = 0;
                return roundRobin(maxSteps);
            }
            case Scheduler.RoundRobin rr -> {
                return roundRobin(maxSteps);
            }
            case Scheduler.SeededRandom r -> {
                SplittableRandom rnd = new SplittableRandom(r.seed());
                int[] buf = new int[m.actorCount()];
                while (true) {
                    RunResult end = endCheck(maxSteps);
                    if (end != null) {
                        return end;
                    }
                    int n = 0;
                    for (int a = 0; a < m.actorCount(); a++) {
                        if (m.runnable(state, a)) {
                            buf[n++] = a;
                        }
                    }
                    stepQuiet(buf[rnd.nextInt(n)]);
                }
            }
        }
    }

    private RunResult roundRobin(long maxSteps) {
        while (true) {
            RunResult end = endCheck(maxSteps);
            if (end != null) {
                return end;
            }
            int n = m.actorCount();
            for (int k = 0; k < n; k++) {
                int a = (rrNext + k) % n;
                if (m.runnable(state, a)) {
                    stepQuiet(a);
                    rrNext = (a + 1) % n;
                    break;
                }
            }
        }
    }

    private void stepQuiet(int a) {
        if (stop != null) {
            if ((pos & 1023) == 0 && stop.isCancelled()) {
                throw new Stopped("cancelled at step " + pos, true);
            }
            StepRecord next = views.describeNext(state, a, pos, "");
            if (stop.stopBefore(next)) {
                throw new Stopped("stopped before " + next.actorName() + " " + next.function() + ":" + next.line()
                        + " [" + next.label() + "]", false);
            }
        }
        m.step(state, a, null);
        record(a);
    }

    private RunResult endCheck(long maxSteps) {
        if (terminated()) {
            return result(isDeadlocked() ? RunResult.Status.DEADLOCK : RunResult.Status.COMPLETED, 0, null);
        }
        if (pos >= maxSteps) {
            return result(RunResult.Status.MAX_STEPS, 0, "stopped after " + maxSteps + " steps");
        }
        return null;
    }

    /** All pinners returned and all finite actors finished, or no actor can run. */
    boolean terminated() {
        boolean anyRunnable = false;
        boolean allDone = true;
        for (int a = 0; a < m.actorCount(); a++) {
            int w = m.waitCode(state, a);
            anyRunnable |= w == 0;
            if (w >= 0 && !m.isForever(a)) {
                allDone = false;
            }
        }
        return allDone || !anyRunnable;
    }

    private RunResult result(RunResult.Status st, int idx, String msg) {
        List<RunResult.PinnerResult> rs = new ArrayList<>();
        for (int a = 0; a < m.actorCount(); a++) {
            if (m.isPinner(a)) {
                Errno e = m.result(state, a);
                ActorView v = views.actor(state, a);
                rs.add(new RunResult.PinnerResult(m.actorName(a), e, v.pinnedPages(), m.stalePfnUsed(state, a)));
            }
        }
        if (st == RunResult.Status.DEADLOCK && msg == null) {
            StringBuilder sb = new StringBuilder("deadlock:");
            for (int a = 0; a < m.actorCount(); a++) {
                int w = m.waitCode(state, a);
                if (w > 0) {
                    sb.append(' ').append(m.actorName(a)).append(" waits for ").append(m.waitText(w)).append(';');
                }
            }
            msg = sb.toString();
        }
        return new RunResult(st, pos, rs, idx, msg);
    }

    private boolean labelMatches(int a, String label) {
        return label.equals(views.labelOfNext(state, a)) || label.equals(views.lineLabelOfNext(state, a));
    }

    /** Plays the scripted steps; returns a SCHEDULE_ERROR/MAX_STEPS result, or null when the script is done. */
    private RunResult script(List<ScheduleStepSpec> steps, long maxSteps) {
        for (int k = 0; k < steps.size(); k++) {
            ScheduleStepSpec st = steps.get(k);
            int a = st.actor();
            String what = "schedule step " + (k + 1) + " (" + m.actorName(a)
                    + (st.until() != null && !st.until().isEmpty() ? " until " + st.until()
                            : st.count() < 0 ? " to the end" : " x" + st.count()) + ")";
            if (!m.runnable(state, a)) {
                if (st.optional()) {
                    continue;
                }
                return result(RunResult.Status.SCHEDULE_ERROR, k + 1, what + ": " + m.actorName(a) + " is "
                        + (m.done(state, a) ? "finished" : "blocked on " + m.waitText(m.waitCode(state, a))));
            }
            if (st.until() != null && !st.until().isEmpty()) {
                stepQuiet(a);
                while (!labelMatches(a, st.until())) {
                    if (pos >= maxSteps) {
                        return result(RunResult.Status.MAX_STEPS, k + 1, what + ": step bound reached");
                    }
                    if (!m.runnable(state, a)) {
                        if (st.optional()) {
                            break;
                        }
                        return result(RunResult.Status.SCHEDULE_ERROR, k + 1, what + ": " + m.actorName(a)
                                + (m.done(state, a) ? " finished" : " blocked on " + m.waitText(m.waitCode(state, a)))
                                + " before reaching " + st.until());
                    }
                    stepQuiet(a);
                }
            } else if (st.count() < 0) {
                while (m.runnable(state, a)) {
                    if (pos >= maxSteps) {
                        return result(RunResult.Status.MAX_STEPS, k + 1, what + ": step bound reached");
                    }
                    stepQuiet(a);
                }
            } else {
                for (int i = 0; i < st.count(); i++) {
                    if (!m.runnable(state, a)) {
                        if (st.optional()) {
                            break;
                        }
                        return result(RunResult.Status.SCHEDULE_ERROR, k + 1, what + ": " + m.actorName(a)
                                + (m.done(state, a) ? " finished" : " blocked on " + m.waitText(m.waitCode(state, a)))
                                + " after " + i + " steps");
                    }
                    if (pos >= maxSteps) {
                        return result(RunResult.Status.MAX_STEPS, k + 1, what + ": step bound reached");
                    }
                    stepQuiet(a);
                }
            }
        }
        return null;
    }
}
