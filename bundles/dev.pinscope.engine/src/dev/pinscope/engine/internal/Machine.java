package dev.pinscope.engine.internal;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.DeviceSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import dev.pinscope.engine.spec.ZapTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The compiled scenario: static tables, the packed-state layout and the transition function. A state is a
 * {@code long[]} of {@link #words} words; {@link #step} mutates it in place by one atomic step of one actor
 * (KERNEL-MODEL.md §8.5). Everything that can be derived from static data (PFNs, call stacks, lock owners) is
 * derived, not stored, so states stay small and equal situations hash equal.
 */
public final class Machine {
    // ---------------------------------------------------------------- error codes kept in the 'ret' field
    static final int R_OK = 0, R_EINVAL = 1, R_EAGAIN = 2, R_EBUSY = 3, R_EFAULT = 4, R_EINTR = 5, R_ENOMEM = 6,
            R_ENOENT = 7;
    static final String[] R_NAMES = {"0", "-EINVAL", "-EAGAIN", "-EBUSY", "-EFAULT", "-EINTR", "-ENOMEM", "-ENOENT"};
    // vm_fault_t results kept in 'vmf'
    static final int VMF_NOPAGE = 0, VMF_SIGBUS = 1, VMF_SIGSEGV = 2, VMF_RETRY = 3;
    static final String[] VMF_NAMES = {"VM_FAULT_NOPAGE", "VM_FAULT_SIGBUS", "VM_FAULT_SIGSEGV", "VM_FAULT_RETRY"};
    // slot kinds
    static final int K_NONE = 0, K_TABLE = 1, K_LEAF = 2;
    // lock kinds for wait codes
    public static final int LK_MMAP_R = 1, LK_MMAP_W = 2, LK_MEM_R = 3, LK_MEM_W = 4, LK_PTL = 5, LK_IMMAP_W = 6;
    static final int LEVEL_GUP = 3;
    private static final Level[] LEVELS = Level.values(); // 'lvl' value: GUP pinned ordinary pages (no PFNMAP leaf)

    final ScenarioSpec spec;
    final Policy policy;
    final int maxRetries;
    final long maxSteps;
    final SimulationOptions options;
    final boolean recheck;
    final Layout L = new Layout();
    final int words;

    // ---------------------------------------------------------------- static tables
    final int nVma;
    final long[] vStart, vEnd, vBasePfn;
    final int[] vFlags, vDev;
    final FaultBehavior[] vFb;
    final boolean[] vRsvd; // is_invalid_reserved_pfn() for the VMA's PFNs
    final int nDev;
    final int nSlot;
    final Level[] sLevel;
    final long[] sVaddr;
    final int[] sVma, sLock, sParent;
    final boolean[] sCapable; // a fault can install a leaf at this slot
    final long[] pudKeys, pmdKeys, pteKeys;
    final int[] pudIdx, pmdIdx, pteIdx;
    final int nLocks; // page-table lock ids: 1 = mm PUD lock, then PMD-table locks, then PTE-table locks
    final int[][] devSlots; // per device: slots of VMAs mapping its BARs, address order (zap order)
    final int[][] walkerSlots; // per actor (walkers only): PUD slots that can hold a leaf

    // ---------------------------------------------------------------- actors
    final int nActors;
    final ActorSpec[] actors;
    final int[] kind; // 0 pinner 1 zapper 2 walker 3 cpu 4 signal 5 unmapper
    static final int A_PIN = 0, A_ZAP = 1, A_WALK = 2, A_CPU = 3, A_SIG = 4, A_UNMAP = 5;
    final int[] fPc;
    // pinner fields (index by actor; -1 for others)
    final int[] fRet, fRemaining, fPinned, fBaseSet, fRsvd, fLvl, fW, fStale, fEverStale, fPtl, fUnlocked, fTried,
            fZapped, fVmf, fRetries, fMmapR, fMemR, fSig;
    final long[] pStart, pPages;
    final boolean[] pWrite;
    // zapper / walker / cpu iteration counters and cursors
    final int[] fIter, fCursor;
    final int[] repeat;
    // global fields
    final int[] fSlot; // 4 bits: kind | w<<2 | special<<3
    final int[] fVmaPresent;
    final int[] fDevMem, fDevPower, fDevPm;
    final boolean[] devNoCmdMem;

    final long[] initial;
    /**
     * TEST-ONLY fault injection, off by default: the partial-order reduction treats the pinner's page-table lock
     * step of follow_pfnmap_start() (F1/F2_LOCK_PUD/PMD, a shared step: it re-reads the slot a zapper clears) as
     * local, which hides the zap between the lockless read and the lock (W0). Set only by the SPIN comparison's test,
     * through the system property {@value #TEST_ONLY_FAULT_PROPERTY}=true, to show that the comparison catches a
     * reduction bug.
     */
    public static final String TEST_ONLY_FAULT_PROPERTY = "pinscope.testonly.fault.reductionTreatsLockStepAsLocal";
    final boolean testOnlyFaultLockStepLocal = Boolean.getBoolean(TEST_ONLY_FAULT_PROPERTY);
    // actor indices by role, so lock-owner scans only look at actors that can own that lock
    final int[] pinIdx, zapIdx, unmapIdx, mmapReaderIdx, memReaderIdx;

    private Machine(ScenarioSpec spec, Policy policy, int maxRetries, long maxSteps, SimulationOptions options) {
        this.spec = spec;
        this.policy = policy;
        this.maxRetries = maxRetries;
        this.maxSteps = maxSteps;
        this.options = options;
        this.recheck = spec.kernel().recheckUnderLock();

        // VMAs
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
            BarSpec bar = barOf(spec, v);
            vBasePfn[i] = (bar == null ? 0 : bar.physicalAddress() >>> 12) + v.pgoff();
            // is_invalid_reserved_pfn(): no struct page → true; otherwise PageReserved() (§1.3)
            vRsvd[i] = bar == null || !bar.hasStructPage() || bar.pageReserved();
        }
        nDev = spec.devices().size();
        devNoCmdMem = new boolean[nDev];
        for (int d = 0; d < nDev; d++) {
            devNoCmdMem[d] = spec.devices().get(d).noCommandMemory();
        }

        // ---- page-table slot universe (see buildSlots)
        TreeMap<Long, long[]> slots = buildSlots();
        nSlot = slots.size();
        sLevel = new Level[nSlot];
        sVaddr = new long[nSlot];
        sVma = new int[nSlot];
        sLock = new int[nSlot];
        sParent = new int[nSlot];
        sCapable = new boolean[nSlot];
        List<long[]> pud = new ArrayList<>(), pmd = new ArrayList<>(), pte = new ArrayList<>();
        int i = 0;
        for (var e : slots.entrySet()) {
            long[] d = e.getValue();
            sLevel[i] = Level.values()[(int) d[0]];
            sVaddr[i] = d[1];
            sVma[i] = vmaIndexAt(d[1]);
            sCapable[i] = d[2] != 0;
            (switch (sLevel[i]) { case PUD -> pud; case PMD -> pmd; case PTE -> pte; }).add(new long[] {d[1], i});
            i++;
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
            List<Integer> l = new ArrayList<>();
            for (int s = 0; s < nSlot; s++) {
                if (sVma[s] >= 0 && vDev[sVma[s]] == d) {
                    l.add(s);
                }
            }
            devSlots[d] = l.stream().mapToInt(Integer::intValue).toArray();
        }

        // ---- actors and the layout
        nActors = spec.actors().size();
        actors = spec.actors().toArray(new ActorSpec[0]);
        kind = new int[nActors];
        fPc = new int[nActors];
        fRet = fill(); fRemaining = fill(); fPinned = fill(); fBaseSet = fill(); fRsvd = fill(); fLvl = fill();
        fW = fill(); fStale = fill(); fEverStale = fill(); fPtl = fill(); fUnlocked = fill(); fTried = fill();
        fZapped = fill(); fVmf = fill(); fRetries = fill(); fMmapR = fill(); fMemR = fill(); fSig = fill();
        fIter = fill(); fCursor = fill();
        repeat = new int[nActors];
        pStart = new long[nActors];
        pPages = new long[nActors];
        pWrite = new boolean[nActors];
        walkerSlots = new int[nActors][];
        for (int a = 0; a < nActors; a++) {
            ActorSpec as = actors[a];
            String n = as.name();
            fPc[a] = L.add(n + ".pc", Pc.ALL.length - 1);
            switch (as) {
                case ActorSpec.Pinner p -> {
                    kind[a] = A_PIN;
                    pStart[a] = p.vaddr();
                    pPages[a] = p.size() >>> 12;
                    pWrite[a] = p.write();
                    fRet[a] = L.add(n + ".ret", 7);
                    fRemaining[a] = L.add(n + ".remaining", pPages[a]);
                    fPinned[a] = L.add(n + ".pinned", pPages[a]);
                    fBaseSet[a] = L.add(n + ".pfn_base_set", 1);
                    fRsvd[a] = L.add(n + ".rsvd", 1);
                    fLvl[a] = L.add(n + ".lvl", 3);
                    fW[a] = L.add(n + ".writable", 1);
                    fStale[a] = L.add(n + ".stale", recheck ? 0 : 1);
                    fEverStale[a] = L.add(n + ".stale_pfn_used", recheck ? 0 : 1);
                    fPtl[a] = L.add(n + ".ptl", nLocks - 1);
                    fUnlocked[a] = L.add(n + ".unlocked", 1);
                    fTried[a] = L.add(n + ".tried", 1);
                    fZapped[a] = L.add(n + ".zapped", policy == Policy.BOUNDED ? 1 : 0);
                    fVmf[a] = L.add(n + ".vmf", 3);
                    // an unbounded policy keeps no counter in the state, so its retry loop closes a cycle
                    fRetries[a] = L.add(n + ".retries", policy == Policy.BOUNDED ? maxRetries + 1L : 0);
                    fMmapR[a] = L.add(n + ".mmap_r", 1);
                    fMemR[a] = L.add(n + ".memory_r", 1);
                    fSig[a] = L.add(n + ".fatal_signal_pending", 1);
                }
                case ActorSpec.Zapper z -> {
                    kind[a] = A_ZAP;
                    repeat[a] = z.repeat();
                    fIter[a] = L.add(n + ".iteration", z.repeat() < 0 ? 0 : z.repeat());
                    fCursor[a] = L.add(n + ".cursor", nSlot + 1L);
                }
                case ActorSpec.Walker w -> {
                    kind[a] = A_WALK;
                    repeat[a] = w.repeat();
                    List<Integer> l = new ArrayList<>();
                    for (int s = 0; s < nSlot; s++) {
                        if (sLevel[s] == Level.PUD && sVma[s] == w.vma() && (sCapable[s] || initialKind(s) == K_LEAF)) {
                            l.add(s);
                        }
                    }
                    walkerSlots[a] = l.stream().mapToInt(Integer::intValue).toArray();
                    fIter[a] = L.add(n + ".iteration", w.repeat() < 0 ? 0 : w.repeat());
                    fCursor[a] = L.add(n + ".cursor", walkerSlots[a].length);
                }
                case ActorSpec.CpuAccess c -> {
                    kind[a] = A_CPU;
                    repeat[a] = c.repeat();
                    fIter[a] = L.add(n + ".iteration", c.repeat() < 0 ? 0 : c.repeat());
                }
                case ActorSpec.SignalSender s -> kind[a] = A_SIG;
                case ActorSpec.Unmapper u -> kind[a] = A_UNMAP;
            }
        }
        fSlot = new int[nSlot];
        for (int s = 0; s < nSlot; s++) {
            fSlot[s] = L.add("slot" + s, 15);
        }
        fVmaPresent = new int[nVma];
        for (int v = 0; v < nVma; v++) {
            fVmaPresent[v] = L.add("vma" + v + ".present", 1);
        }
        fDevMem = new int[nDev];
        fDevPower = new int[nDev];
        fDevPm = new int[nDev];
        for (int d = 0; d < nDev; d++) {
            fDevMem[d] = L.add("dev" + d + ".memory", 1);
            fDevPower[d] = L.add("dev" + d + ".power", 2);
            fDevPm[d] = L.add("dev" + d + ".pm_runtime_engaged", 1);
        }
        words = L.words();
        pinIdx = byKind(A_PIN);
        zapIdx = byKind(A_ZAP);
        unmapIdx = byKind(A_UNMAP);
        mmapReaderIdx = java.util.stream.IntStream.range(0, nActors)
                .filter(a -> kind[a] == A_PIN || kind[a] == A_WALK || kind[a] == A_CPU).toArray();
        memReaderIdx = java.util.stream.IntStream.range(0, nActors)
                .filter(a -> kind[a] == A_PIN || kind[a] == A_CPU).toArray();

        // ---- initial state
        long[] s0 = new long[words];
        for (int a = 0; a < nActors; a++) {
            Pc start = switch (kind[a]) {
                case A_PIN -> Pc.MAP_LOOP;
                case A_ZAP -> ((ActorSpec.Zapper) actors[a]).trigger() == ZapTrigger.HOT_RESET ? Pc.Z_TRYLOCK : Pc.Z_LOCK;
                case A_WALK -> Pc.W_LOCK;
                case A_CPU -> Pc.C_LOCK;
                case A_SIG -> Pc.S_SEND;
                default -> Pc.M_LOCK;
            };
            if (repeat[a] == 0 && (kind[a] == A_ZAP || kind[a] == A_WALK || kind[a] == A_CPU)) {
                start = kind[a] == A_ZAP ? Pc.Z_DONE : kind[a] == A_WALK ? Pc.W_DONE : Pc.C_DONE;
            }
            L.set(s0, fPc[a], start.ordinal());
            if (kind[a] == A_PIN) {
                L.set(s0, fRemaining[a], pPages[a]);
            }
        }
        for (int s = 0; s < nSlot; s++) {
            int k = initialKind(s);
            int w = 0;
            int sp = 0;
            for (EntrySpec e : spec.entries()) {
                if (e.vaddr() == sVaddr[s] && e.level() == sLevel[s]) {
                    w = e.writable() ? 1 : 0;
                    sp = e.special() ? 1 : 0;
                }
            }
            L.set(s0, fSlot[s], k | (w << 2) | (sp << 3));
        }
        for (int v = 0; v < nVma; v++) {
            L.set(s0, fVmaPresent[v], 1);
        }
        for (int d = 0; d < nDev; d++) {
            DeviceSpec ds = spec.devices().get(d);
            L.set(s0, fDevMem[d], ds.memoryEnabled());
            L.set(s0, fDevPower[d], ds.powerState().ordinal());
            L.set(s0, fDevPm[d], ds.pmRuntimeEngaged());
        }
        initial = s0;
    }

    private int[] byKind(int k) {
        return java.util.stream.IntStream.range(0, nActors).filter(a -> kind[a] == k).toArray();
    }

    private int[] fill() {
        int[] r = new int[nActors];
        Arrays.fill(r, -1);
        return r;
    }

    // ====================================================================================== compile & checks

    /** Engine-side checks of things the semantics rely on; each message names the element and the rule. */
    public static List<String> check(ScenarioSpec spec, Policy policy) {
        List<String> errs = new ArrayList<>();
        if (spec.kernel() == null) {
            errs.add("scenario: kernel configuration missing");
            return errs;
        }
        for (int i = 0; i < spec.vmas().size(); i++) {
            VmaSpec v = spec.vmas().get(i);
            String n = "VMA '" + v.name() + "'";
            if (v.start() % 4096 != 0 || v.end() % 4096 != 0 || v.end() <= v.start()) {
                errs.add(n + ": start/end must be page-aligned with start < end");
            }
            if (v.device() >= spec.devices().size() || (v.device() >= 0 && barOf(spec, v) == null)) {
                errs.add(n + ": BAR reference does not resolve");
            }
            if (v.faultBehavior() == FaultBehavior.VFIO_PCI && v.has(VmFlags.VM_PFNMAP) && v.device() < 0) {
                errs.add(n + ": a VFIO_PCI fault handler needs the VMA to map a device BAR");
            }
            for (int j = 0; j < i; j++) {
                VmaSpec o = spec.vmas().get(j);
                if (v.start() < o.end() && o.start() < v.end()) {
                    errs.add(n + ": overlaps VMA '" + o.name() + "'");
                }
            }
        }
        for (EntrySpec e : spec.entries()) {
            String n = String.format("entry %s at 0x%x", e.level(), e.vaddr());
            int v = vmaIndexAt(spec, e.vaddr());
            if (e.vaddr() % e.level().size() != 0) {
                errs.add(n + ": not aligned to its level size");
            }
            if (v < 0 || e.vaddr() + e.level().size() > spec.vmas().get(v).end()) {
                errs.add(n + ": not inside one VMA");
                continue;
            }
            VmaSpec vs = spec.vmas().get(v);
            BarSpec bar = barOf(spec, vs);
            long expect = (bar == null ? 0 : bar.physicalAddress() >>> 12) + vs.pgoff() + ((e.vaddr() - vs.start()) >>> 12);
            if (e.pfn() != expect) {
                errs.add(String.format("%s: pfn 0x%x does not match the VMA's BAR and pgoff (expected 0x%x)", n,
                        e.pfn(), expect));
            }
        }
        int pinners = 0;
        for (int a = 0; a < spec.actors().size(); a++) {
            ActorSpec as = spec.actors().get(a);
            String n = "actor '" + as.name() + "'";
            if (as.name() == null || as.name().isBlank()) {
                errs.add("actor #" + a + ": has no name");
            } else if (spec.actorIndex(as.name()) != a) {
                errs.add(n + ": name is used twice");
            }
            switch (as) {
                case ActorSpec.Pinner p -> {
                    pinners++;
                    if (p.vaddr() % 4096 != 0 || p.size() % 4096 != 0 || p.size() <= 0) {
                        errs.add(n + ": vaddr/size must be page-aligned and size > 0");
                    } else if ((p.size() >>> 12) > (1L << 31)) {
                        errs.add(n + ": range larger than 8 TiB is not modelled");
                    }
                }
                case ActorSpec.Zapper z -> {
                    if (z.device() < 0 || z.device() >= spec.devices().size()) {
                        errs.add(n + ": device reference does not resolve");
                    }
                    if (z.repeat() < -1) {
                        errs.add(n + ": repeat must be -1 (forever) or >= 0");
                    }
                }
                case ActorSpec.Walker w -> {
                    if (w.vma() < 0 || w.vma() >= spec.vmas().size()) {
                        errs.add(n + ": VMA reference does not resolve");
                    }
                    if (w.repeat() < -1) {
                        errs.add(n + ": repeat must be -1 (forever) or >= 0");
                    }
                }
                case ActorSpec.CpuAccess c -> {
                    if (c.repeat() < -1) {
                        errs.add(n + ": repeat must be -1 (forever) or >= 0");
                    }
                }
                case ActorSpec.SignalSender s -> {
                    if (s.target() < 0 || s.target() >= spec.actors().size()
                            || !(spec.actors().get(s.target()) instanceof ActorSpec.Pinner)) {
                        errs.add(n + ": target must be a pinner");
                    }
                }
                case ActorSpec.Unmapper u -> {
                    if (u.vma() < 0 || u.vma() >= spec.vmas().size()) {
                        errs.add(n + ": VMA reference does not resolve");
                    }
                }
            }
        }
        if (spec.actors().size() > 62) {
            errs.add("scenario: more than 62 actors are not supported");
        }
        if (policy == Policy.BOUNDED && spec.maxRetries() < 0) {
            errs.add("scenario: maxRetries must be >= 0 for BOUNDED");
        }
        if (spec.schedule() != null) {
            for (int k = 0; k < spec.schedule().size(); k++) {
                var st = spec.schedule().get(k);
                if (st.actor() < 0 || st.actor() >= spec.actors().size()) {
                    errs.add("schedule step " + (k + 1) + ": actor reference does not resolve");
                }
                if (st.until() != null && !st.until().isEmpty() && !Listings.isKnownLabel(st.until())) {
                    errs.add("schedule step " + (k + 1) + ": unknown label '" + st.until() + "' (known: "
                            + String.join(", ", Listings.knownLabels()) + ")");
                }
            }
        }
        if (errs.isEmpty() && pinners == 0 && spec.actors().isEmpty()) {
            errs.add("scenario: no actors");
        }
        if (errs.isEmpty()) {
            try {
                long slots = countSlots(spec);
                if (slots > 4_000_000) {
                    errs.add("scenario: " + slots + " page-table slots would be modelled (limit 4,000,000)");
                }
            } catch (RuntimeException e) {
                errs.add("scenario: " + e.getMessage());
            }
        }
        return errs;
    }

    public static Machine create(ScenarioSpec spec, Policy policy, int maxRetries, long maxSteps,
            SimulationOptions options) {
        return new Machine(spec, policy, maxRetries, maxSteps, options);
    }

    static BarSpec barOf(ScenarioSpec spec, VmaSpec v) {
        if (v.device() < 0 || v.device() >= spec.devices().size()) {
            return null;
        }
        for (BarSpec b : spec.devices().get(v.device()).bars()) {
            if (b.index() == v.bar()) {
                return b;
            }
        }
        return null;
    }

    static int vmaIndexAt(ScenarioSpec spec, long addr) {
        for (int i = 0; i < spec.vmas().size(); i++) {
            VmaSpec v = spec.vmas().get(i);
            if (v.start() <= addr && addr < v.end()) {
                return i;
            }
        }
        return -1;
    }

    int vmaIndexAt(long addr) {
        for (int i = 0; i < nVma; i++) {
            if (vStart[i] <= addr && addr < vEnd[i]) {
                return i;
            }
        }
        return -1;
    }

    // ====================================================================================== slot universe

    /**
     * Which page-table slots can ever matter: those on the walk to a page some actor touches (pinner ranges,
     * CPU accesses, initial entries). Below a PUD (PMD) slot that a fault fills with a leaf and no initial entry
     * makes a table, no lower slot can ever exist: once a table is installed it stays until munmap (§4.2
     * "structural facts"), and whether a fault takes the PUD/PMD order is static (THP mode, pfnmap support,
     * alignment). So the universe is exact, not an approximation, and a 1 GiB PUD mapping is one slot.
     * Value per key: {level ordinal, vaddr, capable}.
     */
    private TreeMap<Long, long[]> buildSlots() {
        return buildSlots(spec, this::capable);
    }

    private static long countSlots(ScenarioSpec spec) {
        return buildSlots(spec, (lvl, base) -> capableStatic(spec, lvl, base)).size();
    }

    interface Capability {
        boolean test(Level lvl, long base);
    }

    private static TreeMap<Long, long[]> buildSlots(ScenarioSpec spec, Capability cap) {
        TreeMap<Long, long[]> out = new TreeMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (ActorSpec a : spec.actors()) {
            if (a instanceof ActorSpec.Pinner p && p.size() > 0) {
                ranges.add(new long[] {p.vaddr() & ~0xfffL, p.vaddr() + p.size()});
            } else if (a instanceof ActorSpec.CpuAccess c) {
                ranges.add(new long[] {c.vaddr() & ~0xfffL, (c.vaddr() & ~0xfffL) + 4096});
            }
        }
        for (EntrySpec e : spec.entries()) {
            ranges.add(new long[] {e.vaddr(), e.vaddr() + e.level().size()});
        }
        for (long[] r : ranges) {
            // clip to VMAs: outside any VMA no walk reaches page tables
            for (VmaSpec v : spec.vmas()) {
                long lo = Math.max(r[0], v.start());
                long hi = Math.min(r[1], v.end());
                if (lo < hi) {
                    addRange(spec, out, cap, lo, hi);
                }
            }
        }
        return out;
    }

    private static void addRange(ScenarioSpec spec, TreeMap<Long, long[]> out, Capability cap, long lo, long hi) {
        long pudSize = Level.PUD.size();
        for (long pud = lo & ~(pudSize - 1); pud < hi; pud += pudSize) {
            boolean capPud = cap.test(Level.PUD, pud);
            put(out, Level.PUD, pud, capPud);
            boolean lowerInit = hasInitialBelow(spec, Level.PUD, pud);
            if ((capPud || !installs(spec, pud)) && !lowerInit) {
                // a NO_INSTALL provider never fills a slot, so below an untouched PUD nothing ever appears
                continue;
            }
            long pmdLo = Math.max(lo, pud) & ~(Level.PMD.size() - 1);
            long pmdHi = Math.min(hi, pud + pudSize);
            for (long pmd = pmdLo; pmd < pmdHi; pmd += Level.PMD.size()) {
                boolean capPmd = cap.test(Level.PMD, pmd);
                put(out, Level.PMD, pmd, capPmd);
                if (capPmd && !hasInitialBelow(spec, Level.PMD, pmd)) {
                    continue;
                }
                long pteLo = Math.max(lo, pmd);
                long pteHi = Math.min(pmdHi, pmd + Level.PMD.size());
                for (long pte = pteLo; pte < pteHi; pte += 4096) {
                    put(out, Level.PTE, pte, true);
                }
                if (out.size() > 4_000_000) {
                    throw new IllegalStateException("too many page-table slots (over 4,000,000)");
                }
            }
        }
    }

    private static boolean installs(ScenarioSpec spec, long va) {
        int v = vmaIndexAt(spec, va);
        return v < 0 || spec.vmas().get(v).faultBehavior() != FaultBehavior.NO_INSTALL;
    }

    private static void put(TreeMap<Long, long[]> out, Level lvl, long va, boolean capable) {
        // order by address, then PUD before PMD before PTE at the same address
        long key = (va >>> 12) * 4 + (2 - lvl.ordinal());
        out.putIfAbsent(key, new long[] {lvl.ordinal(), va, capable ? 1 : 0});
    }

    private static boolean hasInitialBelow(ScenarioSpec spec, Level lvl, long base) {
        for (EntrySpec e : spec.entries()) {
            if (e.level().ordinal() < lvl.ordinal() && e.vaddr() >= base && e.vaddr() < base + lvl.size()) {
                return true;
            }
        }
        return false;
    }

    private boolean capable(Level lvl, long base) {
        return capableStatic(spec, lvl, base);
    }

    /**
     * Can a fault install a leaf of this level at base? __handle_mm_fault() tries PUD_ORDER then PMD_ORDER when
     * the THP gate allows special VMAs (§4.2: mode never / madvise without VM_HUGEPAGE refuse), the arch supports
     * that pfnmap order, and is_aligned_for_order() holds (§5.2: inside the VMA, PFN aligned).
     */
    static boolean capableStatic(ScenarioSpec spec, Level lvl, long base) {
        if (lvl == Level.PTE) {
            return true;
        }
        int vi = vmaIndexAt(spec, base);
        if (vi < 0) {
            return false;
        }
        VmaSpec v = spec.vmas().get(vi);
        if (v.faultBehavior() == FaultBehavior.NO_INSTALL) {
            return false;
        }
        ThpMode thp = spec.kernel().thpMode();
        if (thp == ThpMode.NEVER || (thp == ThpMode.MADVISE && !v.has(VmFlags.VM_HUGEPAGE))) {
            return false;
        }
        if (lvl == Level.PUD && !spec.kernel().pudPfnmap() || lvl == Level.PMD && !spec.kernel().pmdPfnmap()) {
            return false;
        }
        if (base < v.start() || base + lvl.size() > v.end()) {
            return false;
        }
        BarSpec bar = barOf(spec, v);
        long pfn = (bar == null ? 0 : bar.physicalAddress() >>> 12) + v.pgoff() + ((base - v.start()) >>> 12);
        return pfn % lvl.pages() == 0;
    }

    private int initialKind(int s) {
        for (EntrySpec e : spec.entries()) {
            if (e.level() == sLevel[s] && e.vaddr() == sVaddr[s]) {
                return K_LEAF;
            }
        }
        if (sLevel[s] != Level.PTE && hasInitialBelow(spec, sLevel[s], sVaddr[s])) {
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

    // ====================================================================================== state helpers

    int pc(long[] s, int a) {
        return L.geti(s, fPc[a]);
    }

    Pc pcOf(long[] s, int a) {
        return Pc.ALL[L.geti(s, fPc[a])];
    }

    void setPc(long[] s, int a, Pc p) {
        L.set(s, fPc[a], p.ordinal());
    }

    int slotKind(long[] s, int slot) {
        return slot < 0 ? K_NONE : L.geti(s, fSlot[slot]) & 3;
    }

    boolean slotW(long[] s, int slot) {
        return (L.geti(s, fSlot[slot]) & 4) != 0;
    }

    boolean slotSpecial(long[] s, int slot) {
        return (L.geti(s, fSlot[slot]) & 8) != 0;
    }

    void setSlot(long[] s, int slot, int k, boolean w, boolean special) {
        L.set(s, fSlot[slot], k | (w ? 4 : 0) | (special ? 8 : 0));
    }

    boolean vmaPresent(long[] s, int v) {
        return L.is(s, fVmaPresent[v]);
    }

    /** vma_lookup(): the present VMA containing addr, or -1. */
    int lookup(long[] s, long addr) {
        for (int i = 0; i < nVma; i++) {
            if (vStart[i] <= addr && addr < vEnd[i]) {
                return L.is(s, fVmaPresent[i]) ? i : -1;
            }
        }
        return -1;
    }

    long pfnAt(long va) {
        int v = vmaIndexAt(va);
        return v < 0 ? 0 : vBasePfn[v] + ((va - vStart[v]) >>> 12);
    }

    long mapped(long[] s, int a) {
        return pPages[a] - L.get(s, fRemaining[a]);
    }

    /** vaddr_get_pfns()'s vaddr: dma->vaddr + dma->size + pinned pages. */
    long curVaddr(long[] s, int a) {
        return pStart[a] + ((mapped(s, a) + L.get(s, fPinned[a])) << 12);
    }

    /** vfio_pin_pages_remote()'s npage minus what it pinned so far (disable_hugepages: 1 page per call). */
    long curNpages(long[] s, int a) {
        long np = spec.kernel().disableHugepages() ? Math.min(1, L.get(s, fRemaining[a])) : L.get(s, fRemaining[a]);
        return np - L.get(s, fPinned[a]);
    }

    boolean memoryEnabled(long[] s, int d) {
        // __vfio_pci_memory_enabled(): current_state < D3hot && (no_command_memory || vconfig MEMORY) (§5.2)
        return L.geti(s, fDevPower[d]) == 0 && (devNoCmdMem[d] || L.is(s, fDevMem[d]));
    }

    boolean vmaWritableProt(int v) {
        // vm_page_prot of a shared VM_PFNMAP mapping is writable when VM_WRITE (no write-notify), §5.2
        return (vFlags[v] & VmFlags.VM_WRITE) != 0 && (vFlags[v] & VmFlags.VM_SHARED) != 0;
    }

    // ====================================================================================== locks

    boolean holdsMmapR(long[] s, int a) {
        return switch (kind[a]) {
            case A_PIN -> L.is(s, fMmapR[a]);
            case A_WALK -> {
                Pc p = pcOf(s, a);
                yield p == Pc.SPLIT || p == Pc.W_UNLOCK;
            }
            case A_CPU -> {
                Pc p = pcOf(s, a);
                yield p == Pc.C_FAULT || p == Pc.C_FAULT_LOCK || p == Pc.C_FAULT_INSERT || p == Pc.C_UNLOCK;
            }
            default -> false;
        };
    }

    boolean holdsMmapW(long[] s, int a) {
        if (kind[a] != A_UNMAP) {
            return false;
        }
        Pc p = pcOf(s, a);
        return p == Pc.M_UNMAP || p == Pc.M_UNLOCK;
    }

    boolean mmapWriteHeld(long[] s) {
        for (int a : unmapIdx) {
            if (holdsMmapW(s, a)) {
                return true;
            }
        }
        return false;
    }

    boolean mmapReadHeld(long[] s) {
        for (int a : mmapReaderIdx) {
            if (holdsMmapR(s, a)) {
                return true;
            }
        }
        return false;
    }

    /** Device whose memory_lock the actor holds for read, or -1. */
    int memReadDevice(long[] s, int a) {
        if (kind[a] == A_PIN) {
            if (!L.is(s, fMemR[a])) {
                return -1;
            }
            int v = vmaIndexAt(curVaddr(s, a));
            return v < 0 ? -1 : vDev[v];
        }
        if (kind[a] == A_CPU && pcOf(s, a) == Pc.C_FAULT_INSERT) {
            int v = vmaIndexAt(((ActorSpec.CpuAccess) actors[a]).vaddr());
            return v < 0 ? -1 : vDev[v];
        }
        return -1;
    }

    boolean holdsMemW(long[] s, int a, int d) {
        if (kind[a] != A_ZAP || ((ActorSpec.Zapper) actors[a]).device() != d) {
            return false;
        }
        Pc p = pcOf(s, a);
        return p == Pc.ZAP || p == Pc.Z_STATE || p == Pc.Z_UNLOCK || p == Pc.Z_STATE2 || p == Pc.Z_UNLOCK2;
    }

    boolean memWriteHeld(long[] s, int d) {
        for (int a : zapIdx) {
            if (holdsMemW(s, a, d)) {
                return true;
            }
        }
        return false;
    }

    boolean memReadHeld(long[] s, int d) {
        for (int a : memReaderIdx) {
            if (memReadDevice(s, a) == d) {
                return true;
            }
        }
        return false;
    }

    /** Which pinner holds page-table lock id, or -1. Only pinners hold PT locks across steps (F_LOCK..F_END). */
    int ptlOwner(long[] s, int lock) {
        for (int a : pinIdx) {
            if (L.geti(s, fPtl[a]) == lock) {
                return a;
            }
        }
        return -1;
    }

    boolean immapReadHeld(long[] s) {
        for (int a : zapIdx) {
            if (pcOf(s, a) == Pc.ZAP && L.geti(s, fCursor[a]) > 0) {
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
    public int waitCode(long[] s, int a) {
        Pc p = pcOf(s, a);
        if (p.isDone()) {
            return -1;
        }
        switch (p) {
            case P_LOCK, FIXUP_RELOCK, W_LOCK, C_LOCK:
                return mmapWriteHeld(s) ? code(LK_MMAP_R, 0) : 0;
            case RELOCK:
                // mmap_read_lock_killable(): sleeps only if contended, and a fatal signal ends the sleep
                return mmapWriteHeld(s) && !L.is(s, fSig[a]) ? code(LK_MMAP_R, 0) : 0;
            case M_LOCK:
                return mmapWriteHeld(s) || mmapReadHeld(s) ? code(LK_MMAP_W, 0) : 0;
            case M_UNMAP:
                return immapReadHeld(s) ? code(LK_IMMAP_W, 0) : 0;
            case FAULT_LOCK: {
                int d = vDev[vmaIndexAt(curVaddr(s, a))];
                return memWriteHeld(s, d) ? code(LK_MEM_R, d) : 0;
            }
            case C_FAULT_LOCK: {
                int d = vDev[vmaIndexAt(((ActorSpec.CpuAccess) actors[a]).vaddr())];
                return memWriteHeld(s, d) ? code(LK_MEM_R, d) : 0;
            }
            case Z_LOCK, Z_LOCK2: {
                int d = ((ActorSpec.Zapper) actors[a]).device();
                if (memReadHeld(s, d)) {
                    return code(LK_MEM_W, d);
                }
                for (int o = 0; o < nActors; o++) {
                    if (o != a && holdsMemW(s, o, d)) {
                        return code(LK_MEM_W, d);
                    }
                }
                return 0;
            }
            case F1_LOCK_PUD, F2_LOCK_PUD, F1_LOCK_PMD, F2_LOCK_PMD, F1_LOCK_PTE, F2_LOCK_PTE: {
                int lock = fLockId(s, a, p);
                return lock > 0 && ptlOwner(s, lock) >= 0 ? code(LK_PTL, lock) : 0;
            }
            case FAULT_INSERT, PROV_INSERT:
                return insertWait(s, curVaddr(s, a));
            case C_FAULT_INSERT:
                return insertWait(s, ((ActorSpec.CpuAccess) actors[a]).vaddr());
            case C_FAULT: {
                long va = ((ActorSpec.CpuAccess) actors[a]).vaddr();
                int v = lookup(s, va);
                return v >= 0 && vFb[v] == FaultBehavior.DROPS_LOCK && present(s, va) < 0 ? insertWait(s, va) : 0;
            }
            case ZAP: {
                int next = nextLeaf(s, a, L.geti(s, fCursor[a]) == 0 ? 0 : L.geti(s, fCursor[a]) - 1);
                if (next < 0) {
                    return 0;
                }
                int owner = ptlOwner(s, sLock[devSlots[((ActorSpec.Zapper) actors[a]).device()][next]]);
                return owner >= 0 ? code(LK_PTL, sLock[devSlots[((ActorSpec.Zapper) actors[a]).device()][next]]) : 0;
            }
            case SPLIT:
                return ptlOwner(s, 1) >= 0 ? code(LK_PTL, 1) : 0;
            default:
                return 0;
        }
    }

    public boolean runnable(long[] s, int a) {
        return waitCode(s, a) == 0;
    }

    public boolean done(long[] s, int a) {
        return pcOf(s, a).isDone();
    }

    /** The page-table lock an F_LOCK step takes (pud_lock / pmd_lock / pte_offset_map_lock), 0 if no slot. */
    int fLockId(long[] s, int a, Pc p) {
        long va = curVaddr(s, a);
        int slot = switch (p) {
            case F1_LOCK_PUD, F2_LOCK_PUD -> pudSlot(va);
            case F1_LOCK_PMD, F2_LOCK_PMD -> pmdSlot(va);
            default -> pteSlot(va);
        };
        return slot < 0 ? 0 : sLock[slot];
    }

    /** Slot index of the present leaf mapping va, or -1. */
    int present(long[] s, long va) {
        int pud = pudSlot(va);
        int k = slotKind(s, pud);
        if (k == K_LEAF) {
            return pud;
        }
        if (k != K_TABLE) {
            return -1;
        }
        int pmd = pmdSlot(va);
        k = slotKind(s, pmd);
        if (k == K_LEAF) {
            return pmd;
        }
        if (k != K_TABLE) {
            return -1;
        }
        int pte = pteSlot(va);
        return slotKind(s, pte) == K_LEAF ? pte : -1;
    }

    /** Wait code for the locks an insert at va needs (the slot's PT lock, and the parents' for table installs). */
    int insertWait(long[] s, long va) {
        int pud = pudSlot(va);
        if (pud < 0) {
            return 0;
        }
        if (ptlOwner(s, 1) >= 0) {
            return code(LK_PTL, 1);
        }
        int k = slotKind(s, pud);
        if (k == K_LEAF || (k == K_NONE && sCapable[pud])) {
            return 0;
        }
        int pmd = pmdSlot(va);
        if (pmd < 0) {
            return 0;
        }
        if (ptlOwner(s, sLock[pmd]) >= 0) {
            return code(LK_PTL, sLock[pmd]);
        }
        k = slotKind(s, pmd);
        if (k == K_LEAF || (k == K_NONE && sCapable[pmd])) {
            return 0;
        }
        int pte = pteSlot(va);
        return pte >= 0 && ptlOwner(s, sLock[pte]) >= 0 ? code(LK_PTL, sLock[pte]) : 0;
    }

    /**
     * The insert helpers of §5.2 (vmf_insert_pfn / _pmd / _pud) after __handle_mm_fault's order choice (§4.2):
     * install a PUD leaf if the PUD is none and PUD_ORDER is possible, else allocate the PMD table and try
     * PMD_ORDER, else the PTE. A present entry is kept (idempotent). Returns a description for the trace.
     */
    String insert(long[] s, long va, int vma, boolean describe) {
        boolean w = vmaWritableProt(vma);
        int pud = pudSlot(va);
        if (pud < 0) {
            return describe ? "no page table modelled here" : null;
        }
        int k = slotKind(s, pud);
        if (k == K_LEAF) {
            return describe ? "PUD leaf already present (kept)" : null;
        }
        if (k == K_NONE && sCapable[pud]) {
            setSlot(s, pud, K_LEAF, w, true);
            return describe ? String.format("PUD leaf inserted (pfn 0x%x)", pfnAt(sVaddr[pud])) : null;
        }
        String pre = "";
        if (k == K_NONE) {
            setSlot(s, pud, K_TABLE, false, false);
            pre = "PMD table allocated; ";
        }
        int pmd = pmdSlot(va);
        k = slotKind(s, pmd);
        if (k == K_LEAF) {
            return describe ? pre + "PMD leaf already present (kept)" : null;
        }
        if (k == K_NONE && sCapable[pmd]) {
            setSlot(s, pmd, K_LEAF, w, true);
            return describe ? pre + String.format("PMD leaf inserted (pfn 0x%x)", pfnAt(sVaddr[pmd])) : null;
        }
        if (k == K_NONE) {
            setSlot(s, pmd, K_TABLE, false, false);
            pre += "PTE table allocated; ";
        }
        int pte = pteSlot(va);
        if (slotKind(s, pte) == K_LEAF) {
            return describe ? pre + "PTE already present (kept)" : null;
        }
        setSlot(s, pte, K_LEAF, w, true);
        return describe ? pre + String.format("PTE inserted (pfn 0x%x)", pfnAt(va & ~0xfffL)) : null;
    }

    /** Index into devSlots[dev] of the first present leaf at or after from, or -1. */
    int nextLeaf(long[] s, int a, int from) {
        int[] ds = devSlots[((ActorSpec.Zapper) actors[a]).device()];
        for (int i = from; i < ds.length; i++) {
            if (slotKind(s, ds[i]) == K_LEAF) {
                return i;
            }
        }
        return -1;
    }

    // ====================================================================================== transitions

    /**
     * Executes one atomic step of actor a on state s (in place). The caller guarantees runnable(s, a).
     * ev, when non-null, receives a human-readable event text (the explorer passes null: no strings built).
     */
    public void step(long[] s, int a, StringBuilder ev) {
        switch (kind[a]) {
            case A_PIN -> stepPinner(s, a, ev);
            case A_ZAP -> stepZapper(s, a, ev);
            case A_WALK -> stepWalker(s, a, ev);
            case A_CPU -> stepCpu(s, a, ev);
            case A_SIG -> {
                // send_sig(SIGKILL): the target's fatal_signal_pending() becomes true (§8.6 S)
                int t = ((ActorSpec.SignalSender) actors[a]).target();
                L.set(s, fSig[t], 1);
                setPc(s, a, Pc.S_DONE);
                if (ev != null) {
                    say(ev, "SIGKILL sent to " + actors[t].name());
                }
            }
            default -> stepUnmapper(s, a, ev);
        }
    }

    private static void say(StringBuilder ev, String text) {
        if (ev != null) {
            ev.append(text);
        }
    }

    private int ret(long[] s, int a) {
        return L.geti(s, fRet[a]);
    }

    private void setRet(long[] s, int a, int r) {
        L.set(s, fRet[a], r);
    }

    /** follow_pfnmap_start() failure code: -ENOENT for "no present entry" under policy (e), else -EINVAL (§9). */
    private int noEntry() {
        return policy == Policy.ENOENT ? R_ENOENT : R_EINVAL;
    }

    private void stepPinner(long[] s, int a, StringBuilder ev) {
        Pc p = pcOf(s, a);
        switch (p) {
            case MAP_LOOP -> {
                // vfio_pin_map_dma(): while (size) — each pass is one vfio_pin_pages_remote() call (§1.1)
                long rem = L.get(s, fRemaining[a]);
                if (rem == 0) {
                    setPc(s, a, Pc.MAP_END);
                    say(ev, "size == 0: whole range mapped");
                } else {
                    L.set(s, fPinned[a], 0);
                    L.set(s, fBaseSet[a], 0);
                    L.set(s, fRsvd[a], 0);
                    setPc(s, a, Pc.PPR_LOOP);
                    if (ev != null) {
                        ev.append(String.format("vfio_pin_pages_remote(vaddr=0x%x, npage=%d)", curVaddr(s, a),
                                curNpages(s, a)));
                    }
                }
            }
            case PPR_LOOP -> {
                // vfio_pin_pages_remote(): while (npage) { vaddr_get_pfns(...) } (§1.2)
                if (curNpages(s, a) <= 0) {
                    setPc(s, a, Pc.PPR_OUT);
                    say(ev, "npage == 0");
                } else {
                    L.set(s, fRetries[a], 0);
                    setRet(s, a, R_OK);
                    setPc(s, a, Pc.P_LOCK);
                    if (ev != null) {
                        ev.append(String.format("vaddr_get_pfns(vaddr=0x%x, npages=%d)", curVaddr(s, a),
                                curNpages(s, a)));
                    }
                }
            }
            case P_LOCK -> {
                // vaddr_get_pfns(): mmap_read_lock(mm), held until 'done' (§1.3, L1)
                L.set(s, fMmapR[a], 1);
                setPc(s, a, Pc.GUP);
                say(ev, "mmap_lock taken (read)");
            }
            case GUP -> stepGup(s, a, ev);
            case LOOKUP -> {
                // retry: vma_lookup(); only VM_PFNMAP takes the follow path, VM_IO alone does not (§1.3)
                long va = curVaddr(s, a);
                int v = lookup(s, va);
                if (v >= 0 && (vFlags[v] & VmFlags.VM_PFNMAP) != 0) {
                    L.set(s, fUnlocked[a], 0);
                    L.set(s, fTried[a], 0);
                    setPc(s, a, Pc.F1_READ);
                    if (ev != null) {
                        say(ev, "vma_lookup: " + spec.vmas().get(v).name() + " (VM_PFNMAP) → follow_fault_pfn()");
                    }
                } else {
                    if (options.resetRetOnRetry()) {
                        setRet(s, a, R_EFAULT);
                    }
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, (v < 0 ? "vma_lookup: NULL" : "vma_lookup: not VM_PFNMAP") + "; ret stays "
                                + R_NAMES[ret(s, a)]);
                    }
                }
            }
            case F1_READ, F2_READ -> stepFollowRead(s, a, p == Pc.F1_READ, ev);
            case F1_LOCK_PUD, F1_LOCK_PMD, F1_LOCK_PTE, F2_LOCK_PUD, F2_LOCK_PMD, F2_LOCK_PTE ->
                stepFollowLock(s, a, p, ev);
            case FIXUP -> stepFixup(s, a, ev);
            case HMF -> stepHandleFault(s, a, ev);
            case FAULT_LOCK -> {
                // vfio_pci_mmap_huge_fault(): down_read(&vdev->memory_lock); sleeps while a zapper writes (§5.2)
                L.set(s, fMemR[a], 1);
                setPc(s, a, Pc.FAULT_INSERT);
                say(ev, "memory_lock taken (read)");
            }
            case FAULT_INSERT -> {
                // vfio_pci_vmf_insert_pfn(): SIGBUS if pm_runtime_engaged or memory disabled, else insert (§5.2)
                long va = curVaddr(s, a);
                int v = vmaIndexAt(va);
                int d = vDev[v];
                if (L.is(s, fDevPm[d]) || !memoryEnabled(s, d)) {
                    L.set(s, fVmf[a], VMF_SIGBUS);
                    say(ev, "memory disabled / low power → VM_FAULT_SIGBUS; memory_lock released");
                } else {
                    String what = insert(s, va, v, ev != null);
                    L.set(s, fVmf[a], VMF_NOPAGE);
                    if (ev != null) {
                        say(ev, what + "; VM_FAULT_NOPAGE; memory_lock released");
                    }
                }
                L.set(s, fMemR[a], 0);
                setPc(s, a, Pc.FIXUP_RESULT);
            }
            case PROV_DROP -> {
                // a provider that returns VM_FAULT_RETRY has released the mmap lock (§4.1, §10 #11)
                L.set(s, fMmapR[a], 0);
                L.set(s, fVmf[a], VMF_RETRY);
                setPc(s, a, Pc.FIXUP_RESULT);
                say(ev, "fault handler dropped mmap_lock → VM_FAULT_RETRY");
            }
            case PROV_INSERT -> {
                long va = curVaddr(s, a);
                String what = insert(s, va, vmaIndexAt(va), ev != null);
                L.set(s, fVmf[a], VMF_NOPAGE);
                setPc(s, a, Pc.FIXUP_RESULT);
                if (ev != null) {
                    say(ev, "FAULT_FLAG_TRIED: " + what + "; VM_FAULT_NOPAGE");
                }
            }
            case FIXUP_RESULT -> {
                // fixup_user_fault(): VM_FAULT_ERROR → vm_fault_to_errno (SIGBUS/SIGSEGV → -EFAULT); RETRY → relock
                int vmf = L.geti(s, fVmf[a]);
                L.set(s, fVmf[a], 0);
                if (vmf == VMF_RETRY) {
                    setPc(s, a, Pc.FIXUP_RELOCK);
                    say(ev, "VM_FAULT_RETRY: retake mmap_lock, *unlocked = true, FAULT_FLAG_TRIED");
                } else {
                    setRet(s, a, vmf == VMF_NOPAGE ? R_OK : R_EFAULT);
                    setPc(s, a, Pc.FIXUP_RET);
                    if (ev != null) {
                        say(ev, "fixup_user_fault returns " + R_NAMES[ret(s, a)] + " (" + VMF_NAMES[vmf] + ")");
                    }
                }
            }
            case FIXUP_RELOCK -> {
                // mmap_read_lock() after RETRY is not killable (§4.1); then goto retry with *unlocked set
                L.set(s, fMmapR[a], 1);
                L.set(s, fUnlocked[a], 1);
                L.set(s, fTried[a], 1);
                setPc(s, a, Pc.FIXUP);
                say(ev, "mmap_lock retaken (read); unlocked = true");
            }
            case FIXUP_RET -> {
                // follow_fault_pfn(): 'unlocked' is tested before ret, so a fixup error is discarded (§2)
                L.set(s, fTried[a], 0);
                if (L.is(s, fUnlocked[a])) {
                    setRet(s, a, R_EAGAIN);
                    setPc(s, a, Pc.RETRY);
                    say(ev, "unlocked → return -EAGAIN");
                } else if (ret(s, a) != R_OK) {
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, "return " + R_NAMES[ret(s, a)]);
                    }
                } else {
                    setPc(s, a, Pc.F2_READ);
                    say(ev, "fixup ok → follow_pfnmap_start() again (F2)");
                }
            }
            case F2_FAIL -> stepF2Fail(s, a, ev);
            case F_END -> {
                // follow_fault_pfn(): write check, copy pfn/addr_mask, follow_pfnmap_end() drops the PT lock (§2)
                boolean wrOk = !pWrite[a] || L.is(s, fW[a]);
                int lock = L.geti(s, fPtl[a]);
                L.set(s, fPtl[a], 0);
                boolean stale = L.is(s, fStale[a]);
                L.set(s, fStale[a], 0);
                if (wrOk) {
                    setRet(s, a, R_OK);
                    if (stale) {
                        L.set(s, fEverStale[a], 1);
                    }
                    setPc(s, a, Pc.VGP_COUNT);
                    if (ev != null) {
                        ev.append(String.format("pfn 0x%x, addr_mask %s%s; %s released", pfnAt(curVaddr(s, a)),
                                maskName(L.geti(s, fLvl[a])), stale ? " — STALE: entry was zapped" : "",
                                lockName(lock)));
                    }
                } else {
                    setRet(s, a, R_EFAULT);
                    L.set(s, fLvl[a], 0);
                    L.set(s, fW[a], 0);
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, "write_fault && !args.writable → -EFAULT; " + lockName(lock) + " released");
                    }
                }
            }
            case RETRY -> stepRetry(s, a, ev);
            case RETRY_UNLOCK -> {
                // (d') mmap_read_unlock() before the retry: the VMA may change now (§9)
                L.set(s, fMmapR[a], 0);
                setPc(s, a, Pc.RELOCK);
                say(ev, "mmap_lock released (read); cond_resched()");
            }
            case RELOCK -> {
                if (!mmapWriteHeld(s)) {
                    L.set(s, fMmapR[a], 1);
                    setPc(s, a, Pc.LOOKUP);
                    say(ev, "mmap_read_lock_killable: taken");
                } else {
                    // contended and a fatal signal is pending: the killable sleep returns -EINTR, no lock held
                    setRet(s, a, R_EINTR);
                    setPc(s, a, Pc.PPR_CHECK);
                    say(ev, "mmap_read_lock_killable: fatal signal → return -EINTR");
                }
            }
            case VGP_COUNT -> {
                // is_invalid_reserved_pfn(); count = min(npages, epfn - pfn) from addr_mask (§1.3)
                long va = curVaddr(s, a);
                int v = vmaIndexAt(va);
                if (v >= 0 && vRsvd[v]) {
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        ev.append(String.format("is_invalid_reserved_pfn: yes; ret = %d PFNs", chunkCount(s, a)));
                    }
                } else {
                    setRet(s, a, R_EFAULT);
                    L.set(s, fLvl[a], 0);
                    L.set(s, fW[a], 0);
                    setPc(s, a, Pc.P_UNLOCK);
                    say(ev, "pfn has a normal struct page → -EFAULT");
                }
            }
            case P_UNLOCK -> {
                // done: mmap_read_unlock(mm); return ret (§1.3)
                L.set(s, fMmapR[a], 0);
                setPc(s, a, Pc.PPR_CHECK);
                if (ev != null) {
                    say(ev, "mmap_lock released (read); return " + (ret(s, a) == R_OK ? chunkCount(s, a) + " PFNs"
                            : R_NAMES[ret(s, a)]));
                }
            }
            case PPR_CHECK -> stepPprCheck(s, a, ev);
            case PPR_OUT -> {
                // out: vfio_lock_acct(0) for PFNMAP, return pinned (§1.2)
                setRet(s, a, R_OK);
                setPc(s, a, Pc.MAP_RESULT);
                if (ev != null) {
                    say(ev, "return pinned = " + L.get(s, fPinned[a]));
                }
            }
            case MAP_RESULT -> {
                // vfio_pin_map_dma(): any error aborts the whole MAP_DMA (§1.1)
                if (ret(s, a) != R_OK) {
                    setPc(s, a, Pc.MAP_END);
                    L.set(s, fPinned[a], 0);
                    if (ev != null) {
                        say(ev, "npage <= 0: ret = " + R_NAMES[ret(s, a)] + "; vfio_remove_dma() unwinds everything");
                    }
                } else {
                    long n = L.get(s, fPinned[a]);
                    L.set(s, fRemaining[a], L.get(s, fRemaining[a]) - n);
                    L.set(s, fPinned[a], 0);
                    L.set(s, fBaseSet[a], 0);
                    L.set(s, fRsvd[a], 0);
                    setPc(s, a, Pc.MAP_LOOP);
                    if (ev != null) {
                        say(ev, "iommu_map(" + n + " pages); size -= " + n + " pages");
                    }
                }
            }
            case MAP_END -> {
                setPc(s, a, Pc.P_DONE);
                if (ev != null) {
                    int r = ret(s, a);
                    ev.append(r == R_OK ? "VFIO_IOMMU_MAP_DMA returns 0 (" + pPages[a] + " pages pinned)"
                            + (L.is(s, fEverStale[a]) ? " — with a STALE PFN" : "")
                            : "VFIO_IOMMU_MAP_DMA returns " + R_NAMES[r]);
                }
            }
            default -> throw new IllegalStateException("pinner at " + p);
        }
    }

    private void stepGup(long[] s, int a, StringBuilder ev) {
        // pin_user_pages_remote(locked = NULL): check_vma_flags() refuses VM_IO|VM_PFNMAP with -EFAULT before any
        // fault or signal check (§1.3); no VMA → -EFAULT too
        long va = curVaddr(s, a);
        int v = lookup(s, va);
        if (v < 0 || (vFlags[v] & (VmFlags.VM_IO | VmFlags.VM_PFNMAP)) != 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.LOOKUP);
            if (ev != null) {
                say(ev, "pin_user_pages_remote: -EFAULT (" + (v < 0 ? "no VMA" : "VM_IO|VM_PFNMAP") + ")");
            }
        } else if (pWrite[a] && (vFlags[v] & VmFlags.VM_WRITE) == 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.LOOKUP);
            say(ev, "pin_user_pages_remote: -EFAULT (write to a read-only VMA)");
        } else {
            // ordinary memory: GUP pins pages (modelled as one contiguous page-backed run up to the VMA end)
            setRet(s, a, R_OK);
            L.set(s, fLvl[a], LEVEL_GUP);
            setPc(s, a, Pc.P_UNLOCK);
            if (ev != null) {
                say(ev, "pin_user_pages_remote: pinned " + chunkCount(s, a) + " page-backed pages");
            }
        }
    }

    private void stepFollowRead(long[] s, int a, boolean f1, StringBuilder ev) {
        // follow_pfnmap_start(): lockless pgd/p4d/pud/pmd reads (§3.3). A PUD table cannot turn back into a leaf
        // or vanish while the mmap lock is held, so reading PUD and PMD in one step loses no interleaving.
        long va = curVaddr(s, a);
        int pud = pudSlot(va);
        int k = slotKind(s, pud);
        if (k == K_LEAF) {
            L.set(s, fLvl[a], Level.PUD.ordinal());
            L.set(s, fW[a], slotW(s, pud));
            setPc(s, a, f1 ? Pc.F1_LOCK_PUD : Pc.F2_LOCK_PUD);
            say(ev, "pud = READ_ONCE(*pudp): leaf (lockless snapshot)");
            return;
        }
        if (k == K_NONE) {
            followFail(s, a, f1, ev, "pud none → " + R_NAMES[noEntry()] + " (E5)");
            return;
        }
        int pmd = pmdSlot(va);
        k = slotKind(s, pmd);
        if (k == K_LEAF) {
            L.set(s, fLvl[a], Level.PMD.ordinal());
            L.set(s, fW[a], slotW(s, pmd));
            setPc(s, a, f1 ? Pc.F1_LOCK_PMD : Pc.F2_LOCK_PMD);
            say(ev, "pud table; pmd = pmdp_get_lockless(): leaf (lockless snapshot)");
            return;
        }
        if (k == K_NONE) {
            followFail(s, a, f1, ev, "pmd none → " + R_NAMES[noEntry()] + " (E7)");
            return;
        }
        L.set(s, fLvl[a], Level.PTE.ordinal());
        setPc(s, a, f1 ? Pc.F1_LOCK_PTE : Pc.F2_LOCK_PTE);
        say(ev, "pud table; pmd table → pte_offset_map_lock()");
    }

    private void followFail(long[] s, int a, boolean f1, StringBuilder ev, String why) {
        setRet(s, a, noEntry());
        L.set(s, fLvl[a], 0);
        L.set(s, fW[a], 0);
        L.set(s, fStale[a], 0);
        if (f1) {
            // follow_fault_pfn(): F1 failed → fixup_user_fault() with a fresh 'unlocked = false' (§2)
            L.set(s, fUnlocked[a], 0);
            L.set(s, fTried[a], 0);
            setPc(s, a, Pc.FIXUP);
        } else {
            setPc(s, a, Pc.F2_FAIL);
        }
        say(ev, why);
    }

    private void stepFollowLock(long[] s, int a, Pc p, StringBuilder ev) {
        boolean f1 = p == Pc.F1_LOCK_PUD || p == Pc.F1_LOCK_PMD || p == Pc.F1_LOCK_PTE;
        long va = curVaddr(s, a);
        Level lvl = switch (p) {
            case F1_LOCK_PUD, F2_LOCK_PUD -> Level.PUD;
            case F1_LOCK_PMD, F2_LOCK_PMD -> Level.PMD;
            default -> Level.PTE;
        };
        int slot = lvl == Level.PUD ? pudSlot(va) : lvl == Level.PMD ? pmdSlot(va) : pteSlot(va);
        int lock = slot < 0 ? 0 : sLock[slot];
        String ln = lvl == Level.PUD ? "pud_lock" : lvl == Level.PMD ? "pmd_lock" : "pte lock";
        if (lvl == Level.PTE) {
            // pte_offset_map_lock(): NULL if the pmd changed under us (E8); the PTE is only read under its lock
            int pmd = pmdSlot(va);
            if (slotKind(s, pmd) != K_TABLE || slot < 0) {
                followFail(s, a, f1, ev, "pte_offset_map_lock: pmd changed → " + R_NAMES[noEntry()] + " (E8)");
                return;
            }
            if (slotKind(s, slot) != K_LEAF) {
                followFail(s, a, f1, ev, "pte lock taken; pte none → unlock, " + R_NAMES[noEntry()] + " (E9)");
                return;
            }
            L.set(s, fPtl[a], lock);
            L.set(s, fW[a], slotW(s, slot));
            setRet(s, a, R_OK);
            setPc(s, a, Pc.F_END);
            say(ev, "pte lock taken; pte present → 0 (lock held)");
            return;
        }
        int k = slotKind(s, slot);
        if (recheck) {
            // post-ffef67b93aa3: re-read under the lock; none → -EINVAL (E6/E8a), table → walk again (§3.3)
            if (k == K_NONE) {
                followFail(s, a, f1, ev, ln + " taken; re-read: none → unlock, " + R_NAMES[noEntry()]
                        + (lvl == Level.PUD ? " (E6)" : " (E8a)"));
                return;
            }
            if (k == K_TABLE) {
                L.set(s, fLvl[a], 0);
                L.set(s, fW[a], 0);
                setPc(s, a, f1 ? Pc.F1_READ : Pc.F2_READ);
                if (ev != null) {
                    say(ev, ln + " taken; re-read: no longer a leaf → unlock, goto retry");
                }
                return;
            }
            L.set(s, fW[a], slotW(s, slot));
        } else if (k != K_LEAF) {
            // pre-fix: the stale lockless snapshot is re-tested and passes; args come from it (§3.3 ★, §10 #10)
            L.set(s, fStale[a], 1);
        }
        L.set(s, fPtl[a], lock);
        setRet(s, a, R_OK);
        setPc(s, a, Pc.F_END);
        if (ev != null) {
            ev.append(ln).append(" taken; ").append(recheck ? "re-read: leaf" : "stale snapshot used")
                    .append(k != K_LEAF && !recheck ? " — the entry is GONE (zapped in W0)" : "")
                    .append(" → 0 (lock held)");
        }
    }

    private void stepFixup(long[] s, int a, StringBuilder ev) {
        // fixup_user_fault() retry: gup_vma_lookup, vma_permits_fault, then the KILLABLE fatal-signal check that
        // 'unlocked != NULL' enables (§4.1) — every policy's loop passes here, so SIGKILL always ends it (§9 b)
        long va = curVaddr(s, a);
        int v = lookup(s, va);
        if (v < 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.FIXUP_RET);
            say(ev, "gup_vma_lookup: NULL → -EFAULT");
            return;
        }
        int need = pWrite[a] ? VmFlags.VM_WRITE : VmFlags.VM_READ;
        if ((vFlags[v] & need) == 0) {
            setRet(s, a, R_EFAULT);
            setPc(s, a, Pc.FIXUP_RET);
            if (ev != null) {
                say(ev, "vma_permits_fault: no " + (pWrite[a] ? "VM_WRITE" : "VM_READ") + " → -EFAULT");
            }
            return;
        }
        if (L.is(s, fSig[a])) {
            setRet(s, a, R_EINTR);
            setPc(s, a, Pc.FIXUP_RET);
            say(ev, "FAULT_FLAG_KILLABLE && fatal_signal_pending → -EINTR");
            return;
        }
        setPc(s, a, Pc.HMF);
        if (ev != null) {
            say(ev, "handle_mm_fault(" + (pWrite[a] ? "WRITE|" : "") + "REMOTE|ALLOW_RETRY|KILLABLE"
                    + (L.is(s, fTried[a]) ? "|TRIED" : "") + ")");
        }
    }

    private void stepHandleFault(long[] s, int a, StringBuilder ev) {
        // handle_mm_fault(): sanitize_fault_flags (write without VM_MAYWRITE → SIGSEGV), a present entry is only
        // marked accessed, otherwise the VMA's handler runs (§4.2)
        long va = curVaddr(s, a);
        int v = vmaIndexAt(va);
        if (pWrite[a] && (vFlags[v] & VmFlags.VM_MAYWRITE) == 0) {
            L.set(s, fVmf[a], VMF_SIGSEGV);
            setPc(s, a, Pc.FIXUP_RESULT);
            say(ev, "sanitize_fault_flags: write without VM_MAYWRITE → VM_FAULT_SIGSEGV");
            return;
        }
        if (present(s, va) >= 0) {
            L.set(s, fVmf[a], VMF_NOPAGE);
            setPc(s, a, Pc.FIXUP_RESULT);
            say(ev, "entry present: marked accessed, returns 0");
            return;
        }
        switch (vFb[v]) {
            case VFIO_PCI -> {
                setPc(s, a, Pc.FAULT_LOCK);
                say(ev, "no entry → vfio_pci_mmap_huge_fault()");
            }
            case NO_INSTALL -> {
                L.set(s, fVmf[a], VMF_NOPAGE);
                setPc(s, a, Pc.FIXUP_RESULT);
                say(ev, "fault handler returns VM_FAULT_NOPAGE without installing an entry (§10 #15)");
            }
            case DROPS_LOCK -> {
                setPc(s, a, L.is(s, fTried[a]) ? Pc.PROV_INSERT : Pc.PROV_DROP);
                say(ev, "no entry → provider fault handler");
            }
        }
    }

    private void stepF2Fail(long[] s, int a, StringBuilder ev) {
        // follow_fault_pfn(): the F2 failure branch is exactly where the policies differ (§2.1, §9)
        int r = ret(s, a);
        switch (policy) {
            case PRE_PATCH -> {
                setPc(s, a, Pc.P_UNLOCK);
                if (ev != null) {
                    say(ev, "F2 failed: return " + R_NAMES[r]);
                }
            }
            case ENOENT -> {
                if (r == R_ENOENT) {
                    setRet(s, a, R_EAGAIN);
                    setPc(s, a, Pc.RETRY);
                    say(ev, "F2: -ENOENT (no entry) → return -EAGAIN");
                } else {
                    setPc(s, a, Pc.P_UNLOCK);
                    if (ev != null) {
                        say(ev, "F2 failed: return " + R_NAMES[r]);
                    }
                }
            }
            default -> {
                if (policy == Policy.BOUNDED) {
                    L.set(s, fZapped[a], 1);
                }
                setRet(s, a, R_EAGAIN);
                setPc(s, a, Pc.RETRY);
                say(ev, "F2 failed (entry zapped?) → return -EAGAIN");
            }
        }
    }

    private void stepRetry(long[] s, int a, StringBuilder ev) {
        // vaddr_get_pfns(): if (ret == -EAGAIN) goto retry — guarded per policy (§9)
        boolean zapped = L.is(s, fZapped[a]);
        boolean unlocked = L.is(s, fUnlocked[a]);
        L.set(s, fZapped[a], 0);
        L.set(s, fUnlocked[a], 0);
        switch (policy) {
            case BOUNDED -> {
                if (zapped || (options.boundedCountsUnlocked() && unlocked)) {
                    long n = L.get(s, fRetries[a]) + 1;
                    if (n > maxRetries) {
                        setRet(s, a, R_EBUSY);
                        setPc(s, a, Pc.P_UNLOCK);
                        if (ev != null) {
                            say(ev, "F2 failure #" + n + " > " + maxRetries + " → -EBUSY");
                        }
                        return;
                    }
                    L.set(s, fRetries[a], n);
                    if (ev != null) {
                        say(ev, "retry #" + n + " of " + maxRetries);
                    }
                } else {
                    say(ev, "retry (unlocked, not counted)");
                }
                setPc(s, a, Pc.LOOKUP);
            }
            case GUP_STYLE, ENOENT, GUP_STYLE_DROP_LOCK -> {
                if (L.is(s, fSig[a])) {
                    setRet(s, a, R_EINTR);
                    setPc(s, a, Pc.P_UNLOCK);
                    say(ev, "fatal_signal_pending → -EINTR");
                    return;
                }
                if (policy == Policy.GUP_STYLE_DROP_LOCK) {
                    setPc(s, a, Pc.RETRY_UNLOCK);
                    say(ev, "retry: no fatal signal");
                } else {
                    setPc(s, a, Pc.LOOKUP);
                    say(ev, "retry: no fatal signal; cond_resched()");
                }
            }
            default -> {
                setPc(s, a, Pc.LOOKUP);
                say(ev, "goto retry");
            }
        }
    }

    /** PFNs the finished vaddr_get_pfns() call returned: min(npages, epfn - pfn) (§1.3 addr_mask table). */
    long chunkCount(long[] s, int a) {
        long va = curVaddr(s, a);
        long np = curNpages(s, a);
        int lvl = L.geti(s, fLvl[a]);
        if (lvl == LEVEL_GUP) {
            int v = vmaIndexAt(va);
            long cap = spec.kernel().disableHugepages() ? 1 : spec.kernel().batchCapacity();
            return Math.min(Math.min(np, cap), (vEnd[v] - va) >>> 12);
        }
        long pages = LEVELS[lvl].pages();
        long pfn = pfnAt(va);
        long epfn = (pfn | (pages - 1)) + 1;
        return Math.min(np, epfn - pfn);
    }

    private void stepPprCheck(long[] s, int a, StringBuilder ev) {
        // vfio_pin_pages_remote(): error → unpin_out; first PFN becomes *pfn_base; a PFN that does not continue
        // *pfn_base + pinned (or !rsvd) ends this call with what it has (§1.2)
        int r = ret(s, a);
        if (r != R_OK) {
            L.set(s, fLvl[a], 0);
            L.set(s, fW[a], 0);
            setPc(s, a, Pc.MAP_RESULT);
            if (ev != null) {
                say(ev, "ret < 0: goto unpin_out; return " + R_NAMES[r]);
            }
            return;
        }
        long va = curVaddr(s, a);
        long count = chunkCount(s, a);
        int lvl = L.geti(s, fLvl[a]);
        boolean rsvdNow = lvl != LEVEL_GUP;
        long pinned = L.get(s, fPinned[a]);
        if (!L.is(s, fBaseSet[a])) {
            L.set(s, fBaseSet[a], 1);
            L.set(s, fRsvd[a], rsvdNow);
        }
        long base = pfnAt(pStart[a] + (mapped(s, a) << 12));
        boolean contiguous = lvl == LEVEL_GUP ? !L.is(s, fRsvd[a]) : pfnAt(va) == base + pinned && L.is(s, fRsvd[a]);
        L.set(s, fLvl[a], 0);
        L.set(s, fW[a], 0);
        if (!contiguous) {
            setPc(s, a, Pc.PPR_OUT);
            if (ev != null) {
                ev.append(String.format("pfn 0x%x != *pfn_base + pinned (0x%x): goto out", pfnAt(va), base + pinned));
            }
            return;
        }
        L.set(s, fPinned[a], pinned + count);
        setPc(s, a, Pc.PPR_LOOP);
        if (ev != null) {
            ev.append(String.format("pinned += %d (pfn 0x%x); npage -= %d", count, pfnAt(va), count));
        }
    }

    private void stepZapper(long[] s, int a, StringBuilder ev) {
        ActorSpec.Zapper z = (ActorSpec.Zapper) actors[a];
        int d = z.device();
        Pc p = pcOf(s, a);
        switch (p) {
            case Z_LOCK, Z_LOCK2 -> {
                // vfio_pci_zap_and_down_write_memory_lock(): down_write first, so faults are excluded during the zap
                boolean zap = p == Pc.Z_LOCK && z.trigger().zaps();
                L.set(s, fCursor[a], 0);
                setPc(s, a, zap ? Pc.ZAP : p == Pc.Z_LOCK ? Pc.Z_STATE : Pc.Z_STATE2);
                say(ev, "memory_lock taken (write)");
            }
            case Z_TRYLOCK -> {
                // VFIO_DEVICE_PCI_HOT_RESET: down_write_trylock per device; contention → -EBUSY for the ioctl [M]
                if (runnableMemWrite(s, a, d)) {
                    L.set(s, fCursor[a], 0);
                    setPc(s, a, Pc.ZAP);
                    say(ev, "memory_lock trylock (write): taken");
                } else {
                    endIteration(s, a);
                    say(ev, "memory_lock trylock failed → hot reset returns -EBUSY");
                }
            }
            case ZAP -> {
                // unmap_mapping_range() under i_mmap_rwsem (read): clear one leaf per step under its PT lock (§5.3)
                int[] ds = devSlots[d];
                int cur = L.geti(s, fCursor[a]);
                int i = nextLeaf(s, a, cur == 0 ? 0 : cur - 1);
                if (i < 0) {
                    L.set(s, fCursor[a], 0);
                    setPc(s, a, Pc.Z_STATE);
                    say(ev, "unmap_mapping_range: nothing mapped");
                    return;
                }
                int slot = ds[i];
                setSlot(s, slot, K_NONE, false, false);
                int next = nextLeaf(s, a, i + 1);
                if (next < 0) {
                    L.set(s, fCursor[a], 0);
                    setPc(s, a, Pc.Z_STATE);
                } else {
                    L.set(s, fCursor[a], next + 1);
                }
                if (ev != null) {
                    ev.append(String.format("%s leaf zapped at 0x%x (pfn 0x%x)", sLevel[slot], sVaddr[slot],
                            pfnAt(sVaddr[slot])));
                    if (next < 0) {
                        ev.append("; i_mmap_rwsem released");
                    }
                }
            }
            case Z_STATE -> {
                String what;
                switch (z.trigger()) {
                    case COMMAND_MEMORY_DISABLE, BAR_SIZING -> {
                        L.set(s, fDevMem[d], 0);
                        what = "vconfig COMMAND.MEMORY = 0";
                    }
                    case COMMAND_MEMORY_ENABLE -> {
                        L.set(s, fDevMem[d], 1);
                        what = "vconfig COMMAND.MEMORY = 1";
                    }
                    case DEVICE_RESET, HOT_RESET -> {
                        // the reset leaves vconfig alone and returns the device to D0 (§5.3 2., §10 #8)
                        L.set(s, fDevPower[d], 0);
                        what = "device reset; D0 (vconfig untouched)";
                    }
                    case LOW_POWER_ENTRY -> {
                        L.set(s, fDevPm[d], 1);
                        what = "pm_runtime_engaged = true";
                    }
                    default -> {
                        L.set(s, fDevPower[d], 1);
                        what = "current_state = D3hot";
                    }
                }
                setPc(s, a, Pc.Z_UNLOCK);
                say(ev, what);
            }
            case Z_UNLOCK -> {
                if (z.trigger() == ZapTrigger.BAR_SIZING) {
                    setPc(s, a, Pc.Z_BAR);
                } else {
                    endIteration(s, a);
                }
                say(ev, "memory_lock released (write)");
            }
            case Z_BAR -> {
                setPc(s, a, Pc.Z_LOCK2);
                say(ev, "BAR register written (sizing)");
            }
            case Z_STATE2 -> {
                L.set(s, fDevMem[d], 1);
                setPc(s, a, Pc.Z_UNLOCK2);
                say(ev, "vconfig COMMAND.MEMORY = 1");
            }
            case Z_UNLOCK2 -> {
                endIteration(s, a);
                say(ev, "memory_lock released (write)");
            }
            default -> throw new IllegalStateException("zapper at " + p);
        }
    }

    private boolean runnableMemWrite(long[] s, int a, int d) {
        if (memReadHeld(s, d)) {
            return false;
        }
        for (int o = 0; o < nActors; o++) {
            if (o != a && holdsMemW(s, o, d)) {
                return false;
            }
        }
        return true;
    }

    private void endIteration(long[] s, int a) {
        Pc first = switch (kind[a]) {
            case A_ZAP -> ((ActorSpec.Zapper) actors[a]).trigger() == ZapTrigger.HOT_RESET ? Pc.Z_TRYLOCK : Pc.Z_LOCK;
            case A_WALK -> Pc.W_LOCK;
            default -> Pc.C_LOCK;
        };
        Pc done = kind[a] == A_ZAP ? Pc.Z_DONE : kind[a] == A_WALK ? Pc.W_DONE : Pc.C_DONE;
        if (fCursor[a] >= 0) {
            L.set(s, fCursor[a], 0);
        }
        if (repeat[a] < 0) {
            setPc(s, a, first);
            return;
        }
        long it = L.get(s, fIter[a]) + 1;
        if (it >= repeat[a]) {
            L.set(s, fIter[a], 0);
            setPc(s, a, done);
        } else {
            L.set(s, fIter[a], it);
            setPc(s, a, first);
        }
    }

    private void stepWalker(long[] s, int a, StringBuilder ev) {
        Pc p = pcOf(s, a);
        int[] ws = walkerSlots[a];
        switch (p) {
            case W_LOCK -> {
                // show_numa_map()/smaps hold mmap_read_lock for the walk (§5.3 "other zappers")
                L.set(s, fCursor[a], 0);
                setPc(s, a, ws.length == 0 ? Pc.W_UNLOCK : Pc.SPLIT);
                say(ev, "mmap_lock taken (read); walk_page_vma()");
            }
            case SPLIT -> {
                // walk_pud_range(): no pud_entry → split_huge_pud(), which for a PFNMAP VMA just clears the PUD
                int c = L.geti(s, fCursor[a]);
                int slot = ws[c];
                boolean leaf = slotKind(s, slot) == K_LEAF;
                if (leaf) {
                    setSlot(s, slot, K_NONE, false, false);
                }
                if (c + 1 >= ws.length) {
                    L.set(s, fCursor[a], 0);
                    setPc(s, a, Pc.W_UNLOCK);
                } else {
                    L.set(s, fCursor[a], c + 1);
                }
                if (ev != null) {
                    ev.append(leaf ? String.format("pud_lock; PUD leaf split (zapped) at 0x%x", sVaddr[slot])
                            : String.format("no PUD leaf at 0x%x", sVaddr[slot]));
                }
            }
            case W_UNLOCK -> {
                L.set(s, fCursor[a], 0);
                endIteration(s, a);
                say(ev, "mmap_lock released (read)");
            }
            default -> throw new IllegalStateException("walker at " + p);
        }
    }

    private void stepCpu(long[] s, int a, StringBuilder ev) {
        ActorSpec.CpuAccess c = (ActorSpec.CpuAccess) actors[a];
        long va = c.vaddr();
        Pc p = pcOf(s, a);
        switch (p) {
            case C_LOCK -> {
                setPc(s, a, Pc.C_FAULT);
                say(ev, "mmap_lock taken (read)");
            }
            case C_FAULT -> {
                // the CPU's access: a present entry needs no fault; otherwise handle_mm_fault() as in §4.2
                int v = lookup(s, va);
                if (v < 0 || (vFlags[v] & (c.write() ? VmFlags.VM_WRITE : VmFlags.VM_READ)) == 0) {
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, "access: SIGSEGV");
                } else if (present(s, va) >= 0) {
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, "access hits the present entry");
                } else if (vFb[v] == FaultBehavior.VFIO_PCI) {
                    setPc(s, a, Pc.C_FAULT_LOCK);
                    say(ev, "no entry → vfio_pci_mmap_huge_fault()");
                } else if (vFb[v] == FaultBehavior.DROPS_LOCK) {
                    // modelled as the TRIED pass: the retried fault inserts
                    String what = insert(s, va, v, ev != null);
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, what);
                } else {
                    setPc(s, a, Pc.C_UNLOCK);
                    say(ev, "fault returns VM_FAULT_NOPAGE, nothing installed");
                }
            }
            case C_FAULT_LOCK -> {
                setPc(s, a, Pc.C_FAULT_INSERT);
                say(ev, "memory_lock taken (read)");
            }
            case C_FAULT_INSERT -> {
                int v = vmaIndexAt(va);
                int d = vDev[v];
                if (L.is(s, fDevPm[d]) || !memoryEnabled(s, d)) {
                    say(ev, "memory disabled → VM_FAULT_SIGBUS; memory_lock released");
                } else {
                    String what = insert(s, va, v, ev != null);
                    if (ev != null) {
                        say(ev, what + "; memory_lock released");
                    }
                }
                setPc(s, a, Pc.C_UNLOCK);
            }
            case C_UNLOCK -> {
                endIteration(s, a);
                say(ev, "mmap_lock released (read)");
            }
            default -> throw new IllegalStateException("cpu at " + p);
        }
    }

    private void stepUnmapper(long[] s, int a, StringBuilder ev) {
        ActorSpec.Unmapper u = (ActorSpec.Unmapper) actors[a];
        Pc p = pcOf(s, a);
        switch (p) {
            case M_LOCK -> {
                setPc(s, a, Pc.M_UNMAP);
                say(ev, "mmap_lock taken (write)");
            }
            case M_UNMAP -> {
                // do_vmi_munmap(): unmap_region (zap + free_pgtables) and unlink_file_vma (i_mmap_rwsem write)
                int v = u.vma();
                L.set(s, fVmaPresent[v], 0);
                for (int sl = 0; sl < nSlot; sl++) {
                    long lo = sVaddr[sl];
                    long hi = lo + sLevel[sl].size();
                    int k = slotKind(s, sl);
                    if (k == K_LEAF && lo >= vStart[v] && lo < vEnd[v]) {
                        setSlot(s, sl, K_NONE, false, false);
                    } else if (k == K_TABLE && lo >= vStart[v] && hi <= vEnd[v]) {
                        setSlot(s, sl, K_NONE, false, false);
                    }
                }
                setPc(s, a, Pc.M_UNLOCK);
                if (ev != null) {
                    say(ev, "VMA " + spec.vmas().get(v).name() + " removed; its entries and page tables freed");
                }
            }
            case M_UNLOCK -> {
                setPc(s, a, Pc.M_DONE);
                say(ev, "mmap_lock released (write)");
            }
            default -> throw new IllegalStateException("unmapper at " + p);
        }
    }

    // ====================================================================================== views

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

    static String maskName(int lvl) {
        return switch (lvl) {
            case 2 -> "PUD_MASK";
            case 1 -> "PMD_MASK";
            default -> "PAGE_MASK";
        };
    }

    public String waitText(int code) {
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
            case LK_PTL -> lockName(id);
            case LK_IMMAP_W -> "i_mmap_rwsem (write)";
            default -> "?";
        };
    }

    /** Pinner result: null while running, else the errno (OK = success). */
    public Errno result(long[] s, int a) {
        if (kind[a] != A_PIN || pcOf(s, a) != Pc.P_DONE) {
            return null;
        }
        return switch (ret(s, a)) {
            case R_OK -> Errno.OK;
            case R_EINVAL, R_ENOENT -> Errno.EINVAL;
            case R_EAGAIN -> Errno.EAGAIN;
            case R_EBUSY -> Errno.EBUSY;
            case R_EFAULT -> Errno.EFAULT;
            case R_EINTR -> Errno.EINTR;
            default -> Errno.ENOMEM;
        };
    }

    public boolean stalePfnUsed(long[] s, int a) {
        return kind[a] == A_PIN && L.is(s, fEverStale[a]);
    }

    public int words() {
        return words;
    }

    public long[] initial() {
        return initial.clone();
    }

    public int actorCount() {
        return nActors;
    }

    public boolean isPinner(int a) {
        return kind[a] == A_PIN;
    }

    public boolean isForever(int a) {
        return (kind[a] == A_ZAP || kind[a] == A_WALK || kind[a] == A_CPU) && repeat[a] < 0;
    }

    public String actorName(int a) {
        return actors[a].name();
    }

    public Policy policy() {
        return policy;
    }

    public ScenarioSpec spec() {
        return spec;
    }

    /** True when the actor's next step commutes with every other actor's step (see Pc.local). */
    public boolean localNext(long[] s, int a) {
        if (kind[a] != A_PIN) {
            // only a pinner's own local steps are prioritised: every path to its result contains them anyway,
            // so witnesses stay shortest; a zapper's local step may not be needed at all
            return false;
        }
        Pc p = pcOf(s, a);
        if (testOnlyFaultLockStepLocal && (p == Pc.F1_LOCK_PUD || p == Pc.F2_LOCK_PUD
                || p == Pc.F1_LOCK_PMD || p == Pc.F2_LOCK_PMD)) {
            return true; // the injected fault (see TEST_ONLY_FAULT_PROPERTY)
        }
        if (p == Pc.RETRY) {
            return policy == Policy.PATCH_V1 || policy == Policy.BOUNDED || policy == Policy.PRE_PATCH;
        }
        return p.local;
    }

    public long maxStepsBound() {
        return maxSteps;
    }

    public int totalBits() {
        return L.totalBits();
    }

    Layout layout() {
        return L;
    }
}
