package dev.pinscope.engine.internal;

import dev.pinscope.engine.ExplorationMonitor;
import dev.pinscope.engine.ExplorationReport.Lasso;
import dev.pinscope.engine.ExploreOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase 2 of an exploration, apart from the search as TLC keeps LiveCheck apart: Tarjan's SCC algorithm
 * (iterative) over the explored graph's {@link EdgeList}, recorded by the search (int arrays: no step, hash or
 * probe is repeated, so the analysis costs a fraction of the search). A non-trivial SCC in
 * which a pinner has not finished is a livelock if the pinner steps inside it, and (on the SCC minus the pinner's
 * own steps) a starvation if the pinner is blocked somewhere in it; with weak fairness, a cycle only counts if
 * every actor runnable throughout it also steps in it. Each verdict comes with a lasso: the breadth-first stem to
 * the SCC and a loop through it.
 */
final class CycleAnalysis {
    private final Explorer ex;
    private final Machine m;
    private final StateStore store;
    private final EdgeList edges;
    private final ExploreOptions opt;
    private final ExplorationMonitor mon;
    private final int W;
    private final int A;
    private final int expanded; // states [0, expanded) were expanded; their successors are all stored
    private final long transitions;
    // polled by work done, not by DFS roots: one root can reach millions of states, and the workbench promises
    // that Cancel stops an exploration within a second
    private long work;
    private boolean cancelled;

    CycleAnalysis(Explorer ex, Machine m, StateStore store, EdgeList edges, ExploreOptions opt,
            ExplorationMonitor mon, int expanded, long transitions) {
        this.ex = ex;
        this.m = m;
        this.store = store;
        this.edges = edges;
        this.opt = opt;
        this.mon = mon;
        this.W = m.words();
        this.A = m.actorCount();
        this.expanded = expanded;
        this.transitions = transitions;
    }

    boolean cancelled() {
        return cancelled;
    }

