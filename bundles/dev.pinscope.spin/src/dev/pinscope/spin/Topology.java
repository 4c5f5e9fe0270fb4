package dev.pinscope.spin;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.BarSpec;
import dev.pinscope.engine.spec.EntrySpec;
import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.VmaSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The static part of a scenario as the Promela model needs it, computed from the scenario and KERNEL-MODEL.md
 * alone (not from the engine's compiled tables): the page-table slots that can matter (§8.3, §4.2 "structural
 * facts"), their locks (§8.3: the mm's PUD lock, one PMD-table lock per PUD slot, one PTE-table lock per PMD slot),
 * and per pinner the addresses at which its vaddr_get_pfns() calls start (§1.2/§1.3: each call returns the PFNs
 * up to the end of the leaf it found, so the call sites follow from the leaf level, which is static per address).
 */
final class Topology {
    static final int NONE = 0, TABLE = 1, LEAF = 2;
    /** Level index used for a GUP-pinned page-backed run (no PFNMAP leaf). */
    static final int GUP = 3;

    /** A page-table slot. lock: id of the lock its writers take; initKind/initW: the state at the start. */
    record Slot(int id, Level level, long vaddr, int vma, boolean capable, int initKind, boolean initW, int lock) {
    }

    /**
     * One vaddr_get_pfns() call site of a pinner: page offset, address, static VMA, whether GUP pins it (ordinary
     * memory), the leaf levels it can find, and per level the offset of the next call site.
     */
    record Position(int index, long offset, long vaddr, int vma, boolean gup, boolean pfnmap, int pud, int pmd,
            int pte, long pfn, int[] levels, long[] nextOffset) {
    }

    final ScenarioSpec spec;
    final List<Slot> slots = new ArrayList<>();
    final int locks;
    final int[][] devSlots;

    Topology(ScenarioSpec spec) {
        this.spec = spec;
        TreeMap<Long, long[]> universe = universe();
        int id = 0;
        int nextLock = 2;
        List<long[]> raw = new ArrayList<>(universe.values());
        int[] tableLock = new int[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            if ((int) raw.get(i)[0] != Level.PTE.ordinal()) {
                tableLock[i] = nextLock++;
            }
        }
        locks = nextLock;
        for (long[] d : raw) {
            Level lvl = Level.values()[(int) d[0]];
            long va = d[1];
            int lock = switch (lvl) {
                case PUD -> 1;
                case PMD -> tableLock[indexOf(raw, Level.PUD, va & ~(Level.PUD.size() - 1))];
                case PTE -> tableLock[indexOf(raw, Level.PMD, va & ~(Level.PMD.size() - 1))];
            };
            int kind = NONE;
            boolean w = false;
            for (EntrySpec e : spec.entries()) {
                if (e.level() == lvl && e.vaddr() == va) {
                    kind = LEAF;
                    w = e.writable();
                }
            }
            if (kind == NONE && lvl != Level.PTE && initialBelow(lvl, va)) {
                kind = TABLE;
            }
            slots.add(new Slot(id++, lvl, va, vmaAt(va), d[2] != 0, kind, w, lock));
        }
        devSlots = new int[spec.devices().size()][];
        for (int dev = 0; dev < devSlots.length; dev++) {
            List<Integer> l = new ArrayList<>();
            for (Slot s : slots) {
                if (s.vma >= 0 && spec.vmas().get(s.vma).device() == dev) {
                    l.add(s.id);
                }
            }
            devSlots[dev] = l.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int indexOf(List<long[]> raw, Level lvl, long va) {
        for (int i = 0; i < raw.size(); i++) {
            if ((int) raw.get(i)[0] == lvl.ordinal() && raw.get(i)[1] == va) {
                return i;
            }
        }
        throw new IllegalStateException("no parent slot for " + lvl + " 0x" + Long.toHexString(va));
    }

    // ------------------------------------------------------------------------------------------ VMAs and PFNs

    int vmaAt(long va) {
        for (int i = 0; i < spec.vmas().size(); i++) {
            VmaSpec v = spec.vmas().get(i);
            if (v.start() <= va && va < v.end()) {
                return i;
            }
        }
        return -1;
    }

    BarSpec bar(VmaSpec v) {
        if (v.device() < 0 || v.device() >= spec.devices().size()) {
            return null;
        }
        return spec.devices().get(v.device()).bars().stream().filter(b -> b.index() == v.bar()).findFirst()
                .orElse(null);
    }

    /** vma_to_pfn() + page index (§5.1). */
    long pfnAt(long va) {
        int vi = vmaAt(va);
        if (vi < 0) {
            return 0;
        }
        VmaSpec v = spec.vmas().get(vi);
        BarSpec b = bar(v);
        return (b == null ? 0 : b.physicalAddress() >>> 12) + v.pgoff() + ((va - v.start()) >>> 12);
    }

    /** is_invalid_reserved_pfn() for the VMA's PFNs: no struct page, or PageReserved (§1.3). */
    boolean reserved(int vi) {
        BarSpec b = bar(spec.vmas().get(vi));
        return b == null || !b.hasStructPage() || b.pageReserved();
    }

    /** vm_page_prot of a shared VM_PFNMAP mapping is writable when VM_WRITE: no write-notify (§5.2). */
    boolean writableProt(int vi) {
        VmaSpec v = spec.vmas().get(vi);
        return v.has(VmFlags.VM_WRITE) && v.has(VmFlags.VM_SHARED);
    }

    /**
     * Can a fault install a leaf of this level at base (§4.2 THP gate, §5.2 is_aligned_for_order)? A PTE always;
     * PUD/PMD only for a special VMA the THP mode admits, with arch support, inside the VMA and PFN-aligned.
     */
    boolean capable(Level lvl, long base) {
        if (lvl == Level.PTE) {
            return true;
        }
        int vi = vmaAt(base);
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
        return pfnAt(base) % lvl.pages() == 0;
    }

    private boolean initialBelow(Level lvl, long base) {
        for (EntrySpec e : spec.entries()) {
            if (e.level().ordinal() < lvl.ordinal() && e.vaddr() >= base && e.vaddr() < base + lvl.size()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------ slot universe

    /**
     * Slots on the walk to every page an actor touches (pinner ranges, CPU accesses, initial entries), clipped to
     * the VMAs. Below a PUD (PMD) that a fault fills with a leaf and no initial entry makes a table, no lower slot
     * can appear: a table, once installed, stays until munmap (§4.2). Key: address order, PUD before PMD before PTE.
     */
    private TreeMap<Long, long[]> universe() {
        TreeMap<Long, long[]> out = new TreeMap<>();
        for (long[] r : spec.walkedRanges()) {
            addRange(out, r[0], r[1]);
        }
        return out;
    }

    private void addRange(TreeMap<Long, long[]> out, long lo, long hi) {
        long pudSize = Level.PUD.size();
        for (long pud = lo & ~(pudSize - 1); pud < hi; pud += pudSize) {
            boolean capPud = capable(Level.PUD, pud);
            put(out, Level.PUD, pud, capPud);
            int vi = vmaAt(pud);
            boolean installs = vi < 0 || spec.vmas().get(vi).faultBehavior() != FaultBehavior.NO_INSTALL;
            if ((capPud || !installs) && !initialBelow(Level.PUD, pud)) {
                continue;
            }
            long pmdLo = Math.max(lo, pud) & ~(Level.PMD.size() - 1);
            long pmdHi = Math.min(hi, pud + pudSize);
            for (long pmd = pmdLo; pmd < pmdHi; pmd += Level.PMD.size()) {
                boolean capPmd = capable(Level.PMD, pmd);
                put(out, Level.PMD, pmd, capPmd);
                if (capPmd && !initialBelow(Level.PMD, pmd)) {
                    continue;
                }
                for (long pte = Math.max(lo, pmd); pte < Math.min(pmdHi, pmd + Level.PMD.size()); pte += 4096) {
                    put(out, Level.PTE, pte, true);
                }
                if (out.size() > 4096) {
                    throw new IllegalArgumentException("more than 4096 page-table slots; the Promela export is for "
                            + "small scopes (use fewer 4 KiB pages)");
                }
            }
        }
    }

    private static void put(TreeMap<Long, long[]> out, Level lvl, long va, boolean capable) {
        out.putIfAbsent((va >>> 12) * 4 + (2 - lvl.ordinal()), new long[] {lvl.ordinal(), va, capable ? 1 : 0});
    }

    int slotAt(Level lvl, long va) {
        long base = va & ~(lvl.size() - 1);
        for (Slot s : slots) {
            if (s.level == lvl && s.vaddr == base) {
                return s.id;
            }
        }
        return -1;
    }

    /** Slots of a VMA's PUD range that a walker can find a leaf in (capable, or a leaf at the start). */
    int[] walkerSlots(int vma) {
        return slots.stream().filter(s -> s.level == Level.PUD && s.vma == vma && (s.capable || s.initKind == LEAF))
                .mapToInt(Slot::id).toArray();
    }

    // ------------------------------------------------------------------------------------------ pinner call sites

    /**
     * The leaf levels vaddr_get_pfns() can find at va: the level of an initial leaf covering it, and the level a
     * fault installs there (§4.2: PUD if the PUD is none and PUD_ORDER is possible, else PMD likewise, else PTE;
     * tables persist, so after a zap the refault takes the same path). A NO_INSTALL provider installs nothing.
     */
    int[] levelsAt(long va) {
        TreeSet<Integer> l = new TreeSet<>();
        for (EntrySpec e : spec.entries()) {
            if (e.vaddr() <= va && va < e.vaddr() + e.level().size()) {
                l.add(e.level().ordinal());
            }
        }
        int vi = vmaAt(va);
        if (vi >= 0 && spec.vmas().get(vi).faultBehavior() != FaultBehavior.NO_INSTALL) {
            int pud = slotAt(Level.PUD, va);
            int pmd = slotAt(Level.PMD, va);
            if (pud >= 0 && slots.get(pud).initKind != TABLE && slots.get(pud).capable) {
                l.add(Level.PUD.ordinal());
            } else if (pmd >= 0 && slots.get(pmd).initKind != TABLE && slots.get(pmd).capable) {
                l.add(Level.PMD.ordinal());
            } else {
                l.add(Level.PTE.ordinal());
            }
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The call sites of pinner p in address order; a site at the end offset (all pinned) is not included. */
    List<Position> positions(ActorSpec.Pinner p) {
        long total = p.size() >>> 12;
        boolean oneAtATime = spec.kernel().disableHugepages();
        TreeMap<Long, Position> byOffset = new TreeMap<>();
        ArrayList<Long> todo = new ArrayList<>(List.of(0L));
        while (!todo.isEmpty()) {
            long off = todo.remove(todo.size() - 1);
            if (off >= total || byOffset.containsKey(off)) {
                continue;
            }
            long va = p.vaddr() + (off << 12);
            int vi = vmaAt(va);
            VmaSpec v = vi < 0 ? null : spec.vmas().get(vi);
            boolean gup = v != null && !v.has(VmFlags.VM_IO) && !v.has(VmFlags.VM_PFNMAP)
                    && (!p.write() || v.has(VmFlags.VM_WRITE));
            boolean pfnmap = v != null && v.has(VmFlags.VM_PFNMAP);
            long np = oneAtATime ? 1 : total - off;
            int[] levels = gup ? new int[] {GUP} : pfnmap ? levelsAt(va) : new int[0];
            long[] next = new long[4];
            for (int lvl : levels) {
                long count;
                if (lvl == GUP) {
                    long cap = oneAtATime ? 1 : spec.kernel().batchCapacity();
                    count = Math.min(Math.min(np, cap), (v.end() - va) >>> 12);
                } else {
                    long pages = Level.values()[lvl].pages();
                    long pfn = pfnAt(va);
                    count = Math.min(np, ((pfn | (pages - 1)) + 1) - pfn);
                }
                next[lvl] = off + count;
                todo.add(off + count);
            }
            byOffset.put(off, new Position(-1, off, va, vi, gup, pfnmap, slotAt(Level.PUD, va),
                    slotAt(Level.PMD, va), slotAt(Level.PTE, va), pfnAt(va), levels, next));
        }
        List<Position> out = new ArrayList<>();
        for (Position q : byOffset.values()) {
            out.add(new Position(out.size(), q.offset, q.vaddr, q.vma, q.gup, q.pfnmap, q.pud, q.pmd, q.pte, q.pfn,
                    q.levels, q.nextOffset));
        }
        if (out.size() > 250) {
            throw new IllegalArgumentException("pinner '" + p.name() + "' makes " + out.size()
                    + " vaddr_get_pfns() calls; the Promela export handles at most 250 (use a smaller range)");
        }
        return out;
    }

    /** Index of the call site at offset, or positions.size() for the end of the range. */
    static int indexAt(List<Position> ps, long offset) {
        for (Position q : ps) {
            if (q.offset == offset) {
                return q.index;
            }
        }
        return ps.size();
    }

    /**
     * vfio_pin_pages_remote()'s stitching test (§1.2) for a call at k in a vfio_pin_pages_remote() call that began at
     * km: PFNMAP pages continue *pfn_base + pinned and the first was reserved; page-backed runs only follow
     * page-backed runs.
     */
    boolean contiguous(Position km, Position k) {
        if (km.index == k.index) {
            return true;
        }
        if (k.gup) {
            return km.gup;
        }
        return !km.gup && k.pfn == km.pfn + (k.offset - km.offset);
    }
}
