package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.ScenarioSpec;

/**
 * The kernel state as the steps see it: vma_lookup() and the page-table walk over the packed state, a pinner's
 * derived variables, the device's memory-enabled test, and every lock — who holds it (derived from program
 * counters and a few bits, never stored as an owner) and what an actor waits for.
 */
final class KernelState {
    // lock kinds in wait codes
    static final int LK_MMAP_R = 1, LK_MMAP_W = 2, LK_MEM_R = 3, LK_MEM_W = 4, LK_PTL = 5, LK_IMMAP_W = 6;
    private static final int K_NONE = Topology.K_NONE, K_TABLE = Topology.K_TABLE, K_LEAF = Topology.K_LEAF;

    private final Topology t;
    private final ActorTable at;
    private final StateLayout f;
    private final Layout L;
    private final ScenarioSpec spec;

    KernelState(Topology t, ActorTable at, StateLayout f) {
        this.t = t;
        this.at = at;
        this.f = f;
        this.L = f.bits;
        this.spec = t.spec;
        // per device: for each of its slots, the first of its slots in a later state word (see nextLeaf)
        nextWord = new int[t.nDev][];
        for (int d = 0; d < t.nDev; d++) {
            int[] ds = t.devSlots[d];
            int[] nw = new int[ds.length];
            for (int i = ds.length - 1; i >= 0; i--) {
                nw[i] = i + 1 < ds.length && L.word(f.slot[ds[i + 1]]) == L.word(f.slot[ds[i]]) ? nw[i + 1] : i + 1;
            }
            nextWord[d] = nw;
        }
    }

    /** Per device and slot index: the index of the device's first slot held in a later word. */
    private final int[][] nextWord;

    // ====================================================================================== lookup

    /** vma_lookup(): the present VMA containing addr, or -1. */
    int lookup(long[] s, long addr) {
        for (int i = 0; i < t.nVma; i++) {
            if (t.vStart[i] <= addr && addr < t.vEnd[i]) {
                return L.is(s, f.vmaPresent[i]) ? i : -1;
            }
        }
        return -1;
    }

    /** Slot index of the present leaf mapping va, or -1. */
    int present(long[] s, long va) {
        int pud = t.pudSlot(va);
        int k = f.slotKind(s, pud);
        if (k == K_LEAF) {
            return pud;
        }
        if (k != K_TABLE) {
            return -1;
        }
        int pmd = t.pmdSlot(va);
        k = f.slotKind(s, pmd);
        if (k == K_LEAF) {
            return pmd;
        }
        if (k != K_TABLE) {
            return -1;
        }
        int pte = t.pteSlot(va);
        return f.slotKind(s, pte) == K_LEAF ? pte : -1;
    }