    void findCycles(List<Lasso> livelocks, List<Lasso> starvations) {
        int n = expanded;
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            members[i] = i;
        }
        boolean[] livelockFound = new boolean[A];
        boolean[] starveFound = new boolean[A];
        tarjan(members, -1, scc -> {
            if (cancelled) {
                return;
            }
            long[] s = new long[W];
            store.load(scc[0], s);
            SccInfo info = null;
            for (int p = 0; p < A; p++) {
                if (!m.isPinner(p) || m.done(s, p)) {
                    continue;
                }
                if (info == null) {
                    info = analyse(scc, -1);
                }
                if (cancelled) {
                    return;
                }
                if (!info.nontrivial) {
                    continue;
                }
                if (!livelockFound[p] && (info.stepMask & (1L << p)) != 0 && fair(info, -1)) {
                    livelockFound[p] = true;
                    livelocks.add(lasso(scc, p, Lasso.Kind.LIVELOCK, info, -1));
                }
                final int pp = p;
                if (!starveFound[p]) {
                    // cycles in which p never steps: SCCs of this SCC without p's edges
                    tarjan(scc, p, sub -> {
                        if (starveFound[pp] || cancelled) {
                            return;
                        }
                        SccInfo si = analyse(sub, pp);
                        if (si.nontrivial && (si.disabledMask & (1L << pp)) != 0 && fair(si, pp)) {
                            starveFound[pp] = true;
                            starvations.add(lasso(sub, pp, Lasso.Kind.STARVATION, si, pp));
                        }
                    });
                }
            }
        });
    }

    private static final class SccInfo {
        boolean nontrivial;
        long stepMask; // actors with an edge inside the SCC
        long disabledMask; // actors not runnable in some state of the SCC
    }

    private boolean fair(SccInfo info, int excluded) {
        if (!opt.weakFairness()) {
            return true;
        }
        for (int a = 0; a < A; a++) {
            if (a == excluded) {
                continue;
            }
            if ((info.stepMask & (1L << a)) == 0 && (info.disabledMask & (1L << a)) == 0) {
                return false;
            }
        }
        return true;
    }

    private interface SccSink {
        void accept(int[] scc);
    }

    private SccInfo analyse(int[] scc, int excluded) {
        SccInfo info = new SccInfo();
        IntIntMap in = members(scc);
        long[] s = new long[W];
        for (int x : scc) {
            if (pollCancelled()) {
                info.nontrivial = false;
                return info;
            }
            store.load(x, s);
            for (int a = 0; a < A; a++) {
                if (!m.runnable(s, a)) {
                    info.disabledMask |= 1L << a;
                }
            }
            for (int e = edges.first(x), end = edges.end(x); e < end; e++) {
                int a = edges.actor(e);
                if (a == excluded) {
                    continue;
                }
                int y = edges.target(e);
                if (in.containsKey(y)) {
                    info.stepMask |= 1L << a;
                    if (scc.length > 1 || y == x) {
                        info.nontrivial = true;
                    }
                }
            }
        }
        return info;
    }

    /**
     * Iterative Tarjan over the given member states (ids), following edges whose target is a member and whose
     * actor is not excluded. Calls sink for every SCC.
     */
    private void tarjan(int[] members, int excluded, SccSink sink) {
        boolean dense = members.length == expanded && members.length > 0 && members[members.length - 1] == members.length - 1;
        IntIntMap pos = new IntIntMap(dense ? 0 : members.length);
        if (!dense) {
            for (int i = 0; i < members.length; i++) {
                pos.put(members[i], i);
            }
        }
        int n = members.length;
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n]; // the next edge of callNode's state to follow
        int csp;
        int next = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            if (pollCancelled()) {
                return;
            }
            csp = 0;
            callNode[csp] = root;
            callEdge[csp] = edges.first(members[root]);
            csp++;
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            while (csp > 0) {
                if (pollCancelled()) {
                    return;
                }
                int v = callNode[csp - 1];
                int w = nextMember(members[v], csp - 1, callEdge, excluded, pos, dense);
                if (w >= 0) {
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        callNode[csp] = w;
                        callEdge[csp] = edges.first(members[w]);
                        csp++;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    csp--;
                    if (csp > 0) {
                        int u = callNode[csp - 1];
                        low[u] = Math.min(low[u], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int k = sp;
                        while (stack[k - 1] != v) {
                            k--;
                        }
                        k--;
                        int size = sp - k;
                        int[] scc = new int[size];
                        for (int i = 0; i < size; i++) {
                            scc[i] = members[stack[k + i]];
                            onStack[stack[k + i]] = false;
                        }
                        sp = k;
                        if (size > 1 || selfLoop(scc[0], excluded)) {
                            sink.accept(scc);
                        }
                    }
                }
            }
        }
    }

    /**
     * Advances callEdge[frame] past the next followed edge of state x (target expanded, a member, actor not
     * excluded) and returns the target's member position, or -1 when x has no more such edges.
     */
    private int nextMember(int x, int frame, int[] callEdge, int excluded, IntIntMap pos, boolean dense) {
        int end = edges.end(x);
        for (int e = callEdge[frame]; e < end; e++) {
            if (edges.actor(e) == excluded) {
                continue;
            }
            int y = edges.target(e);
            if (y >= expanded) {
                continue;
            }
            int p = dense ? y : pos.get(y, -1);
            if (p >= 0) {
                callEdge[frame] = e + 1;
                return p;
            }
        }
        callEdge[frame] = end;
        return -1;
    }

    /** Polls the monitor every 4096 units of cycle-analysis work; reports progress about every 64K units. */
    private boolean pollCancelled() {
        if (cancelled) {
            return true;
        }
        if ((++work & 4095) == 0) {
            if (mon.isCancelled()) {
                cancelled = true;
                return true;
            }
            if ((work & 65535) == 0) {
                mon.progress("cycles", store.count(), transitions, work);
            }
        }
        return false;
    }

    private boolean selfLoop(int id, int excluded) {
        for (int e = edges.first(id), end = edges.end(id); e < end; e++) {
            if (edges.actor(e) != excluded && edges.target(e) == id) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lasso into the SCC: stem = BFS path to its earliest state; loop = a cycle from there through the SCC
     * visiting one edge of the pinner (livelock) and one edge of every actor that is never disabled in the SCC.
     */
    private Lasso lasso(int[] scc, int p, Lasso.Kind kind, SccInfo info, int excluded) {
        int entry = Integer.MAX_VALUE;
        for (int x : scc) {
            entry = Math.min(entry, x);
        }
        IntIntMap in = members(scc);
        List<String> stem = ex.path(entry);
        List<String> loop = new ArrayList<>();
        int cur = entry;
        List<Integer> required = new ArrayList<>();
        if (kind == Lasso.Kind.LIVELOCK) {
            required.add(p);
        }
        for (int a = 0; a < A; a++) {
            if (a != p && (info.disabledMask & (1L << a)) == 0 && (info.stepMask & (1L << a)) != 0) {
                required.add(a);
            }
        }
        for (int a : required) {
            // to a state with an in-SCC edge by a, and along that edge
            int y = walk(cur, in, excluded, (x, b, z) -> b == a, loop);
            cur = y < 0 ? cur : y;
        }
        if (cur != entry || loop.isEmpty()) {
            final int target = entry;
            walk(cur, in, excluded, (x, b, z) -> z == target, loop); // back to the entry
        }
        String waiting = "";
        if (kind == Lasso.Kind.STARVATION) {
            long[] s = new long[W];
            for (int x : scc) {
                store.load(x, s);
                int w = m.waitCode(s, p);
                if (w > 0) {
                    waiting = m.waitText(w);
                    break;
                }
            }
        }
        return new Lasso(m.actorName(p), kind, waiting, stem, loop);
    }

    /** An edge x --b--> y that ends a witness walk. */
    private interface EdgeTarget {
        boolean test(int x, int b, int y);
    }

    private static IntIntMap members(int[] scc) {
        IntIntMap in = new IntIntMap(scc.length);
        for (int x : scc) {
            in.put(x, 1);
        }
        return in;
    }

    /**
     * Breadth-first inside the SCC (its members, edges of actors other than excluded) from a state to the first
     * edge the target accepts; appends the actors of the shortest such path, that edge included, and returns the
     * edge's end, or -1 (nothing appended) when no such edge is reachable.
     */
    private int walk(int from, IntIntMap in, int excluded, EdgeTarget target, List<String> out) {
        IntIntMap prev = new IntIntMap(64); // state -> index of its (parent, actor) pair in steps
        IntList steps = new IntList();
        IntList q = new IntList();
        q.add(from);
        prev.put(from, -1);
        for (int head = 0; head < q.size(); head++) {
            int x = q.get(head);
            for (int e = edges.first(x), end = edges.end(x); e < end; e++) {
                int b = edges.actor(e);
                if (b == excluded) {
                    continue;
                }
                int y = edges.target(e);
                if (!in.containsKey(y)) {
                    continue;
                }
                if (target.test(x, b, y)) {
                    ArrayDeque<String> d = new ArrayDeque<>();
                    for (int k = prev.get(x, -1); k >= 0; k = prev.get(steps.get(k), -1)) {
                        d.addFirst(m.actorName(steps.get(k + 1)));
                    }
                    out.addAll(d);
                    out.add(m.actorName(b));
                    return y;
                }
                if (!prev.containsKey(y)) {
                    prev.put(y, steps.size());
                    steps.add(x);
                    steps.add(b);
                    q.add(y);
                }
            }
        }
        return -1;
    }
}
