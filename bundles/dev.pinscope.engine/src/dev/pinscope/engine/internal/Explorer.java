package dev.pinscope.engine.internal;

import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExplorationReport.Deadlock;
import dev.pinscope.engine.ExplorationReport.Lasso;
import dev.pinscope.engine.ExplorationReport.ResultEntry;
import dev.pinscope.engine.ExplorationReport.Violation;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.spec.Errno;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exhaustive exploration of the interleavings of a compiled scenario.
 *
 * <p>Phase 1 (here) is a breadth-first search over packed states into a {@link StateStore}, so the first time a
 * result, a violation or a deadlock is seen its parent chain is a shortest witness: 8·words + 5 + 16..32 (table)
 * bytes per state, plus 5 bytes per transition for the {@link EdgeList} when cycles are looked for. Phase 2 is the
 * {@link CycleAnalysis} (livelocks and starvations) over that stored graph.
 */
public final class Explorer {
    private final Machine m;
    private final ExploreOptions opt;
    private final ExplorationMonitor mon;
    private final int W;
    private final int A;
    private final StateStore store;
    /** Resets dead page-table slots before a state is stored; null when off or when it can never apply. */
    private final DeadSlots dead;
    /** Finds a non-local step that every path to a result passes through; null when that reduction is off. */
    private final InevitableStep inevitable;
    /** Stores runs of one actor's inevitable steps as one edge; null with that reduction. */
    private final Chains chains;

    private long transitions;
    private String partial;
    private int expanded; // states [0, expanded) have been expanded

    public Explorer(Machine m, ExploreOptions opt, ExplorationMonitor mon) {
        this(m, opt, mon, m.words() >= StateStore.RLE_MIN_WORDS);
    }

    /** With the state encoding chosen by the caller: tests explore wide states both ways and compare. */
    Explorer(Machine m, ExploreOptions opt, ExplorationMonitor mon, boolean runLengthEncoded) {
        this.m = m;
        this.opt = opt;
        this.mon = mon == null ? ExplorationMonitor.NONE : mon;
        this.W = m.words();
        this.A = m.actorCount();
        this.store = new StateStore(W, runLengthEncoded);
        this.dead = opt.deadSlotReduction() ? DeadSlots.of(m) : null;
        this.inevitable = opt.partialOrderReduction() && opt.inevitableSteps() ? new InevitableStep(m) : null;
        this.chains = inevitable == null ? null : new Chains(m, inevitable);
    }

    /** The state as it is stored: dead slots reset when the reduction is on. */
    private long[] canonical(long[] s) {
        if (dead != null) {
            dead.canonicalize(s);
        }
        return s;
    }

