package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The static part of the kernel state: the VMAs (mm's maple tree), the devices, the page-table slot universe with
 * each slot's parent and page-table lock, and the lookups over them. Nothing here changes during a run; the
 * changing part is in the packed state ({@link StateLayout}).
 */
final class Topology {
    // slot kinds as stored in the state
    static final int K_NONE = 0, K_TABLE = 1, K_LEAF = 2;

    final ScenarioSpec spec;
    // ---- VMAs
    final int nVma;
    final long[] vStart, vEnd, vBasePfn;
    final int[] vFlags, vDev;
    final FaultBehavior[] vFb;
    final boolean[] vRsvd; // is_invalid_reserved_pfn() for the VMA's PFNs
    // ---- devices
    final int nDev;
    final boolean[] devNoCmdMem;
    // ---- page-table slots
    final int nSlot;
    final Level[] sLevel;
    final long[] sVaddr;
    final int[] sVma, sLock, sParent;
    final boolean[] sCapable; // a fault can install a leaf at this slot
    private final long[] pudKeys, pmdKeys, pteKeys;
    private final int[] pudIdx, pmdIdx, pteIdx;
    final int nLocks; // page-table lock ids: 1 = mm PUD lock, then PMD-table locks, then PTE-table locks
    final int[][] devSlots; // per device: slots of VMAs mapping its BARs, address order (zap order)

    Topology(ScenarioSpec spec) {
        this.spec = spec;
        nVma = spec.vmas().size();
        vStart = new long[nVma];
        vEnd = new long[nVma];
        vBasePfn = new long[nVma];
        vFlags = new int[nVma];
        vDev = new int[nVma];
        vFb = new FaultBehavior[nVma];
        vRsvd = new boolean[nVma];
        for (int i = 0; i < nVma; i++) {
            VmaSpec v = spec.vmas().get(i);
            vStart[i] = v.start();
            vEnd[i] = v.end();
            vFlags[i] = v.flags();
            vDev[i] = v.device();
            vFb[i] = v.faultBehavior();
            BarSpec bar = SlotUniverse.barOf(spec, v);
            vBasePfn[i] = (bar == null ? 0 : bar.physicalAddress() >>> 12) + v.pgoff();
            // is_invalid_reserved_pfn(): no struct page → true; otherwise PageReserved() (§1.3)
            vRsvd[i] = bar == null || !bar.hasStructPage() || bar.pageReserved();
        }
        nDev = spec.devices().size();
        devNoCmdMem = new boolean[nDev];
        for (int d = 0; d < nDev; d++) {
            devNoCmdMem[d] = spec.devices().get(d).noCommandMemory();
        }

        List<SlotUniverse.Slot> slots = SlotUniverse.of(spec);
        nSlot = slots.size();
        sLevel = new Level[nSlot];
        sVaddr = new long[nSlot];
        sVma = new int[nSlot];
        sLock = new int[nSlot];
        sParent = new int[nSlot];
        sCapable = new boolean[nSlot];
        List<long[]> pud = new ArrayList<>(), pmd = new ArrayList<>(), pte = new ArrayList<>();
        for (int i = 0; i < nSlot; i++) {
            SlotUniverse.Slot sl = slots.get(i);
            sLevel[i] = sl.level();
            sVaddr[i] = sl.vaddr();
            sVma[i] = vmaIndexAt(sl.vaddr());
            sCapable[i] = sl.capable();
            (switch (sLevel[i]) { case PUD -> pud; case PMD -> pmd; case PTE -> pte; }).add(new long[] {sl.vaddr(), i});
        }
        pudKeys = keys(pud);
        pudIdx = idx(pud);
        pmdKeys = keys(pmd);
        pmdIdx = idx(pmd);
        pteKeys = keys(pte);
        pteIdx = idx(pte);
        // parents and lock ids: PUD → mm->page_table_lock (x86 pud_lockptr, [M]); PMD → the PMD table's split
        // ptlock, i.e. one per parent PUD slot; PTE → the PTE table's lock, one per parent PMD slot (§8.3).
        int nextLock = 2;
        int[] tableLockOf = new int[nSlot];
        for (int s = 0; s < nSlot; s++) {
            if (sLevel[s] != Level.PTE) {
                tableLockOf[s] = nextLock++;
            }
        }
        nLocks = nextLock;
        for (int s = 0; s < nSlot; s++) {
            switch (sLevel[s]) {
                case PUD -> {
                    sParent[s] = -1;
                    sLock[s] = 1;
                }
                case PMD -> {
                    sParent[s] = find(pudKeys, pudIdx, sVaddr[s] & ~(Level.PUD.size() - 1));
                    sLock[s] = tableLockOf[sParent[s]];
                }
                case PTE -> {
                    sParent[s] = find(pmdKeys, pmdIdx, sVaddr[s] & ~(Level.PMD.size() - 1));
                    sLock[s] = tableLockOf[sParent[s]];
                }
            }
        }
        devSlots = new int[nDev][];
        for (int d = 0; d < nDev; d++) {
            final int dev = d;
            devSlots[d] = java.util.stream.IntStream.range(0, nSlot).filter(s -> sVma[s] >= 0 && vDev[sVma[s]] == dev)
                    .toArray();
        }
    }

    /** PUD slots of a VMA that hold or can hold a leaf: what a page-table walker's split visits. */
    int[] pudLeafSlots(int vma) {
        return java.util.stream.IntStream.range(0, nSlot).filter(s -> sLevel[s] == Level.PUD && sVma[s] == vma
                && (sCapable[s] || initialKind(s) == K_LEAF)).toArray();
    }

    /** The slot's kind before the first step: a leaf for an initial entry, a table above one. */
    int initialKind(int s) {
        for (EntrySpec e : spec.entries()) {
            if (e.level() == sLevel[s] && e.vaddr() == sVaddr[s]) {
                return K_LEAF;
            }
        }
        if (sLevel[s] != Level.PTE && SlotUniverse.hasInitialBelow(spec, sLevel[s], sVaddr[s])) {
            return K_TABLE;
        }
        return K_NONE;
    }

    private static long[] keys(List<long[]> l) {
        return l.stream().mapToLong(x -> x[0]).toArray();
    }

    private static int[] idx(List<long[]> l) {
        return l.stream().mapToInt(x -> (int) x[1]).toArray();
    }

    private static int find(long[] keys, int[] idx, long va) {
        int k = Arrays.binarySearch(keys, va);
        return k < 0 ? -1 : idx[k];
    }

    int pudSlot(long va) {
        return find(pudKeys, pudIdx, va & ~(Level.PUD.size() - 1));
    }

    int pmdSlot(long va) {
        return find(pmdKeys, pmdIdx, va & ~(Level.PMD.size() - 1));
    }

    int pteSlot(long va) {
        return find(pteKeys, pteIdx, va & ~0xfffL);
    }

    /** The VMA whose range contains addr, present or not, or -1. */
    int vmaIndexAt(long addr) {
        for (int i = 0; i < nVma; i++) {
            if (vStart[i] <= addr && addr < vEnd[i]) {
                return i;
            }
        }
        return -1;
    }

    long pfnAt(long va) {
        int v = vmaIndexAt(va);
        return v < 0 ? 0 : vBasePfn[v] + ((va - vStart[v]) >>> 12);
    }

    boolean vmaWritableProt(int v) {
        // vm_page_prot of a shared VM_PFNMAP mapping is writable when VM_WRITE (no write-notify), §5.2
        return (vFlags[v] & VmFlags.VM_WRITE) != 0 && (vFlags[v] & VmFlags.VM_SHARED) != 0;
    }

    String lockName(int lock) {
        if (lock == 0) {
            return "none";
        }
        if (lock == 1) {
            return "pud_lock (mm->page_table_lock)";
        }
        for (int sl = 0; sl < nSlot; sl++) {
            if (sLock[sl] == lock) {
                return sLevel[sl] == Level.PMD ? String.format("pmd_lock (PMD table @0x%x)",
                        sVaddr[sl] & ~(Level.PUD.size() - 1))
                        : String.format("pte lock (PTE table @0x%x)", sVaddr[sl] & ~(Level.PMD.size() - 1));
            }
        }
        return "ptl#" + lock;
    }
}
