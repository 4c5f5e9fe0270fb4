package dev.pinscope.engine.internal;

/**
 * Dead-slot reduction (dead variable reduction, as SPIN and compilers do it) over the page-table slots: before a
 * state is stored, every slot that no future step of any actor can read is reset to 0 (none, not writable, not
 * special), so states that differ only in such slots are stored once.
 *
 * <p>Which slots an actor can still read is a function of that actor's own program counter and loop variables
 * alone (never of slot contents, never of another actor's variables), and it only shrinks along every step:
 * <ul>
 * <li>a pinner reads only the slots on the walk to its current vaddr and to the pages after it up to the end of
 * its range: {@code vaddr_get_pfns()} moves from page i to page i+1 and never back ({@code mapped + pinned}
 * grows; the only decrease, MAP_RESULT's unwind, goes to MAP_END, which reads nothing; KERNEL-MODEL.md §1.1–§1.3);
 * the walk (§3.3), its locks and the fault's insert (§4.2, §5.2) only touch the slots above and at that vaddr;</li>
 * <li>a zapper that zaps (every trigger but COMMAND.MEMORY enable, §5.3) reads its device's slots from its cursor
 * on while zapping ({@code unmap_mapping_range()} scans upward), none after the zap in its last iteration, all of
 * them before its last zap (and forever, if it loops forever);</li>
 * <li>a walker reads its PUD slots, a CPU thread the walk to its address, until they finish; munmap reads every
 * slot, so a scenario with munmap is not reduced; a SIGKILL sender reads none.</li>
 * </ul>
 * The union L(s) over the actors (closed under parents: the walk to any page in it is in it) is therefore read by
 * every step and every enabledness test from s, and L(t) ⊆ L(s) for every successor t. So for the canonical
 * c(s) (s with every slot outside L(s) set to 0): the same actors are runnable and wait for the same locks in s
 * and c(s), each actor's step does the same to both, and c(step(s, a)) = c(step(c(s), a)). c is a functional
 * bisimulation that keeps every program counter, local, lock and result: the stored graph is the quotient of the
 * unreduced one, with the same schedules, the same shortest-witness lengths (breadth-first depths), results,
 * violations, deadlocks and cycles (livelocks, starvations, their fairness). {@code DeadSlotsTest} checks the
 * two equations on every reachable state of small scenarios, {@code DeadSlotReductionIsExactTest} the verdicts.
 */
final class DeadSlots {
    private static final int[] NONE = new int[0];
    private final Machine m;
    private final Topology t;
    private final ActorTable at;
    private final StateLayout f;
    private final Layout L;
    private final int nSlot;
    private final int[] slotWord, slotShift, slotBits;
    private final int[][] single; // per actor: the single slots it reads while running (walker, CPU thread)
    /**
     * Per actor: whether all it may read while running is every slot (a zapper of the only device before its last
     * zap, a walker or CPU thread whose slots are all there are): while such an actor runs nothing is dead, which
     * {@link #canonicalize} tells from a program counter or two, before any interval work.
     */
    private final boolean[] readsAll;
    /** Actors in the order canonicalize asks them whether they read every slot: the cheap tests first. */
    private final int[] order;
    private final int[] endFirst; // per pinner: the first slot past its range
    private final long[] lastVa; // per pinner: the page of the last lookup (-1: none yet), and what it found
    private final int[] lastPud, lastPmd, lastFirst;
    private int[] iv = new int[16]; // live intervals [iv[2i], iv[2i+1]) of slot indices
    private int n;

    private DeadSlots(Machine m) {
        this.m = m;
        this.t = m.t;
        this.at = m.at;
        this.f = m.f;
        this.L = m.f.bits;
        nSlot = t.nSlot;
        slotWord = new int[nSlot];
        slotShift = new int[nSlot];
        slotBits = new int[nSlot];
        for (int s = 0; s < nSlot; s++) {
            slotWord[s] = L.word(f.slot[s]);
            slotShift[s] = L.shift(f.slot[s]);
            slotBits[s] = L.bits(f.slot[s]);
        }
        single = new int[at.nActors][];
        for (int a = 0; a < at.nActors; a++) {
            single[a] = switch (at.kind[a]) {
                case ActorTable.A_WALK -> m.walkerSlots[a];
                case ActorTable.A_CPU -> walk(at.cpu(a).vaddr());
                default -> NONE;
            };
        }
        endFirst = new int[at.nActors];
        lastVa = new long[at.nActors];
        lastPud = new int[at.nActors];
        lastPmd = new int[at.nActors];
        lastFirst = new int[at.nActors];
        java.util.Arrays.fill(lastVa, -1);
        for (int a : at.pinIdx) {
            endFirst[a] = firstAtOrAfter(at.pStart[a] + (at.pPages[a] << 12));
        }
        readsAll = new boolean[at.nActors];
        for (int a = 0; a < at.nActors; a++) {
            readsAll[a] = switch (at.kind[a]) {
                case ActorTable.A_ZAP -> at.zapper(a).trigger().zaps() && t.devSlots[at.zapper(a).device()].length == nSlot;
                case ActorTable.A_WALK, ActorTable.A_CPU -> single[a].length == nSlot;
                default -> false;
            };
        }
        order = java.util.stream.IntStream.range(0, at.nActors).boxed()
                .sorted(java.util.Comparator.comparing(a -> !readsAll[a])).mapToInt(Integer::intValue).toArray();
    }

