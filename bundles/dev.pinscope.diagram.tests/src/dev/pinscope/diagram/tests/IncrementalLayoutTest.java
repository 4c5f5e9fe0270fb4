package dev.pinscope.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.draw2d.geometry.Rectangle;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.layout.AxisLabels;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.EntryRun;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.layout.Route;
import dev.pinscope.diagram.internal.layout.TextMetrics;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.ZapTrigger;

/**
 * A large scenario's layout after an edit reuses the previous layout's per-VMA pieces; it must be
 * exactly what a layout from scratch gives. Generated scenarios (seeded: the same cases every
 * build) take a series of the editor's kinds of edit (a leaf moved inside its VMA or into another,
 * added, removed, its level changed; a VMA renamed, resized, its flags changed; a pinned range
 * moved; a stray leaf outside every VMA; two VMAs made to overlap and apart again) and after each
 * one every box, run, axis breakpoint, tick label, gap text, link route and label is compared.
 */
class IncrementalLayoutTest {

    private static final long BASE = 0x7f00_0000_0000L;
    private static final long PAGE = 4096;

    @Test
    void aLayoutAfterEditsIsTheLayoutFromScratch() {
        int edits = 0;
        int incremental = 0;
        long reused = 0;
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            Scenario s = generate(rnd);
            TextMetrics m = TextMetrics.APPROXIMATE;
            int centre = seed % 2 == 0 ? 1500 : 0;
            DiagramLayout previous = DiagramLayout.compute(s, null, m, centre);
            assertTrue(previous.isLaidOutInPieces(), "seed " + seed + ": a large regular scenario is laid out per VMA");
            List<Runnable> undo = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                undo.forEach(Runnable::run); // an invalid edit lasts one step
                undo.clear();
                String what = edit(s, rnd, undo);
                DiagramLayout next = DiagramLayout.compute(s, previous, m, centre);
                DiagramLayout full = DiagramLayout.compute(s, null, m, centre);
                assertEquals(dump(full), dump(next), "seed " + seed + ", edit " + i + " (" + what + "): the incremental layout differs");
                assertEquals(full.isLaidOutInPieces(), next.isLaidOutInPieces());
                if (next.isLaidOutInPieces() && previous.isLaidOutInPieces()) {
                    incremental++;
                    reused += next.reusedPieces();
                    // a leaf moved from one VMA to another, a pinned range moved: at most four VMAs change
                    assertTrue(next.reusedPieces() >= s.getAddressSpace().getVmas().size() - 4,
                            "seed " + seed + ", " + what + ": only the edited VMAs are laid out again, " + next.reusedPieces() + " kept");
                }
                assertEquals(0, full.reusedPieces(), "a layout from scratch reuses nothing");
                edits++;
                previous = next;
            }
        }
        assertTrue(incremental > edits / 2, "most edits are laid out incrementally: " + incremental + " of " + edits);
        double perEdit = reused / (double) incremental;
        assertTrue(perEdit > 510, "an edit reuses the pieces of the VMAs it did not touch: " + perEdit + " of 520 per edit");
    }

    /**
     * 520 VMAs of 4K to 8M with gaps from none to terabytes, over 2,000 leaves (drawn as runs), pinned
     * ranges over parts of VMAs, actors with links.
     */
    static Scenario generate(SplittableRandom rnd) {
        ScenarioBuilder b = ScenarioBuilder.named("generated").device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30);
        long at = BASE;
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            long size = switch (rnd.nextInt(4)) {
                case 0 -> PAGE * (1 + rnd.nextInt(16));
                case 1 -> 2L << 20;
                case 2 -> (4L << 20) + PAGE * rnd.nextInt(64);
                default -> 8L << 20;
            };
            at = (at + (2L << 20) - 1) & -(2L << 20);
            b.barVma("v" + i, at, size, 0, 0);
            ranges.add(new long[] {at, at + size});
            at += size + switch (rnd.nextInt(4)) {
                case 0 -> 0L;
                case 1 -> PAGE * (1 + rnd.nextInt(8));
                case 2 -> 1L << 30;
                default -> 1L << 40;
            };
        }
        long[] a = ranges.get(10);
        long[] c = ranges.get(200);
        b.pinner("qemu", a[0] + PAGE, (a[1] - a[0]) / 2);
        b.pinner("dpdk", c[0], c[1] - c[0]);
        b.zapper("reset", "0000:01:00.0", ZapTrigger.DEVICE_RESET, 1);
        b.walker("numa_maps", "v150", 1);
        Scenario s = b.build();
        List<PageTableEntry> entries = s.getAddressSpace().getEntries();
        for (long[] r : ranges) {
            int pages = (int) ((r[1] - r[0]) / PAGE);
            BitSet used = new BitSet(pages);
            if (pages >= 512 && rnd.nextBoolean()) {
                entries.add(leaf(PageLevel.PMD, r[0]));
                used.set(0, 512);
            }
            int n = 4 + rnd.nextInt(6);
            for (int k = 0; k < n && k < pages; k++) {
                int page = rnd.nextInt(4) == 0 ? rnd.nextInt(pages) : k; // mostly runs, some scattered
                if (!used.get(page)) { // one leaf a page: the scenario stays valid
                    used.set(page);
                    entries.add(leaf(PageLevel.PTE, r[0] + page * PAGE));
                }
            }
        }
        return s;
    }

    private static PageTableEntry leaf(PageLevel level, long vaddr) {
        PageTableEntry e = ScenarioFactory.eINSTANCE.createPageTableEntry();
        e.setLevel(level);
        e.setVaddr(vaddr);
        return e;
    }

    private static long end(PageTableEntry e) {
        return e.getVaddr() + switch (e.getLevel()) {
            case PTE -> PAGE;
            case PMD -> 2L << 20;
            case PUD -> 1L << 30;
        };
    }

    /** One edit of the kinds the editor makes; returns what it did. */
    private static String edit(Scenario s, SplittableRandom rnd, List<Runnable> undo) {
        List<Vma> vmas = s.getAddressSpace().getVmas();
        List<PageTableEntry> entries = s.getAddressSpace().getEntries();
        PageTableEntry e = entries.get(rnd.nextInt(entries.size()));
        Vma v = vmas.get(rnd.nextInt(vmas.size()));
        switch (rnd.nextInt(12)) {
            case 0, 1 -> {
                Vma in = vmaOf(vmas, e.getVaddr());
                if (in != null && e.getLevel() == PageLevel.PTE) {
                    long pages = (in.getEnd() - in.getStart()) / PAGE;
                    e.setVaddr(in.getStart() + rnd.nextLong(pages) * PAGE);
                }
                return "leaf moved inside its VMA";
            }
            case 2 -> {
                e.setLevel(PageLevel.PTE);
                e.setVaddr(v.getStart() + rnd.nextLong((v.getEnd() - v.getStart()) / PAGE) * PAGE);
                return "leaf moved into " + v.getName();
            }
            case 3 -> {
                entries.remove(e);
                return "leaf removed";
            }
            case 4 -> {
                PageTableEntry n = ScenarioFactory.eINSTANCE.createPageTableEntry();
                n.setLevel(PageLevel.PTE);
                n.setVaddr(v.getEnd() - PAGE);
                entries.add(rnd.nextInt(entries.size() + 1), n);
                return "leaf added to " + v.getName();
            }
            case 5 -> {
                v.setName(rnd.nextBoolean() ? "x" : v.getName() + "_renamed_to_something_much_longer");
                return "VMA renamed";
            }
            case 6 -> {
                long room = room(vmas, v);
                v.setEnd(Math.max(v.getStart() + PAGE, v.getEnd() + (rnd.nextBoolean() ? -PAGE : Math.min(room, 3 * PAGE))));
                return "VMA resized";
            }
            case 7 -> {
                if (!v.getFlags().remove(VmFlag.VM_DONTDUMP)) {
                    v.getFlags().add(VmFlag.VM_DONTDUMP);
                }
                return "VMA flags changed";
            }
            case 8 -> {
                for (Actor a : s.getActors()) {
                    if (a instanceof Pinner p) {
                        p.setVaddr(v.getStart() + PAGE * rnd.nextInt(2));
                        p.setSize(Math.max(PAGE, (v.getEnd() - v.getStart()) / 3));
                        return "pinner moved to " + v.getName();
                    }
                }
                return "pinner";
            }
            case 9 -> {
                // a stray leaf (invalid): it has a place on the axis outside every VMA
                e.setLevel(PageLevel.PTE);
                e.setVaddr(v.getEnd() + (rnd.nextBoolean() ? 0 : 0x100_0000));
                return "leaf moved outside every VMA";
            }
            case 10 -> {
                // a leaf sticking out past its VMA's end (invalid): the general layout takes it
                PageLevel level = e.getLevel();
                long vaddr = e.getVaddr();
                e.setLevel(PageLevel.PMD);
                e.setVaddr((v.getEnd() - PAGE) & -(2L << 20));
                undo.add(() -> {
                    e.setLevel(level);
                    e.setVaddr(vaddr);
                });
                return "PMD leaf across a VMA's end";
            }
            default -> {
                // two VMAs overlapping (invalid) for one edit, then apart again
                int i = vmas.indexOf(v);
                if (i + 1 < vmas.size()) {
                    Vma next = vmas.get(i + 1);
                    long old = v.getEnd();
                    v.setEnd(next.getStart() + PAGE);
                    undo.add(() -> v.setEnd(old));
                    return old == v.getEnd() ? "VMA unchanged" : "VMAs overlap";
                }
                return "last VMA";
            }
        }
    }

    private static long room(List<Vma> vmas, Vma v) {
        long room = Long.MAX_VALUE;
        for (Vma o : vmas) {
            if (o != v && o.getStart() >= v.getEnd()) {
                room = Math.min(room, o.getStart() - v.getEnd());
            }
        }
        return room;
    }

    private static Vma vmaOf(List<Vma> vmas, long addr) {
        for (Vma v : vmas) {
            if (v.getStart() <= addr && addr < v.getEnd()) {
                return v;
            }
        }
        return null;
    }

    /** Everything the layout tells the figures, as text. */
    static String dump(DiagramLayout l) {
        StringBuilder b = new StringBuilder();
        b.append("size ").append(l.width()).append('x').append(l.height()).append(" axisY ").append(l.axisY()).append(" vmaY ")
                .append(l.vmaY()).append(" physY ").append(l.physY()).append(" rows ").append(l.actorRows()).append(" content ")
                .append(l.contentLeft()).append('-').append(l.contentRight()).append(" aggregated ").append(l.isAggregated()).append('\n');
        var axis = l.axis();
        for (int i = 0; i < axis.size(); i++) {
            b.append(Long.toHexString(axis.point(i))).append('@').append(axis.xAt(i)).append(axis.isGap(i) ? "g " : " ");
        }
        b.append('\n');
        Scenario s = l.scenario();
        for (Vma v : s.getAddressSpace().getVmas()) {
            b.append(v.getName()).append(' ').append(r(l.bounds(v))).append(" scale ").append(l.freeBytesPerPixel(v)).append(':');
            for (Object c : l.children(v)) {
                b.append(' ').append(child(c)).append(r(l.bounds(c)));
                if (c instanceof PageTableEntry e) {
                    links(b, l, e);
                }
            }
            b.append('\n');
            links(b, l, v);
        }
        for (Object o : l.orphanEntries()) {
            b.append("stray ").append(child(o)).append(r(l.bounds(o))).append('\n');
        }
        for (Device d : s.getDevices()) {
            b.append(d.getName()).append(' ').append(r(l.bounds(d))).append('\n');
            for (Bar bar : d.getBars()) {
                b.append(" BAR").append(bar.getIndex()).append(' ').append(r(l.bounds(bar))).append('\n');
            }
        }
        for (Actor a : s.getActors()) {
            b.append(a.getName()).append(' ').append(r(l.bounds(a))).append('\n');
            links(b, l, a);
        }
        AxisLabels t = l.axisLabels();
        for (AxisLabels.Text x : t.fixedTexts()) {
            b.append("fixed ").append(x.text()).append(r(x.bounds())).append('\n');
        }
        for (AxisLabels.Text x : t.gapSizes()) {
            b.append("gap ").append(x.text()).append(r(x.bounds())).append('\n');
        }
        for (Rectangle x : t.gapMarks()) {
            b.append("mark ").append(r(x)).append('\n');
        }
        for (int k = 0; k < t.tickCount(); k++) {
            b.append("tick ").append(t.tickText(k)).append(r(t.tickBounds(k))).append('\n');
        }
        return b.toString();
    }

    private static void links(StringBuilder b, DiagramLayout l, Object from) {
        for (Link k : l.linksFrom(from)) {
            Route route = l.route(k);
            b.append("  link ").append(k.kind()).append(" → ").append(k.target().eClass().getName());
            if (route != null) {
                b.append(' ').append(route.points()).append(" '").append(route.label()).append("' ").append(r(route.labelBounds()));
            }
            b.append('\n');
        }
    }

    private static String child(Object c) {
        if (c instanceof EntryRun run) {
            return run.level() + "×" + run.count() + "[" + Long.toHexString(run.start()) + "," + Long.toHexString(run.end()) + ")";
        }
        PageTableEntry e = (PageTableEntry) c;
        return e.getLevel() + "@" + Long.toHexString(e.getVaddr());
    }

    private static String r(Rectangle r) {
        return r == null ? "-" : "(" + r.x + "," + r.y + " " + r.width + "x" + r.height + ")";
    }
}
