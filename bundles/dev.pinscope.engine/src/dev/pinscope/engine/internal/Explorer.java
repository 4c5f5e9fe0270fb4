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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exhaustive exploration of the interleavings of a compiled scenario.
 *
 * <p>Phase 1 is a breadth-first search over packed states with a visited set, so the first time a result, a
 * violation or a deadlock is seen its parent chain is a shortest witness. States live in one {@code long[]}
 * arena (words per state), the hash table holds a 32-bit fingerprint and the id per slot, and each state keeps a
 * parent id and the actor of the incoming step (for witnesses): 8·words + 5 + 16..32 (table) bytes per state.
 *
 * <p>Phase 2 runs Tarjan's SCC algorithm (iteratively) on the explored graph, recomputing successors instead of
 * storing edges. A non-trivial SCC in which a pinner has not finished is a livelock if the pinner steps inside it,
 * and (on the SCC minus the pinner's own steps) a starvation if the pinner is blocked somewhere in it; with weak
 * fairness, a cycle only counts if every actor runnable throughout it also steps in it.
 */
public final class Explorer {
    private final Machine m;
    private final ExploreOptions opt;
    private final ExplorationMonitor mon;
    private final int W;
    private final int A;

    // state store: states in fixed-size chunks (no big copies when growing); the open-addressing table holds
    // (hash high 32 bits << 32 | id + 1), so most probes and every rehash never touch the arena
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private long[][] chunks = new long[16][];
    private int[] parent;
    private byte[] via;
    private int count;
    private long[] table;
    private int mask;

    private long transitions;
    private String partial;
    private int expanded; // states [0, expanded) have been expanded
    // the cycle analysis polls the monitor by work done, not by DFS roots: one root can reach millions of states,
    // and the workbench promises that Cancel stops an exploration within a second
    private long work;
    private boolean cancelled;

    public Explorer(Machine m, ExploreOptions opt, ExplorationMonitor mon) {
        this.m = m;
        this.opt = opt;
        this.mon = mon == null ? ExplorationMonitor.NONE : mon;
        this.W = m.words();
        this.A = m.actorCount();
    }

    // ------------------------------------------------------------------------------------------- store

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private int hash(long[] s, int off) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < W; i++) {
            h = (h ^ s[off + i]) * 0x9E3779B97F4A7C15L;
            h = Long.rotateLeft(h, 29);
        }
        return (int) mix(h);
    }

    private boolean equalsAt(int id, long[] s) {
        long[] c = chunks[id >>> CHUNK_BITS];
        int off = (id & (CHUNK - 1)) * W;
        for (int i = 0; i < W; i++) {
            if (c[off + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** Id of the state, or -1 if unknown. */
    int find(long[] s) {
        int h = hash(s, 0);
        long tag = (long) h << 32;
        int i = h & mask;
        while (true) {
            long e = table[i];
            if (e == 0) {
                return -1;
            }
            if ((e & 0xffffffff00000000L) == tag && equalsAt((int) e - 1, s)) {
                return (int) e - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds the state if new; returns its id, or (-id - 1) if it already existed. */
    private int add(long[] s, int par, int actor) {
        int h = hash(s, 0);
        long tag = (long) h << 32;
        int i = h & mask;
        while (true) {
            long e = table[i];
            if (e == 0) {
                break;
            }
            if ((e & 0xffffffff00000000L) == tag && equalsAt((int) e - 1, s)) {
                return (int) -e;
            }
            i = (i + 1) & mask;
        }
        if (count == Integer.MAX_VALUE - 1) {
            throw new IllegalStateException("state store full");
        }
        int id = count++;
        int ci = id >>> CHUNK_BITS;
        if (ci == chunks.length) {
            chunks = Arrays.copyOf(chunks, ci * 2);
        }
        if (chunks[ci] == null) {
            chunks[ci] = new long[CHUNK * W];
        }
        if (count > parent.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, parent.length * 2L);
            parent = Arrays.copyOf(parent, n);
            via = Arrays.copyOf(via, n);
        }
        System.arraycopy(s, 0, chunks[ci], (id & (CHUNK - 1)) * W, W);
        parent[id] = par;
        via[id] = (byte) actor;
        table[i] = tag | (id + 1L);
        if (count * 2L > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] t = new long[table.length * 2];
        int mk = t.length - 1;
        for (long e : table) {
            if (e == 0) {
                continue;
            }
            int i = (int) (e >>> 32) & mk;
            while (t[i] != 0) {
                i = (i + 1) & mk;
            }
            t[i] = e;
        }
        table = t;
        mask = mk;
    }

    private void load(int id, long[] into) {
        System.arraycopy(chunks[id >>> CHUNK_BITS], (id & (CHUNK - 1)) * W, into, 0, W);
    }

    // ------------------------------------------------------------------------------------------- successors

    /**
     * Fills actors[] with the actors to expand in state s (all runnable ones, or one with a local next step
     * under partial-order reduction) and returns how many.
     */
    int enabledToExpand(long[] s, int[] actors) {
        int n = 0;
        for (int a = 0; a < A; a++) {
            if (m.runnable(s, a)) {
                if (opt.partialOrderReduction() && m.localNext(s, a)) {
                    actors[0] = a;
                    return 1;
                }
                actors[n++] = a;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------- phase 1

    public ExplorationReport run() {
        long t0 = System.nanoTime();
        long maxDepth = opt.maxDepth() > 0 ? opt.maxDepth() : m.maxSteps;
        int cap = 1 << 12;
        parent = new int[cap];
        via = new byte[cap];
        table = new long[cap * 2];
        mask = table.length - 1;

        int pinners = 0;
        for (int a = 0; a < A; a++) {
            if (m.isPinner(a)) {
                pinners++;
            }
        }
        // per pinner × errno: count and first source state
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

        long[] cur = new long[W];
        long[] nxt = new long[W];
        int[] acts = new int[A];
        add(m.initial(), -1, 0);
        long depth = 0;
        int levelEnd = 1;
        int id = 0;
        for (; id < count; id++) {
            if (id == levelEnd) {
                depth++;
                levelEnd = count;
            }
            if ((id & 4095) == 0) {
                if (mon.isCancelled()) {
                    partial = "cancelled";
                    cancelled = true;
                    break;
                }
                if ((id & 16383) == 0 && id > 0) {
                    mon.progress("reachability", count, transitions, depth);
                }
            }
            if (depth >= maxDepth) {
                partial = "depth bound (maxSteps = " + maxDepth + ") reached";
                break;
            }
            load(id, cur);
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
                add(nxt, id, a);
            }
            if (count >= opt.maxStates()) {
                partial = "state budget (" + opt.maxStates() + " states) reached";
                id++;
                break;
            }
        }
        expanded = Math.min(id, count);
        if (partial == null && expanded < count) {
            partial = "stopped early";
        }
        mon.progress("reachability", count, transitions, depth);

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
            load(d, s);
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
        if (opt.findCycles() && pinners > 0 && !"cancelled".equals(partial)) {
            mon.progress("cycles", count, transitions, depth);
            findCycles(livelocks, starvations);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        // memory actually allocated for the stored states (arena chunks, parent/actor arrays, hash table)
        long chunkCount = Arrays.stream(chunks).filter(java.util.Objects::nonNull).count();
        double bps = count == 0 ? 0
                : (chunkCount * CHUNK * W * 8.0 + parent.length * 5.0 + table.length * 8.0) / count;
        return new ExplorationReport(m.spec.name(), m.policy, partial == null, partial, count, transitions, secs, bps,
                results, violations, livelocks, starvations, deadlocks);
    }

    /** Actor names along the parent chain from the initial state to id. */
    private List<String> path(int id) {
        ArrayDeque<String> d = new ArrayDeque<>();
        int x = id;
        while (x > 0) {
            d.addFirst(m.actorName(via[x]));
            x = parent[x];
        }
        return new ArrayList<>(d);
    }

    // ------------------------------------------------------------------------------------------- phase 2

    private void findCycles(List<Lasso> livelocks, List<Lasso> starvations) {
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
            load(scc[0], s);
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
        HashMap<Integer, Boolean> in = new HashMap<>();
        for (int x : scc) {
            in.put(x, true);
        }
        long[] s = new long[W];
        long[] t = new long[W];
        int[] acts = new int[A];
        for (int x : scc) {
            if (pollCancelled()) {
                info.nontrivial = false;
                return info;
            }
            load(x, s);
            for (int a = 0; a < A; a++) {
                if (!m.runnable(s, a)) {
                    info.disabledMask |= 1L << a;
                }
            }
            int n = enabledToExpand(s, acts);
            for (int k = 0; k < n; k++) {
                int a = acts[k];
                if (a == excluded) {
                    continue;
                }
                System.arraycopy(s, 0, t, 0, W);
                m.step(t, a, null);
                int y = find(t);
                if (y >= 0 && in.containsKey(y)) {
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
        HashMap<Integer, Integer> pos = new HashMap<>();
        boolean dense = members.length == expanded && members.length > 0 && members[members.length - 1] == members.length - 1;
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
        int[] callNext = new int[n];
        int[][] succCache = new int[n][];
        int csp;
        int next = 0;
        long[] s = new long[W];
        long[] t = new long[W];
        int[] acts = new int[A];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            if (pollCancelled()) {
                return;
            }
            csp = 0;
            callNode[csp] = root;
            callNext[csp] = 0;
            csp++;
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            succCache[root] = successors(members[root], excluded, pos, dense, s, t, acts);
            while (csp > 0) {
                if (pollCancelled()) {
                    return;
                }
                int v = callNode[csp - 1];
                int[] succ = succCache[v];
                if (callNext[csp - 1] < succ.length) {
                    int w = succ[callNext[csp - 1]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        succCache[w] = successors(members[w], excluded, pos, dense, s, t, acts);
                        callNode[csp] = w;
                        callNext[csp] = 0;
                        csp++;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    csp--;
                    succCache[v] = null;
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
                        if (size > 1 || selfLoop(scc[0], excluded, s, t, acts)) {
                            sink.accept(scc);
                        }
                    }
                }
            }
        }
    }

    /** Polls the monitor every 4096 units of cycle-analysis work; reports progress about every 64K units. */
    private boolean pollCancelled() {
        if (cancelled) {
            return true;
        }
        if ((++work & 4095) == 0) {
            if (mon.isCancelled()) {
                cancelled = true;
                partial = partial == null ? "cancelled" : partial + "; cancelled";
                return true;
            }
            if ((work & 65535) == 0) {
                mon.progress("cycles", count, transitions, work);
            }
        }
        return false;
    }

    private boolean selfLoop(int id, int excluded, long[] s, long[] t, int[] acts) {
        load(id, s);
        int n = enabledToExpand(s, acts);
        for (int k = 0; k < n; k++) {
            if (acts[k] == excluded) {
                continue;
            }
            System.arraycopy(s, 0, t, 0, W);
            m.step(t, acts[k], null);
            if (find(t) == id) {
                return true;
            }
        }
        return false;
    }

    private int[] successors(int id, int excluded, HashMap<Integer, Integer> pos, boolean dense, long[] s, long[] t,
            int[] acts) {
        if (id >= expanded) {
            return new int[0];
        }
        load(id, s);
        int n = enabledToExpand(s, acts);
        int[] out = new int[n];
        int c = 0;
        for (int k = 0; k < n; k++) {
            if (acts[k] == excluded) {
                continue;
            }
            System.arraycopy(s, 0, t, 0, W);
            m.step(t, acts[k], null);
            int y = find(t);
            if (y < 0 || y >= expanded) {
                continue;
            }
            if (dense) {
                out[c++] = y;
            } else {
                Integer p = pos.get(y);
                if (p != null) {
                    out[c++] = p;
                }
            }
        }
        return c == n ? out : Arrays.copyOf(out, c);
    }

    /**
     * A lasso into the SCC: stem = BFS path to its earliest state; loop = a cycle from there through the SCC
     * visiting one edge of the pinner (livelock) and one edge of every actor that is never disabled in the SCC.
     */
    private Lasso lasso(int[] scc, int p, Lasso.Kind kind, SccInfo info, int excluded) {
        int entry = Integer.MAX_VALUE;
        HashMap<Integer, Boolean> in = new HashMap<>();
        for (int x : scc) {
            in.put(x, true);
            entry = Math.min(entry, x);
        }
        List<String> stem = path(entry);
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
            cur = walkToEdge(cur, a, in, excluded, loop);
        }
        walkTo(cur, entry, in, excluded, loop);
        String waiting = "";
        if (kind == Lasso.Kind.STARVATION) {
            long[] s = new long[W];
            for (int x : scc) {
                load(x, s);
                int w = m.waitCode(s, p);
                if (w > 0) {
                    waiting = m.waitText(w);
                    break;
                }
            }
        }
        return new Lasso(m.actorName(p), kind, waiting, stem, loop);
    }

    /** BFS inside the SCC from cur to a state with an in-SCC edge by actor a; appends the steps incl. that edge. */
    private int walkToEdge(int from, int a, Map<Integer, Boolean> in, int excluded, List<String> out) {
        HashMap<Integer, int[]> prev = new HashMap<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(from);
        prev.put(from, null);
        long[] s = new long[W];
        long[] t = new long[W];
        int[] acts = new int[A];
        while (!q.isEmpty()) {
            int x = q.poll();
            load(x, s);
            int n = enabledToExpand(s, acts);
            for (int k = 0; k < n; k++) {
                int b = acts[k];
                if (b == excluded) {
                    continue;
                }
                System.arraycopy(s, 0, t, 0, W);
                m.step(t, b, null);
                int y = find(t);
                if (y < 0 || !in.containsKey(y)) {
                    continue;
                }
                if (b == a) {
                    appendPath(prev, x, out);
                    out.add(m.actorName(a));
                    return y;
                }
                if (!prev.containsKey(y)) {
                    prev.put(y, new int[] {x, b});
                    q.add(y);
                }
            }
        }
        return from;
    }

    private void walkTo(int from, int to, Map<Integer, Boolean> in, int excluded, List<String> out) {
        if (from == to && !out.isEmpty()) {
            return;
        }
        HashMap<Integer, int[]> prev = new HashMap<>();
        ArrayDeque<Integer> q = new ArrayDeque<>();
        q.add(from);
        prev.put(from, null);
        long[] s = new long[W];
        long[] t = new long[W];
        int[] acts = new int[A];
        while (!q.isEmpty()) {
            int x = q.poll();
            load(x, s);
            int n = enabledToExpand(s, acts);
            for (int k = 0; k < n; k++) {
                int b = acts[k];
                if (b == excluded) {
                    continue;
                }
                System.arraycopy(s, 0, t, 0, W);
                m.step(t, b, null);
                int y = find(t);
                if (y < 0 || !in.containsKey(y)) {
                    continue;
                }
                if (y == to) {
                    appendPath(prev, x, out);
                    out.add(m.actorName(b));
                    return;
                }
                if (!prev.containsKey(y)) {
                    prev.put(y, new int[] {x, b});
                    q.add(y);
                }
            }
        }
    }

    private void appendPath(HashMap<Integer, int[]> prev, int x, List<String> out) {
        ArrayDeque<String> d = new ArrayDeque<>();
        int c = x;
        while (prev.get(c) != null) {
            int[] pr = prev.get(c);
            d.addFirst(m.actorName(pr[1]));
            c = pr[0];
        }
        out.addAll(d);
    }
}