    /** Whether actor a, which may read every slot, still can in s (so no slot of s is dead). */
    private boolean stillReadsAll(long[] s, int a) {
        Pc p = f.pcOf(s, a);
        if (p.isDone()) {
            return false;
        }
        if (at.kind[a] != ActorTable.A_ZAP || at.repeat[a] < 0
                || L.get(s, f.loop[a].iteration) != at.repeat[a] - 1) {
            return true; // a walker or CPU thread until it finishes; a zapper before its last iteration
        }
        return p == Pc.Z_LOCK || p == Pc.Z_TRYLOCK || p == Pc.ZAP && L.geti(s, f.loop[a].cursor) <= 1;
    }

    /**
     * The reduction for this machine, or null where it can never reset a slot: a scenario with munmap (it reads
     * every slot until it has run), or one whose every slot some actor reads forever.
     */
    static DeadSlots of(Machine m) {
        Topology t = m.t;
        ActorTable at = m.at;
        if (t.nSlot == 0 || at.unmapIdx.length > 0) {
            return null;
        }
        DeadSlots d = new DeadSlots(m);
        boolean[] forever = new boolean[t.nSlot];
        for (int a = 0; a < at.nActors; a++) {
            if (at.loops(a) && at.repeat[a] < 0) {
                int[] read = at.kind[a] == ActorTable.A_ZAP
                        ? at.zapper(a).trigger().zaps() ? t.devSlots[at.zapper(a).device()] : NONE
                        : d.single[a];
                for (int s : read) {
                    forever[s] = true;
                }
            }
        }
        for (boolean b : forever) {
            if (!b) {
                return d;
            }
        }
        return null;
    }

    /** The slots on the walk to va: its PUD, PMD and PTE slots, those that exist. */
    private int[] walk(long va) {
        return java.util.stream.IntStream.of(t.pudSlot(va), t.pmdSlot(va), t.pteSlot(va)).filter(s -> s >= 0)
                .toArray();
    }

    /**
     * The same for s = step(parent, a) with parent canonical: a step writes only slots its actor may read, and the
     * other actors' readable slots are as in parent, so only a change of what a itself may read can leave a slot
     * to reset (the test is a field or two; the full pass runs about once per page and per zap).
     */
    void canonicalize(long[] parent, long[] s, int a) {
        if (!sameReach(parent, s, a)) {
            canonicalize(s);
        }
    }

    /** Whether actor a may read the same slots in s as in p (by the fields its readable slots follow from). */
    private boolean sameReach(long[] p, long[] s, int a) {
        switch (at.kind[a]) {
            case ActorTable.A_PIN -> {
                Pc x = f.pcOf(p, a), y = f.pcOf(s, a);
                boolean endedP = x == Pc.MAP_END || x == Pc.P_DONE, endedS = y == Pc.MAP_END || y == Pc.P_DONE;
                return endedP == endedS && (endedP || m.ks.curVaddr(p, a) >>> 12 == m.ks.curVaddr(s, a) >>> 12);
            }
            case ActorTable.A_ZAP -> {
                StateLayout.Loop lp = f.loop[a];
                return !at.zapper(a).trigger().zaps() || L.get(p, f.pc[a]) == L.get(s, f.pc[a])
                        && L.get(p, lp.cursor) == L.get(s, lp.cursor) && L.get(p, lp.iteration) == L.get(s, lp.iteration);
            }
            case ActorTable.A_WALK, ActorTable.A_CPU -> {
                return f.pcOf(p, a).isDone() == f.pcOf(s, a).isDone();
            }
            default -> {
                return true;
            }
        }
    }

