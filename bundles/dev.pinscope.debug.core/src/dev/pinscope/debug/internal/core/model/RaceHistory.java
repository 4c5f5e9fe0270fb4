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
 * has not read yet. Built incrementally from a scratch replay of the trace (slot diffs per step), so a
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

    private final Simulation simulation;
    private final List<SlotChange> changes = new ArrayList<>();
    private final List<Read> reads = new ArrayList<>();
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
        Map<String, SlotState> before = slots(scratch.snapshot());
        for (long i = scanned; i < p; i++) {
            int a = run.actorOf(i);
            var rec = scratch.step(a);
            if (("F1_READ".equals(rec.label()) || "F2_READ".equals(rec.label()))) {
                reads.add(new Read(i, addressOf(scratch, a)));
            }
            Map<String, SlotState> after = slots(scratch.snapshot());
            for (var e : after.entrySet()) {
                SlotState was = before.get(e.getKey());
                SlotState now = e.getValue();
                if (was != null && was.kind() != now.kind()) {
                    changes.add(new SlotChange(i, rec.actorName(), now.level(), now.vaddr(),
                            was.kind() == SlotKind.LEAF ? was.pfn() : now.pfn(), was.kind(), now.kind()));
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
        out.sort(null);
        return out;
    }
}
