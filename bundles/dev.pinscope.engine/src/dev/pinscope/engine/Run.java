package dev.pinscope.engine;

import dev.pinscope.engine.internal.Machine;
import dev.pinscope.engine.internal.Views;
import dev.pinscope.engine.spec.Errno;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * One execution of a simulation, driven interactively ({@link #step(int)}) or by its {@link Scheduler}
 * ({@link #stepScheduled()}, {@link #runWith}). The trace stores one byte per step (the actor, and whether the
 * scheduler chose it) plus, every {@code checkpointInterval} steps, the full state and the scheduler's state;
 * any earlier position is rebuilt by replaying from the nearest checkpoint, so {@link #goTo}/{@link #stepBack}
 * work on traces of millions of steps in a few MB, and going back rewinds the scheduler with the kernel.
 * Runs are deterministic: the same actor sequence gives the same trace. Not thread-safe; a UI should drive a
 * Run from one thread.
 */
public final class Run {
    /** Mark on a step's byte: the scheduler chose it (its state moved by {@code choose}, not {@code observe}). */
    private static final int CHOSEN = 0x80;
    private static final int ACTOR = 0x7f;

    private final Simulation sim;
    private final Machine m;
    private final Views views;
    private final int interval;
    private long[] state;
    private byte[] steps = new byte[1024];
    private long length;
    private long pos;
    private final List<long[]> checkpoints = new ArrayList<>();
    /** Number of times the recorded future was cut by a step that differs from it. */
    private long branches;

    private Scheduler scheduler;
    /** Where the scheduler was adopted: its state there is its initial state. */
    private long schedulerFrom;
    /** The scheduler's state at {@link #pos}, valid when {@link #schedulerValid}. */
    private long schedulerState;
    private boolean schedulerValid = true;
    /** The scheduler's state at each checkpoint, known where {@link #checkpointSchedulerKnown} is set. */
    private long[] checkpointScheduler = new long[16];
    private final BitSet checkpointSchedulerKnown = new BitSet();

    /** Per checkpoint segment, the listing lines the stepping actors' stacks were at after its steps. */
    private BitSet[] segmentLines;
    /** Per checkpoint segment, the {@link StepEvent}s its steps caused (a mask); valid where segmentLines is set. */
    private int[] segmentEvents;

    private long[] lastBefore;
    private StepRecord lastRecord;

    Run(Simulation sim, Machine m, Views views, Scheduler scheduler) {
        this.sim = sim;
        this.m = m;
        this.views = views;
        this.interval = Math.max(1, sim.options().checkpointInterval());
        this.state = m.initial();
        this.scheduler = scheduler == null ? Scheduler.roundRobin() : scheduler;
        this.schedulerState = this.scheduler.initialState();
        checkpoints.add(state.clone());
        checkpointScheduler[0] = schedulerState;
        checkpointSchedulerKnown.set(0);
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

    /** Steps between checkpoints: the most any move in the trace replays. */
    public int checkpointInterval() {
        return interval;
    }

    /**
     * From now on, remembers per checkpoint segment which listing lines the stepping actor's frames were at
     * after each recorded step and which {@link StepEvent}s the steps caused (a few bits per segment), so a search
     * for a line or event breakpoint can skip segments that never reach its line ({@link #mayReach}) or never see
     * its event ({@link #mayHappen}). Costs a little on every step: off for batch runs.
     */
    public void indexLines() {
        if (segmentLines == null) {
            segmentLines = new BitSet[(int) (length / interval) + 16];
            segmentEvents = new int[segmentLines.length];
            linesFrom = length;
        }
    }

    /**
     * False only when no step of checkpoint segment {@code segment} caused any of {@code events} (a mask of
     * {@link StepEvent#bit()}s): an event breakpoint on them cannot be hit in it.
     */
    public boolean mayHappen(int segment, int events) {
        if (segmentLines == null || (long) segment * interval < linesFrom || segment >= segmentLines.length) {
            return true;
        }
        if (segmentLines[segment] == null) {
            return (long) segment * interval < length;
        }
        return (segmentEvents[segment] & events) != 0;
    }

    /** Steps before this were recorded before {@link #indexLines()}: their segments are not indexed. */
    private long linesFrom;

    /**
     * False only when no step of checkpoint segment {@code segment} (steps {@code segment * checkpointInterval}
     * on) left its actor with a frame at one of {@code lines}: a line breakpoint there cannot be hit in it.
     */
    public boolean mayReach(int segment, int[] lines) {
        if (segmentLines == null || (long) segment * interval < linesFrom || segment >= segmentLines.length) {
            return true;
        }
        BitSet b = segmentLines[segment];
        if (b == null) {
            return (long) segment * interval < length;
        }
        for (int l : lines) {
            if (l >= 0 && b.get(l)) {
                return true;
            }
        }
        return false;
    }

    /** Grows by one each time a step differs from the recorded one and cuts the old future off the trace. */
    public long branches() {
        return branches;
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
        return terminated(state);
    }

    /** Executes one step of the actor, chosen by the user; throws IllegalStateException if it cannot move. */
    public StepRecord step(int actor) {
        if (actor < 0 || actor >= m.actorCount()) {
            throw new IllegalArgumentException("no actor #" + actor);
        }
        if (!m.runnable(state, actor)) {
            throw new IllegalStateException(m.actorName(actor) + " is not runnable (" + whyNot(state, actor) + ")");
        }
        ensureSchedulerState();
        return take(actor, false, scheduler.observe(schedulerState, actor));
    }

    /** The scheduler's decision at the current position (nothing moves). */
    public Scheduler.Decision decide() {
        ensureSchedulerState();
        return scheduler.choose(live(), schedulerState);
    }

    /** Takes the step the scheduler chooses; throws IllegalStateException when it chooses none ({@link #decide}). */
    public StepRecord stepScheduled() {
        if (!(decide() instanceof Scheduler.Decision.Step s)) {
            throw new IllegalStateException("the " + scheduler + " scheduler chooses no step at " + pos);
        }
        return take(s.actor(), true, s.state());
    }

    private StepRecord take(int actor, boolean chosen, long schedulerAfter) {
        StringBuilder ev = new StringBuilder();
        StepRecord before = views.describeNext(state, actor, pos, null);
        long[] was = state.clone();
        m.step(state, actor, ev);
        schedulerState = schedulerAfter;
        record(actor, chosen, was);
        lastBefore = was;
        lastRecord = before.taken(ev.toString(), views.outcome(was, state, actor));
        return lastRecord;
    }

    /** The step just taken by {@link #step} or {@link #stepScheduled}, with the states around it; null if none. */
    public StepView lastStep() {
        return lastRecord == null || lastRecord.index() != pos - 1 ? null
                : new StepView(views, lastBefore, state.clone(), lastRecord);
    }

    /** The scheduler that {@link #stepScheduled} and {@link #runWith} use. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The scheduler's state at the current position (the random scheduler's generator, the script's step). */
    public long schedulerState() {
        ensureSchedulerState();
        return schedulerState;
    }

    /** Appends (or follows) the step just taken from state {@code was} (null when nothing is indexed). */
    private void record(int actor, boolean chosen, long[] was) {
        byte b = (byte) (actor | (chosen ? CHOSEN : 0));
        if (pos < length && steps[(int) pos] != b) {
            // a different step than the recorded one: the old future is discarded (new branch)
            length = pos;
            branches++;
            int keep = (int) (pos / interval) + 1;
            while (checkpoints.size() > keep) {
                checkpoints.remove(checkpoints.size() - 1);
            }
            checkpointSchedulerKnown.clear(keep, Math.max(keep, checkpointSchedulerKnown.length()));
            if (segmentLines != null) {
                // the segment of pos keeps the discarded steps' lines too: more than needed, never less
                Arrays.fill(segmentLines, Math.min(keep, segmentLines.length), segmentLines.length, null);
                Arrays.fill(segmentEvents, Math.min(keep, segmentEvents.length), segmentEvents.length, 0);
            }
        }
        if (pos == length) {
            if (length == steps.length) {
                if (length >= Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("trace too long");
                }
                steps = Arrays.copyOf(steps, (int) Math.min(Integer.MAX_VALUE - 8, length * 2));
            }
            steps[(int) length] = b;
            length++;
            if (segmentLines != null) {
                int seg = (int) (pos / interval);
                if (seg >= segmentLines.length) {
                    segmentLines = Arrays.copyOf(segmentLines, seg * 2 + 16);
                    segmentEvents = Arrays.copyOf(segmentEvents, segmentLines.length);
                }
                if (segmentLines[seg] == null) {
                    segmentLines[seg] = new BitSet();
                }
                views.stackLines(state, actor, segmentLines[seg]);
                segmentEvents[seg] |= views.events(was, state, actor);
            }
        }
        pos++;
        if (pos % interval == 0) {
            int c = (int) (pos / interval);
            if (checkpoints.size() == c) {
                checkpoints.add(state.clone());
            }
            rememberScheduler(c, schedulerState);
        }
    }

    private void rememberScheduler(int checkpoint, long s) {
        if (checkpoint >= checkpointScheduler.length) {
            checkpointScheduler = Arrays.copyOf(checkpointScheduler, Math.max(checkpoint + 1,
                    checkpointScheduler.length * 2));
        }
        checkpointScheduler[checkpoint] = s;
        checkpointSchedulerKnown.set(checkpoint);
    }

    /** Moves to the state after {@code step} recorded steps (0 = initial state), replaying from a checkpoint. */
    public void goTo(long step) {
        if (step < 0 || step > length) {
            throw new IllegalArgumentException("step " + step + " outside 0.." + length);
        }
        if (step == pos) {
            return;
        }
        int c = (int) Math.min(step / interval, checkpoints.size() - 1);
        state = checkpoints.get(c).clone();
        long p = (long) c * interval;
        while (p < step) {
            m.step(state, steps[(int) p] & ACTOR, null);
            p++;
        }
        pos = step;
        // rebuilt only when a step needs it: a Timeline full of jumps costs nothing for the scheduler
        schedulerValid = false;
    }

    /**
     * The scheduler's state at {@link #pos}: from the nearest checkpoint that knows it (or where the scheduler
     * was adopted), replaying the recorded steps and asking the scheduler again for each step it chose.
     */
    private void ensureSchedulerState() {
        if (schedulerValid) {
            return;
        }
        if (pos < schedulerFrom) {
            adopt(scheduler);
            return;
        }
        int c = (int) Math.min(pos / interval, checkpoints.size() - 1);
        while (c >= 0 && !(checkpointSchedulerKnown.get(c) && (long) c * interval >= schedulerFrom)) {
            c--;
        }
        long p;
        long st;
        long[] s;
        if (c >= 0) {
            p = (long) c * interval;
            st = checkpointScheduler[c];
            s = checkpoints.get(c).clone();
        } else {
            p = schedulerFrom;
            st = scheduler.initialState();
            s = stateAt(schedulerFrom);
        }
        while (p < pos) {
            int b = steps[(int) p];
            int a = b & ACTOR;
            if ((b & CHOSEN) != 0 && scheduler.choose(choices(s, p), st) instanceof Scheduler.Decision.Step d
                    && d.actor() == a) {
                st = d.state();
            } else {
                st = scheduler.observe(st, a);
            }
            m.step(s, a, null);
            p++;
            if (p % interval == 0 && p / interval < checkpoints.size()) {
                rememberScheduler((int) (p / interval), st);
            }
        }
        schedulerState = st;
        schedulerValid = true;
    }

    /** Uses {@code s} from the current position on: its state starts afresh here. */
    private void adopt(Scheduler s) {
        scheduler = s;
        schedulerFrom = pos;
        schedulerState = s.initialState();
        schedulerValid = true;
        checkpointSchedulerKnown.clear();
        if (pos % interval == 0 && pos / interval < checkpoints.size()) {
            rememberScheduler((int) (pos / interval), schedulerState);
        }
    }

    private long[] stateAt(long step) {
        int c = (int) Math.min(step / interval, checkpoints.size() - 1);
        long[] s = checkpoints.get(c).clone();
        for (long p = (long) c * interval; p < step; p++) {
            m.step(s, steps[(int) p] & ACTOR, null);
        }
        return s;
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
        List<StepRecord> out = new ArrayList<>();
        scan(from, to, v -> out.add(v.record()));
        return out;
    }

    /**
     * Replays the recorded steps [from, to) from the nearest checkpoint and shows each one, with the states
     * around it, to {@code visitor}. The run itself does not move.
     */
    public void scan(long from, long to, Consumer<StepView> visitor) {
        if (from < 0 || to > length || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " outside 0.." + length);
        }
        long[] s = stateAt(from);
        for (long p = from; p < to; p++) {
            int a = steps[(int) p] & ACTOR;
            StepRecord before = views.describeNext(s, a, p, null);
            StringBuilder ev = new StringBuilder();
            long[] was = s.clone();
            m.step(s, a, ev);
            visitor.accept(new StepView(views, was, s.clone(), before.taken(ev.toString(),
                    views.outcome(was, s, a))));
        }
    }

    /** The actor of recorded step i. */
    public int actorOf(long i) {
        return steps[(int) i] & ACTOR;
    }

    /** Actor names of steps [0, length): a schedule that reproduces this trace. */
    public List<String> schedule() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            out.add(m.actorName(steps[i] & ACTOR));
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
     * when it is cancelled (status CANCELLED). The run keeps the scheduler: another call with an equal scheduler
     * goes on where it stopped (a script at its current step); a different one starts afresh here.
     */
    public RunResult runWith(Scheduler scheduler, long maxSteps, StopCondition stop) {
        if (!scheduler.equals(this.scheduler)) {
            adopt(scheduler);
        }
        while (true) {
            Scheduler.Decision d = decide();
            switch (d) {
                case Scheduler.Decision.Step s -> {
                    if (pos >= maxSteps) {
                        return result(RunResult.Status.MAX_STEPS, scheduler.scheduleStep(schedulerState),
                                scheduler.boundMessage(live(), schedulerState, maxSteps));
                    }
                    if (stop != null) {
                        if ((pos & 1023) == 0 && stop.isCancelled()) {
                            return result(RunResult.Status.CANCELLED, 0, "cancelled at step " + pos);
                        }
                        StepRecord next = views.describeNext(state, s.actor(), pos, "");
                        if (stop.stopBefore(next)) {
                            return result(RunResult.Status.BREAKPOINT, 0, "stopped before " + next.actorName() + " "
                                    + next.function() + ":" + next.line() + " [" + next.label() + "]");
                        }
                    }
                    long[] was = segmentLines == null ? null : state.clone();
                    m.step(state, s.actor(), null);
                    schedulerState = s.state();
                    record(s.actor(), true, was);
                }
                case Scheduler.Decision.End e -> {
                    return result(isDeadlocked() ? RunResult.Status.DEADLOCK : RunResult.Status.COMPLETED, 0, null);
                }
                case Scheduler.Decision.Wait w -> {
                    return result(RunResult.Status.WAITING, 0, w.why());
                }
                case Scheduler.Decision.Error e -> {
                    return result(RunResult.Status.SCHEDULE_ERROR, e.scheduleStep(), e.message());
                }
            }
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

    /** All pinners returned and all finite actors finished, or no actor can run. */
    private boolean terminated(long[] s) {
        boolean anyRunnable = false;
        boolean allDone = true;
        for (int a = 0; a < m.actorCount(); a++) {
            int w = m.waitCode(s, a);
            anyRunnable |= w == 0;
            if (w >= 0 && !m.isForever(a)) {
                allDone = false;
            }
        }
        return allDone || !anyRunnable;
    }

    private String whyNot(long[] s, int a) {
        return m.done(s, a) ? "finished" : "blocked on " + m.waitText(m.waitCode(s, a));
    }

    /** What the scheduler sees in state s at position p (a replay's state). */
    private Scheduler.Choices choices(long[] s, long p) {
        Seen c = new Seen();
        c.s = s;
        c.p = p;
        return c;
    }

    /** The live state, reused on every step of a long run. */
    private Scheduler.Choices live() {
        live.s = state;
        live.p = pos;
        return live;
    }

    private final Seen live = new Seen();

    /** The scheduler's view of one state. */
    private final class Seen implements Scheduler.Choices {
        long[] s;
        long p;

        @Override
        public long position() {
            return p;
        }

        @Override
        public int actorCount() {
            return m.actorCount();
        }

        @Override
        public String actorName(int actor) {
            return m.actorName(actor);
        }

        @Override
        public boolean isRunnable(int actor) {
            return m.runnable(s, actor);
        }

        @Override
        public String whyNot(int actor) {
            return Run.this.whyNot(s, actor);
        }

        @Override
        public boolean isAbout(int actor, String label) {
            return label.equals(views.labelOfNext(s, actor)) || label.equals(views.lineLabelOfNext(s, actor));
        }

        @Override
        public boolean isTerminated() {
            return terminated(s);
        }
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
}