    /** Resets every slot of s that no actor can read any more to 0, in place. */
    void canonicalize(long[] s) {
        for (int a : order) {
            if (!readsAll[a]) {
                break;
            }
            if (stillReadsAll(s, a)) {
                return;
            }
        }
        n = 0;
        for (int a = 0; a < at.nActors; a++) {
            switch (at.kind[a]) {
                case ActorTable.A_PIN -> pinner(s, a);
                case ActorTable.A_ZAP -> zapper(s, a);
                case ActorTable.A_WALK, ActorTable.A_CPU -> {
                    if (!f.pcOf(s, a).isDone()) {
                        for (int sl : single[a]) {
                            add(sl, sl + 1);
                        }
                    }
                }
                default -> {
                    // a SIGKILL sender reads no slot (munmap: no DeadSlots at all)
                }
            }
        }
        sortIntervals();
        int from = 0; // first slot not yet known to be live
        for (int i = 0; i < n; i++) {
            int lo = iv[2 * i], hi = iv[2 * i + 1];
            if (lo > from) {
                zero(s, from, lo);
            }
            from = Math.max(from, hi);
            if (from >= nSlot) {
                return;
            }
        }
        zero(s, from, nSlot);
    }

    private void pinner(long[] s, int a) {
        Pc p = f.pcOf(s, a);
        if (p == Pc.MAP_END || p == Pc.P_DONE) {
            return; // the result is decided; MAP_END reads nothing
        }
        long va = m.ks.curVaddr(s, a) & ~0xfffL;
        if (va != lastVa[a]) {
            // consecutive states mostly have the pinner on the same page: one lookup per page, not per state
            lastVa[a] = va;
            lastPud[a] = t.pudSlot(va);
            lastPmd[a] = t.pmdSlot(va);
            lastFirst[a] = firstAtOrAfter(va);
        }
        if (lastPud[a] >= 0) {
            add(lastPud[a], lastPud[a] + 1);
        }
        if (lastPmd[a] >= 0) {
            add(lastPmd[a], lastPmd[a] + 1);
        }
        add(lastFirst[a], endFirst[a]);
    }

    private void zapper(long[] s, int a) {
        var z = at.zapper(a);
        if (!z.trigger().zaps()) {
            return;
        }
        Pc p = f.pcOf(s, a);
        if (p.isDone()) {
            return;
        }
        int[] ds = t.devSlots[z.device()];
        if (ds.length == 0) {
            return;
        }
        boolean last = at.repeat[a] > 0 && L.get(s, f.loop[a].iteration) == at.repeat[a] - 1;
        int first = 0;
        if (last) {
            if (p == Pc.ZAP) {
                int cur = L.geti(s, f.loop[a].cursor);
                first = cur == 0 ? 0 : cur - 1; // ZAP's nextLeaf() scans from here on
            } else if (p != Pc.Z_LOCK && p != Pc.Z_TRYLOCK) {
                return; // after its last zap (state change, unlock, BAR write): no slot is read again
            }
        }
        for (int x = t.sParent[ds[first]]; x >= 0; x = t.sParent[x]) {
            add(x, x + 1); // the walk to the first slot it still reads
        }
        add(ds[first], ds[ds.length - 1] + 1);
    }

    /** Index of the first slot whose address is va or above (slots are in address order), nSlot if none. */
    private int firstAtOrAfter(long va) {
        int lo = 0, hi = nSlot;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.sVaddr[mid] < va) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void add(int lo, int hi) {
        if (lo >= hi) {
            return;
        }
        if (2 * n + 2 > iv.length) {
            iv = java.util.Arrays.copyOf(iv, iv.length * 2);
        }
        iv[2 * n] = lo;
        iv[2 * n + 1] = hi;
        n++;
    }

    private void sortIntervals() {
        for (int i = 1; i < n; i++) {
            int lo = iv[2 * i], hi = iv[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && iv[2 * j] > lo) {
                iv[2 * j + 2] = iv[2 * j];
                iv[2 * j + 3] = iv[2 * j + 1];
                j--;
            }
            iv[2 * j + 2] = lo;
            iv[2 * j + 3] = hi;
        }
    }

    /** Clears the slot fields [from, to) word by word (slot fields are consecutive in the layout). */
    private void zero(long[] s, int from, int to) {
        int w0 = slotWord[from], w1 = slotWord[to - 1];
        for (int w = w0; w <= w1; w++) {
            int lo = w == w0 ? slotShift[from] : 0;
            int hi = w == w1 ? slotShift[to - 1] + slotBits[to - 1] : 64;
            long mask = (hi == 64 ? -1L : (1L << hi) - 1) & -(1L << lo);
            s[w] &= ~mask;
        }
    }
}