    /** The same for s = step(parent, a), parent as stored. */
    private long[] canonical(long[] parent, long[] s, int a) {
        if (dead != null) {
            dead.canonicalize(parent, s, a);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------- successors

    /**
     * Fills actors[] with the actors to expand in state s (all runnable ones, or under partial-order reduction
     * one whose next step is local or {@link InevitableStep inevitable}) and returns how many; {@link #reduced}
     * tells which of the two it was.
     */
    int enabledToExpand(long[] s, int[] actors) {
        reduced = false;
        byInevitable = false;
        int n = 0;
        long runnable = 0;
        for (int a = 0; a < A; a++) {
            if (m.runnable(s, a)) {
                runnable |= 1L << a;
                if (opt.partialOrderReduction() && m.localNext(s, a)) {
                    actors[0] = a;
                    reduced = true;
                    return 1;
                }
                actors[n++] = a;
            }
        }
        if (n > 1 && inevitable != null && A <= 64) {
            int z = inevitable.find(s, runnable);
            if (z >= 0) {
                actors[0] = z;
                reduced = true;
                byInevitable = true;
                return 1;
            }
        }
        return n;
    }

    private boolean reduced;
    /** The reduced expansion is InevitableStep's choice (its outcome is reported back). */
    private boolean byInevitable;

    /** Fills actors[] with every runnable actor but one and returns how many. */
    private int runnableExcept(long[] s, int except, int[] actors) {
        int n = 0;
        for (int a = 0; a < A; a++) {
            if (a != except && m.runnable(s, a)) {
                actors[n++] = a;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------- phase 1

    public ExplorationReport run() {
        long t0 = System.nanoTime();
        long maxDepth = opt.maxDepth() > 0 ? opt.maxDepth() : m.maxStepsBound();

        int pinners = 0;
        for (int a = 0; a < A; a++) {
            if (m.isPinner(a)) {
                pinners++;
            }
        }
        // per pinner × errno: store.count() and first source state
        Errno[] errs = Errno.values();
        long[][] resCount = new long[A][errs.length];
        int[][] resSource = new int[A][errs.length];
        long[][] resPages = new long[A][errs.length];
        for (int[] r : resSource) {
            Arrays.fill(r, -1);
        }
        int[] violSource = new int[A];
        Arrays.fill(violSource, -1);
        List<Integer> deadlockStates = new ArrayList<>();
        // the cycle analysis reads the graph from here; without it (--no-cycles, no pinner) nothing is recorded
        EdgeList edges = opt.findCycles() && pinners > 0 ? new EdgeList() : null;
        long edgeBytes = 0;

        long[] cur = new long[W];
        long[] nxt = new long[W];
        int[] acts = new int[A];
        store.add(canonical(m.initial()), -1, 0);
        long depth = 0;
        int levelEnd = 1;
        int id = 0;
        boolean stopped = false; // cancelled, or out of memory: no cycle search
        try {
        MemoryReserve.ensure();
        for (;; id++) {
            while (id == levelEnd) {
                long next = depth + 1;
                if (id == store.count()) {
                    if (chains == null || !chains.holding()) {
                        break; // the search is done
                    }
                    next = chains.nextDepth(); // only runs' ends are left, further down
                }
                depth = next;
                if (chains != null) {
                    chains.flush(depth, (st, par, a) -> store.add(canonical(st), par, a));
                }
                levelEnd = store.count(); // the same as id when every run's end held for depth was known
            }
            if (id == store.count()) {
                break;
            }
            if ((id & 4095) == 0) {
                if (mon.isCancelled()) {
                    partial = "cancelled";
                    stopped = true;
                    break;
                }
                if ((id & 16383) == 0 && id > 0) {
                    mon.progress("reachability", store.count(), transitions, depth);
                }
            }
            if (depth >= maxDepth) {
                partial = "depth bound (maxSteps = " + maxDepth + ") reached";
                break;
            }
            store.load(id, cur);
            if (edges != null) {
                edges.beginState(id);
            }
            int n = enabledToExpand(cur, acts);
            if (n == 0) {
                boolean stuck = false;
                for (int a = 0; a < A; a++) {
                    if (m.waitCode(cur, a) > 0) {
                        stuck = true;
                    }
                }
                if (stuck && deadlockStates.size() < 10) {
                    deadlockStates.add(id);
                }
            }
            for (int k = 0; k < n; k++) {
                int a = acts[k];
                System.arraycopy(cur, 0, nxt, 0, W);
                m.step(nxt, a, null);
                transitions++;
                if ((reduced || n == 1) && chains != null && !m.isPinner(a)) {
                    int len = chains.extend(nxt, a);
                    if (len > 1) {
                        // a run of a's inevitable steps: its end waits for its depth (Chains)
                        transitions += len - 1;
                        chains.hold(depth + len, nxt, id, a, len);
                        break;
                    }
                }
                if (m.isPinner(a) && m.done(nxt, a)) {
                    // the pinner's final step: record the result reached from this source state
                    Errno e = m.result(nxt, a);
                    int ei = e.ordinal();
                    resCount[a][ei]++;
                    if (resSource[a][ei] < 0) {
                        resSource[a][ei] = id;
                        resPages[a][ei] = e == Errno.OK ? m.pages(a) : 0;
                    }
                    if (e == Errno.OK && m.stalePfnUsed(nxt, a) && violSource[a] < 0) {
                        violSource[a] = id;
                    }
                }
                int to = store.add(canonical(cur, nxt, a), id, a);
                int target = to >= 0 ? to : -to - 1;
                if (byInevitable) {
                    inevitable.outcome(a, to >= 0);
                }
                if (edges != null) {
                    edges.add(target, a);
                }
                if (reduced && target <= id) {
                    // cycle proviso: ids are breadth-first, so every cycle has an edge to a state already
                    // expanded (or to itself); expanding such a state fully means no cycle of reduced states can
                    // postpone the other actors' steps forever (the ignoring problem)
                    reduced = false;
                    byInevitable = false;
                    n = runnableExcept(cur, a, acts);
                    k = -1;
                }
            }
            if (store.count() >= opt.maxStates()) {
                partial = "state budget (" + opt.maxStates() + " states) reached";
                id++;
                break;
            }
        }
        } catch (OutOfMemoryError full) {
            // what was found is real: report it PARTIAL instead of losing it; no cycle search on a full heap, so
            // the table and the edges are garbage now, and with the reserve they are the room the report needs
            partial = MemoryReserve.release(store.count());
            stopped = true;
            store.dropIndex();
            edgeBytes = edges == null ? 0 : edges.bytes();
            edges = null;
        }
        expanded = Math.min(id, store.count());
        if (partial == null && expanded < store.count()) {
            partial = "stopped early";
        }
        mon.progress("reachability", store.count(), transitions, depth);

        // ---- results
        List<ResultEntry> results = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int a = 0; a < A; a++) {
            if (!m.isPinner(a)) {
                continue;
            }
            for (Errno e : errs) {
                int src = resSource[a][e.ordinal()];
                if (src >= 0) {
                    List<String> w = path(src);
                    w.add(m.actorName(a));
                    results.add(new ResultEntry(m.actorName(a), e, resPages[a][e.ordinal()], resCount[a][e.ordinal()], w));
                }
            }
            if (violSource[a] >= 0) {
                List<String> w = path(violSource[a]);
                w.add(m.actorName(a));
                violations.add(new Violation(m.actorName(a), "stale PFN",
                        "MAP_DMA succeeded with a PFN read from a PUD/PMD entry that had been zapped between the"
                                + " lockless read and the page-table lock (recheckUnderLock = false, §10 #10)", w));
            }
        }
        List<Deadlock> deadlocks = new ArrayList<>();
        for (int d : deadlockStates) {
            long[] s = new long[W];
            store.load(d, s);
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < A; a++) {
                int w = m.waitCode(s, a);
                if (w > 0) {
                    sb.append(sb.length() == 0 ? "" : "; ").append(m.actorName(a)).append(" waits for ")
                            .append(m.waitText(w));
                }
            }
            deadlocks.add(new Deadlock(sb.toString(), path(d)));
        }

        // ---- phase 2: cycles
        List<Lasso> livelocks = new ArrayList<>();
        List<Lasso> starvations = new ArrayList<>();
        if (opt.findCycles() && pinners > 0 && !stopped) {
            mon.progress("cycles", store.count(), transitions, depth);
            // the analysis never looks a state up: its Tarjan arrays get the fingerprint table's room
            store.dropIndex();
            CycleAnalysis cycles = new CycleAnalysis(this, m, store, edges, opt, mon, expanded, transitions);
            try {
                cycles.findCycles(livelocks, starvations);
                if (cycles.cancelled()) {
                    partial = partial == null ? "cancelled" : partial + "; cancelled";
                }
            } catch (OutOfMemoryError full) {
                partial = MemoryReserve.release(store.count()) + "; the cycle search did not finish";
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double bytesPerState = store.bytesPerState();
        if (edges != null) {
            edgeBytes = edges.bytes();
        }
        if (store.count() > 0) {
            bytesPerState += (double) edgeBytes / store.count();
        }
        return new ExplorationReport(m.spec().name(), m.policy(), partial == null, partial, store.count(), transitions,
                secs, bytesPerState, results, violations, livelocks, starvations, deadlocks);
    }

    /** Actor names along the parent chain from the initial state to id: a shortest schedule reaching it. */
    List<String> path(int id) {
        ArrayDeque<String> d = new ArrayDeque<>();
        int x = id;
        while (x > 0) {
            String name = m.actorName(store.via(x));
            for (int i = chains == null ? 1 : chains.lengthOf(x); i > 0; i--) {
                d.addFirst(name);
            }
            x = store.parent(x);
        }
        return new ArrayList<>(d);
    }
}