    /** Index into devSlots[dev] of the zapper's first present leaf at or after from, or -1. */
    int nextLeaf(long[] s, int a, int from) {
        int d = at.zapper(a).device();
        int[] ds = t.devSlots[d];
        int[] nw = nextWord[d];
        for (int i = from; i < ds.length;) {
            if (s[L.word(f.slot[ds[i]])] == 0) {
                i = nw[i]; // a zero word: sixteen empty slots (no leaf, no flags), skipped at once
            } else if (f.slotKind(s, ds[i]) == K_LEAF) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    boolean memoryEnabled(long[] s, int d) {
        // __vfio_pci_memory_enabled(): current_state < D3hot && (no_command_memory || vconfig MEMORY) (§5.2)
        StateLayout.Device dv = f.device[d];
        return L.geti(s, dv.power) == 0 && (t.devNoCmdMem[d] || L.is(s, dv.memory));
    }

    // ====================================================================================== a pinner's variables

    long mapped(long[] s, int a) {
        return at.pPages[a] - L.get(s, f.pinner[a].remaining);
    }

    /** vaddr_get_pfns()'s vaddr: dma->vaddr + dma->size + pinned pages. */
    long curVaddr(long[] s, int a) {
        return at.pStart[a] + ((mapped(s, a) + L.get(s, f.pinner[a].pinned)) << 12);
    }

    /** vfio_pin_pages_remote()'s npage minus what it pinned so far (disable_hugepages: 1 page per call). */
    long curNpages(long[] s, int a) {
        StateLayout.Pinner p = f.pinner[a];
        long rem = L.get(s, p.remaining);
        long np = spec.kernel().disableHugepages() ? Math.min(1, rem) : rem;
        return np - L.get(s, p.pinned);
    }

    // ====================================================================================== locks

    boolean holdsMmapR(long[] s, int a) {
        return switch (at.kind[a]) {
            case ActorTable.A_PIN -> L.is(s, f.pinner[a].mmapR);
            case ActorTable.A_WALK -> {
                Pc p = f.pcOf(s, a);
                yield p == Pc.SPLIT || p == Pc.W_UNLOCK;
            }
            case ActorTable.A_CPU -> {
                Pc p = f.pcOf(s, a);
                yield p == Pc.C_FAULT || p == Pc.C_FAULT_LOCK || p == Pc.C_FAULT_INSERT || p == Pc.C_UNLOCK;
            }
            default -> false;
        };
    }

    boolean holdsMmapW(long[] s, int a) {
        if (at.kind[a] != ActorTable.A_UNMAP) {
            return false;
        }
        Pc p = f.pcOf(s, a);
        return p == Pc.M_UNMAP || p == Pc.M_UNLOCK;
    }

    boolean mmapWriteHeld(long[] s) {
        for (int a : at.unmapIdx) {
            if (holdsMmapW(s, a)) {
                return true;
            }
        }
        return false;
    }

    boolean mmapReadHeld(long[] s) {
        for (int a : at.mmapReaderIdx) {
            if (holdsMmapR(s, a)) {
                return true;
            }
        }
        return false;
    }

    /** Device whose memory_lock the actor holds for read, or -1. */
    int memReadDevice(long[] s, int a) {
        if (at.kind[a] == ActorTable.A_PIN) {
            if (!L.is(s, f.pinner[a].memoryR)) {
                return -1;
            }
            int v = t.vmaIndexAt(curVaddr(s, a));
            return v < 0 ? -1 : t.vDev[v];
        }
        if (at.kind[a] == ActorTable.A_CPU && f.pcOf(s, a) == Pc.C_FAULT_INSERT) {
            int v = t.vmaIndexAt(at.cpu(a).vaddr());
            return v < 0 ? -1 : t.vDev[v];
        }
        return -1;
    }

    boolean holdsMemW(long[] s, int a, int d) {
        if (at.kind[a] != ActorTable.A_ZAP || at.zapper(a).device() != d) {
            return false;
        }
        Pc p = f.pcOf(s, a);
        return p == Pc.ZAP || p == Pc.Z_STATE || p == Pc.Z_UNLOCK || p == Pc.Z_STATE2 || p == Pc.Z_UNLOCK2;
    }

    boolean memWriteHeld(long[] s, int d) {
        for (int a : at.zapIdx) {
            if (holdsMemW(s, a, d)) {
                return true;
            }
        }
        return false;
    }

    boolean memReadHeld(long[] s, int d) {
        for (int a : at.memReaderIdx) {
            if (memReadDevice(s, a) == d) {
                return true;
            }
        }
        return false;
    }

    /** down_write(memory_lock) by actor a would not sleep: no reader, no other writer. */
    boolean memWriteFree(long[] s, int a, int d) {
        if (memReadHeld(s, d)) {
            return false;
        }
        for (int o = 0; o < at.nActors; o++) {
            if (o != a && holdsMemW(s, o, d)) {
                return false;
            }
        }
        return true;
    }

    /** Which pinner holds page-table lock id, or -1. Only pinners hold PT locks across steps (F_LOCK..F_END). */
    int ptlOwner(long[] s, int lock) {
        for (int a : at.pinIdx) {
            if (L.geti(s, f.pinner[a].ptl) == lock) {
                return a;
            }
        }
        return -1;
    }

    boolean immapReadHeld(long[] s) {
        for (int a : at.zapIdx) {
            if (f.pcOf(s, a) == Pc.ZAP && L.geti(s, f.loop[a].cursor) > 0) {
                return true;
            }
        }
        return false;
    }

    static int code(int lockKind, int id) {
        return (lockKind << 20) | id;
    }

    /**
     * 0 = the actor can take its next step; -1 = finished; otherwise the lock it waits for as
     * {@code kind << 20 | id} (LK_*). Blocked actors are not runnable.
     */
    int waitCode(long[] s, int a) {
        Pc p = f.pcOf(s, a);
        if (p.isDone()) {
            return -1;
        }
        switch (p) {
            case P_LOCK, FIXUP_RELOCK, W_LOCK, C_LOCK:
                return mmapWriteHeld(s) ? code(LK_MMAP_R, 0) : 0;
            case RELOCK:
                // mmap_read_lock_killable(): sleeps only if contended, and a fatal signal ends the sleep
                return mmapWriteHeld(s) && !L.is(s, f.pinner[a].sigPending) ? code(LK_MMAP_R, 0) : 0;
            case M_LOCK:
                return mmapWriteHeld(s) || mmapReadHeld(s) ? code(LK_MMAP_W, 0) : 0;
            case M_UNMAP:
                return immapReadHeld(s) ? code(LK_IMMAP_W, 0) : 0;
            case FAULT_LOCK: {
                int d = t.vDev[t.vmaIndexAt(curVaddr(s, a))];
                return memWriteHeld(s, d) ? code(LK_MEM_R, d) : 0;
            }
            case C_FAULT_LOCK: {
                int d = t.vDev[t.vmaIndexAt(at.cpu(a).vaddr())];
                return memWriteHeld(s, d) ? code(LK_MEM_R, d) : 0;
            }
            case Z_LOCK, Z_LOCK2: {
                int d = at.zapper(a).device();
                return memWriteFree(s, a, d) ? 0 : code(LK_MEM_W, d);
            }
            case F1_LOCK_PUD, F2_LOCK_PUD, F1_LOCK_PMD, F2_LOCK_PMD, F1_LOCK_PTE, F2_LOCK_PTE: {
                int lock = fLockId(s, a, p);
                return lock > 0 && ptlOwner(s, lock) >= 0 ? code(LK_PTL, lock) : 0;
            }
            case FAULT_INSERT, PROV_INSERT:
                return insertWait(s, curVaddr(s, a));
            case C_FAULT_INSERT:
                return insertWait(s, at.cpu(a).vaddr());
            case C_FAULT: {
                long va = at.cpu(a).vaddr();
                int v = lookup(s, va);
                return v >= 0 && t.vFb[v] == FaultBehavior.DROPS_LOCK && present(s, va) < 0 ? insertWait(s, va) : 0;
            }
            case ZAP: {
                int cur = L.geti(s, f.loop[a].cursor);
                int next = nextLeaf(s, a, cur == 0 ? 0 : cur - 1);
                if (next < 0) {
                    return 0;
                }
                int lock = t.sLock[t.devSlots[at.zapper(a).device()][next]];
                return ptlOwner(s, lock) >= 0 ? code(LK_PTL, lock) : 0;
            }
            case SPLIT:
                return ptlOwner(s, 1) >= 0 ? code(LK_PTL, 1) : 0;
            default:
                return 0;
        }
    }

    /** The page-table lock an F_LOCK step takes (pud_lock / pmd_lock / pte_offset_map_lock), 0 if no slot. */
    int fLockId(long[] s, int a, Pc p) {
        long va = curVaddr(s, a);
        int slot = switch (p) {
            case F1_LOCK_PUD, F2_LOCK_PUD -> t.pudSlot(va);
            case F1_LOCK_PMD, F2_LOCK_PMD -> t.pmdSlot(va);
            default -> t.pteSlot(va);
        };
        return slot < 0 ? 0 : t.sLock[slot];
    }

    /** Wait code for the locks an insert at va needs (the slot's PT lock, and the parents' for table installs). */
    int insertWait(long[] s, long va) {
        int pud = t.pudSlot(va);
        if (pud < 0) {
            return 0;
        }
        if (ptlOwner(s, 1) >= 0) {
            return code(LK_PTL, 1);
        }
        int k = f.slotKind(s, pud);
        if (k == K_LEAF || (k == K_NONE && t.sCapable[pud])) {
            return 0;
        }
        int pmd = t.pmdSlot(va);
        if (pmd < 0) {
            return 0;
        }
        if (ptlOwner(s, t.sLock[pmd]) >= 0) {
            return code(LK_PTL, t.sLock[pmd]);
        }
        k = f.slotKind(s, pmd);
        if (k == K_LEAF || (k == K_NONE && t.sCapable[pmd])) {
            return 0;
        }
        int pte = t.pteSlot(va);
        return pte >= 0 && ptlOwner(s, t.sLock[pte]) >= 0 ? code(LK_PTL, t.sLock[pte]) : 0;
    }

    String waitText(int code) {
        if (code <= 0) {
            return "";
        }
        int k = code >>> 20;
        int id = code & 0xfffff;
        return switch (k) {
            case LK_MMAP_R -> "mmap_lock (read)";
            case LK_MMAP_W -> "mmap_lock (write)";
            case LK_MEM_R -> "memory_lock of " + spec.devices().get(id).name() + " (read)";
            case LK_MEM_W -> "memory_lock of " + spec.devices().get(id).name() + " (write)";
            case LK_PTL -> t.lockName(id);
            case LK_IMMAP_W -> "i_mmap_rwsem (write)";
            default -> "?";
        };
    }
}
