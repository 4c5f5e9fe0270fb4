package dev.pinscope.debug.internal.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.engine.KernelSnapshot.SlotKind;
import dev.pinscope.engine.KernelSnapshot.SlotState;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.Simulation;

/**
 * What happened to the page-table slots along the trace, so the diagram can keep a zapped leaf as a ghost
 * ("zapped by numa_maps, step 14") while later steps are shown, and tell a freshly faulted-in leaf the pinner
 * has not read yet, and link the Timeline's rows with the diagram's elements both ways ({@link #touchedBy},
 * {@link #stepsTouching}). Built incrementally from a scratch replay of the trace (slot diffs per step), so a
 * position is scanned once; a new branch ({@link #truncate}) drops what followed it.
 */
public final class RaceHistory {

    /** Slot {@code level @ vaddr} went {@code from} → {@code to} in step {@code step} (0-based) of {@code actor}. */
    public record SlotChange(long step, String actor, String level, long vaddr, long pfn, SlotKind from, SlotKind to) {
        public String key() {
            return level + "@" + vaddr;
        }
    }

    /** A pinner step that read a slot's entry (follow_pfnmap_start F1/F2 read): the leaf is no longer "unread". */
    private record Read(long step, long vaddr) {
    }

    /** VMA {@code name} was unmapped (or mapped again) in step {@code step}. */
    private record VmaChange(long step, String name) {
    }

    /**
     * What one step touched: the slots it changed, the addresses its pinner read an entry at (F1/F2 read), the
     * VMAs it unmapped.
     */
    public record Touch(List<SlotChange> changes, List<Long> reads, List<String> vmas) {
        public static final Touch NOTHING = new Touch(List.of(), List.of(), List.of());
    }

    private final Simulation simulation;
    // each list is in step order: steps are appended as scanned and a truncation cuts a tail
    private final List<SlotChange> changes = new ArrayList<>();
    private final List<Read> reads = new ArrayList<>();
    private final List<VmaChange> vmaChanges = new ArrayList<>();
    private Run scratch;
    private long scanned;

    public RaceHistory(Simulation simulation) {
        this.simulation = simulation;
    }

    /** The trace was rewritten from step {@code from} on (a step taken at an earlier position). */
    public synchronized void truncate(long from) {
        if (from >= scanned) {
            return;
        }
        changes.removeIf(c -> c.step() >= from);
        reads.removeIf(r -> r.step() >= from);
        vmaChanges.removeIf(v -> v.step() >= from);
        scanned = from;
        scratch = null;
    }

    /** Scans the trace of {@code run} up to its current position (caller holds the run's monitor). */
    public synchronized void extendTo(Run run) {
        long p = run.position();
        if (p <= scanned) {
            return;
        }
        if (scratch == null) {
            scratch = simulation.newRun();
            for (long i = 0; i < scanned; i++) {
                scratch.step(run.actorOf(i));
            }
        }
        KernelSnapshot was = scratch.snapshot();
        Map<String, SlotState> before = slots(was);
        for (long i = scanned; i < p; i++) {
            int a = run.actorOf(i);
            var rec = scratch.step(a);
            if (("F1_READ".equals(rec.label()) || "F2_READ".equals(rec.label()))) {
                reads.add(new Read(i, addressOf(scratch, a)));
            }
            KernelSnapshot now = scratch.snapshot();
            for (int v = 0; v < now.vmas().size() && v < was.vmas().size(); v++) {
                if (now.vmas().get(v).present() != was.vmas().get(v).present()) {
                    vmaChanges.add(new VmaChange(i, now.vmas().get(v).name()));
                }
            }
            was = now;
            Map<String, SlotState> after = slots(now);
            for (var e : after.entrySet()) {
                SlotState from = before.get(e.getKey());
                SlotState to = e.getValue();
                if (from != null && from.kind() != to.kind()) {
                    changes.add(new SlotChange(i, rec.actorName(), to.level(), to.vaddr(),
                            from.kind() == SlotKind.LEAF ? from.pfn() : to.pfn(), from.kind(), to.kind()));
                }
            }
            before = after;
        }
        scanned = p;
    }

    private static long addressOf(Run run, int actor) {
        for (var f : run.actor(actor).frames()) {
            for (var v : f.locals()) {
                if ((v.name().equals("address") || v.name().equals("vaddr")) && v.value().startsWith("0x")) {
                    try {
                        return Long.parseUnsignedLong(v.value().substring(2), 16);
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    private static Map<String, SlotState> slots(KernelSnapshot s) {
        Map<String, SlotState> m = new LinkedHashMap<>();
        for (SlotState sl : s.slots()) {
            m.put(sl.level() + "@" + sl.vaddr(), sl);
        }
        return m;
    }

    /** For each slot, its last change before position {@code p} (steps &lt; p), in trace order. */
    public synchronized List<SlotChange> lastChangesBefore(long p) {
        Map<String, SlotChange> last = new LinkedHashMap<>();
        for (SlotChange c : changes) {
            if (c.step() < p) {
                last.put(c.key(), c);
            }
        }
        return List.copyOf(last.values());
    }

    /** Whether a pinner read the entry covering {@code vaddr} in a step in [from, p). */
    public synchronized boolean readBetween(long from, long p, long vaddr, long size) {
        for (Read r : reads) {
            if (r.step() >= from && r.step() < p && r.vaddr() >= vaddr && r.vaddr() < vaddr + size) {
                return true;
            }
        }
        return false;
    }

    /** Every step that changed the slot {@code level @ vaddr} or read it, before position p (Timeline links). */
    public synchronized List<Long> stepsTouching(String level, long vaddr, long size, long p) {
        List<Long> out = new ArrayList<>();
        for (SlotChange c : changes) {
            if (c.step() < p && c.level().equals(level) && c.vaddr() == vaddr) {
                out.add(c.step());
            }
        }
        for (Read r : reads) {
            if (r.step() < p && r.vaddr() >= vaddr && r.vaddr() < vaddr + size) {
                out.add(r.step());
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    /** What step {@code step} (0-based) touched; nothing for a step not scanned yet. */
    public synchronized Touch touchedBy(long step) {
        if (step < 0 || step >= scanned) {
            return Touch.NOTHING;
        }
        List<SlotChange> c = new ArrayList<>();
        for (int i = firstAt(changes, step, SlotChange::step); i < changes.size() && changes.get(i).step() == step; i++) {
            c.add(changes.get(i));
        }
        List<Long> r = new ArrayList<>();
        for (int i = firstAt(reads, step, Read::step); i < reads.size() && reads.get(i).step() == step; i++) {
            r.add(reads.get(i).vaddr());
        }
        List<String> v = new ArrayList<>();
        for (int i = firstAt(vmaChanges, step, VmaChange::step); i < vmaChanges.size()
                && vmaChanges.get(i).step() == step; i++) {
            v.add(vmaChanges.get(i).name());
        }
        return c.isEmpty() && r.isEmpty() && v.isEmpty() ? Touch.NOTHING : new Touch(c, r, v);
    }

    /** Index of the first element of the step-ordered {@code list} at or after {@code step} (binary search). */
    private static <T> int firstAt(List<T> list, long step, java.util.function.ToLongFunction<T> stepOf) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stepOf.applyAsLong(list.get(mid)) < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Every step before position p that touched VMA {@code name} over [start, end): changed or read a slot in it,
     * or unmapped it (Timeline links, a VMA selected on the diagram).
     */
    public synchronized List<Long> stepsTouchingVma(String name, long start, long end, long p) {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        for (SlotChange c : changes) {
            if (c.step() < p && c.vaddr() >= start && c.vaddr() < end) {
                out.add(c.step());
            }
        }
        for (Read r : reads) {
            if (r.step() < p && r.vaddr() >= start && r.vaddr() < end) {
                out.add(r.step());
            }
        }
        for (VmaChange v : vmaChanges) {
            if (v.step() < p && v.name().equals(name)) {
                out.add(v.step());
            }
        }
        return new ArrayList<>(out);
    }
}
