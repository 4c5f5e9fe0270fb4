package dev.pinscope.diagram.internal.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.common.util.BasicEList;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.units.Hex;

/**
 * The address lane of a large scenario (leaves drawn as runs), laid out one VMA at a time so that
 * an edit inside one VMA recomputes only that VMA. In such a scenario a VMA is as wide as its length
 * and its texts say, whatever its neighbours hold, so each VMA's piece (its runs, its breakpoints and
 * their x relative to the VMA's left end, its runs' boxes, its tick label widths) is a function of
 * the VMA alone: its range, name and flags, the leaves inside it and any pinned range boundary
 * falling inside it. Pieces are cached under exactly that key; the lane is then put together by
 * walking the VMAs in address order, adding the compressed gaps between them and shifting each
 * piece to where the VMAs before it end. A layout from scratch goes through the same code with an
 * empty cache, so the two are the same by construction.
 *
 * <p>Only regular lanes are done this way: VMAs that do not overlap and leaves that end inside their
 * VMA. Anything else (invalid, being fixed) is left to the general layout.
 */
final class VmaPieces {

    private static final long[] NO_POINTS = new long[0];

    /** One VMA's layout relative to its left end, with the key it was computed from. */
    static final class Piece {
        final Vma vma;
        final long start;
        final long end;
        final String name;
        final VmFlag[] flags;
        final PageTableEntry[] entries; // in model order
        final long[] vaddrs;
        final PageLevel[] levels;
        final long[] foreign;

        final List<Object> children;
        final Rectangle[] childBounds; // x relative to the VMA's left end, y absolute
        final long[] points;
        final int[] xs;                // relative to the VMA's left end
        final int[] tickWidths;
        final int width;               // where the next stretch of the axis starts
        final int boxWidth;

        private Piece(Vma v, PageTableEntry[] entries, long[] foreign, Piece old, TextMetrics m, int vmaTop) {
            vma = v;
            start = v.getStart();
            end = v.getEnd();
            name = v.getName();
            flags = v.getFlags().toArray(new VmFlag[0]);
            this.entries = entries;
            this.foreign = foreign;
            vaddrs = new long[entries.length];
            levels = new PageLevel[entries.length];
            for (int i = 0; i < entries.length; i++) {
                vaddrs[i] = entries[i].getVaddr();
                levels[i] = entries[i].getLevel();
            }
            List<PageTableEntry> sorted = new ArrayList<>(Arrays.asList(entries));
            sorted.sort(Comparator.comparingLong(PageTableEntry::getVaddr));
            children = runs(v, sorted, old);
            // breakpoints: the VMA's ends, its runs' ends, pinned-range boundaries inside it
            long[] pts = new long[2 + 2 * children.size() + foreign.length];
            int n = 0;
            pts[n++] = start;
            pts[n++] = end;
            for (Object c : children) {
                EntryRun r = (EntryRun) c;
                pts[n++] = r.start();
                pts[n++] = r.end();
            }
            for (long f : foreign) {
                pts[n++] = f;
            }
            Arrays.sort(pts, 0, n);
            int u = 0;
            for (int i = 0; i < n; i++) {
                if (u == 0 || pts[i] != pts[u - 1]) {
                    pts[u++] = pts[i];
                }
            }
            points = Arrays.copyOf(pts, u);
            // as wide as its length and its texts say; the segments share that in proportion to their log widths
            double[] w = new double[u - 1];
            double sum = 0;
            for (int i = 0; i + 1 < u; i++) {
                w[i] = AddressAxis.mappedWidth(points[i + 1] - points[i]);
                sum += w[i];
            }
            int target = Math.max(DiagramLayout.minVmaWidth(v, m), AddressAxis.mappedWidth(end - start));
            xs = new int[u];
            double x = 0;
            for (int i = 0; i + 1 < u; i++) {
                x += w[i] * target / sum;
                xs[i + 1] = (int) Math.round(x);
            }
            xs[u - 1] = target; // exact, whatever the rounding of the sum
            width = target;
            boxWidth = Math.max(8, target);
            tickWidths = new int[u];
            for (int i = 0; i < u; i++) {
                tickWidths[i] = m.width(Hex.format(points[i]), false);
            }
            childBounds = new Rectangle[children.size()];
            for (int i = 0; i < childBounds.length; i++) {
                EntryRun r = (EntryRun) children.get(i);
                int x0 = xs[Arrays.binarySearch(points, r.start())];
                int x1 = Math.max(x0 + 4, xs[Arrays.binarySearch(points, r.end())]);
                int h = Lanes.entryHeight(r.level());
                childBounds[i] = new Rectangle(x0 + 1, vmaTop + Lanes.VMA_HEIGHT - 6 - h, Math.max(3, x1 - x0 - 2), h);
            }
        }

        /** Whether this piece was computed from what {@code v} and its leaves are now. */
        boolean matches(Vma v, PageTableEntry[] group, int from, int to, long[] foreignNow) {
            if (v.getStart() != start || v.getEnd() != end || !java.util.Objects.equals(v.getName(), name) || to - from != entries.length
                    || !Arrays.equals(foreign, foreignNow) || v.getFlags().size() != flags.length) {
                return false;
            }
            for (int i = 0; i < flags.length; i++) {
                if (v.getFlags().get(i) != flags[i]) {
                    return false;
                }
            }
            for (int i = 0; i < entries.length; i++) {
                PageTableEntry e = group[from + i];
                if (e != entries[i] || e.getVaddr() != vaddrs[i] || e.getLevel() != levels[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The lane as put together: what {@link DiagramLayout} keeps. */
    record Lane(AddressAxis axis, int[] tickWidths, Map<Vma, Piece> pieces, List<Object> orphans, int placedEntries, int reused) {
    }

    private VmaPieces() {
    }

    /**
     * Lays out the VMA lane from pieces, reusing those of {@code previous} whose key still holds;
     * puts the boxes of the VMAs and their runs into {@code bounds}. Returns null when the lane is not
     * regular (the caller then lays it out in general).
     */
    static Lane layout(Vma[] vmas, List<PageTableEntry> entries, List<Actor> actors, Map<Vma, Piece> previous, TextMetrics m, int vmaTop,
            Map<Object, Rectangle> bounds) {
        for (int k = 0; k < vmas.length; k++) {
            if (vmas[k].getEnd() <= vmas[k].getStart() || (k > 0 && vmas[k].getStart() < vmas[k - 1].getEnd())) {
                return null;
            }
        }
        // group the leaves by VMA (model order within each), the rest are strays
        Object[] all = entries instanceof BasicEList<?> list ? list.data() : entries.toArray(); // no get(i) checks for 100,000 leaves
        int[] owner = new int[entries.size()];
        int[] count = new int[vmas.length + 1];
        List<Object> orphans = new ArrayList<>();
        int hint = 0;
        for (int i = 0; i < owner.length; i++) {
            PageTableEntry e = (PageTableEntry) all[i];
            long a = e.getVaddr();
            int k = hint < vmas.length && vmas[hint].getStart() <= a && a < vmas[hint].getEnd() ? hint : indexOf(vmas, a);
            owner[i] = k;
            if (k < 0) {
                orphans.add(e);
                continue;
            }
            if (ScenarioMath.end(e) > vmas[k].getEnd()) {
                return null; // a leaf sticking out of its VMA moves the breakpoints of what follows
            }
            hint = k;
            count[k + 1]++;
        }
        int[] offset = new int[vmas.length + 1];
        for (int k = 0; k < vmas.length; k++) {
            offset[k + 1] = offset[k] + count[k + 1];
        }
        PageTableEntry[] grouped = new PageTableEntry[offset[vmas.length]];
        int[] fill = Arrays.copyOf(offset, vmas.length);
        for (int i = 0; i < owner.length; i++) {
            if (owner[i] >= 0) {
                grouped[fill[owner[i]]++] = (PageTableEntry) all[i];
            }
        }
        // boundaries of pinned ranges and of strays: inside a VMA they are part of its piece
        long[] extra = extraPoints(orphans, actors);
        long[][] foreign = new long[vmas.length][];
        long[] outside = new long[extra.length];
        int outsideCount = 0;
        for (long p : extra) {
            int k = indexOf(vmas, p);
            if (k >= 0 && p > vmas[k].getStart()) {
                long[] f = foreign[k] == null ? NO_POINTS : foreign[k];
                long[] g = Arrays.copyOf(f, f.length + 1);
                g[f.length] = p;
                foreign[k] = g;
            } else if (outsideCount == 0 || outside[outsideCount - 1] != p) {
                outside[outsideCount++] = p;
            }
        }
        Map<Vma, Piece> pieces = new IdentityHashMap<>(vmas.length * 2);
        int reused = 0;
        int capacity = outsideCount;
        Piece[] ordered = new Piece[vmas.length];
        for (int k = 0; k < vmas.length; k++) {
            Vma v = vmas[k];
            long[] f = foreign[k] == null ? NO_POINTS : foreign[k];
            Piece old = previous.get(v);
            Piece p;
            if (old != null && old.matches(v, grouped, offset[k], offset[k + 1], f)) {
                p = old;
                reused++;
            } else {
                p = new Piece(v, Arrays.copyOfRange(grouped, offset[k], offset[k + 1]), f, old, m, vmaTop);
            }
            ordered[k] = p;
            pieces.put(v, p);
            capacity += p.points.length;
        }
        // walk the lane: compressed gaps between the VMAs, each piece shifted to where the last ended
        long[] pts = new long[capacity];
        int[] xs = new int[capacity];
        int[] tw = new int[capacity];
        boolean[] gap = new boolean[Math.max(0, capacity - 1)];
        int n = 0;
        int x = AddressAxis.ORIGIN;
        int oi = 0;
        for (int k = 0; k <= vmas.length; k++) {
            long upTo = k < vmas.length ? vmas[k].getStart() : Long.MAX_VALUE;
            for (; oi < outsideCount && outside[oi] <= upTo; oi++) {
                long p = outside[oi];
                if (n > 0 && pts[n - 1] == p) {
                    continue;
                }
                if (n > 0) {
                    gap[n - 1] = true;
                    x += AddressAxis.gapWidth(p - pts[n - 1]);
                }
                pts[n] = p;
                xs[n] = x;
                tw[n] = m.width(Hex.format(p), false);
                n++;
            }
            if (k == vmas.length) {
                break;
            }
            Piece p = ordered[k];
            if (n == 0 || pts[n - 1] != p.start) {
                if (n > 0) {
                    gap[n - 1] = true;
                    x += AddressAxis.gapWidth(p.start - pts[n - 1]);
                }
                pts[n] = p.start;
                xs[n] = x;
                tw[n] = p.tickWidths[0];
                n++;
            }
            int base = xs[n - 1];
            for (int i = 1; i < p.points.length; i++) {
                gap[n - 1] = false;
                pts[n] = p.points[i];
                xs[n] = base + p.xs[i];
                tw[n] = p.tickWidths[i];
                n++;
            }
            x = base + p.width;
            bounds.put(p.vma, new Rectangle(base, vmaTop, p.boxWidth, Lanes.VMA_HEIGHT));
            for (int i = 0; i < p.childBounds.length; i++) {
                bounds.put(p.children.get(i), p.childBounds[i].getTranslated(base, 0));
            }
        }
        if (n < capacity) { // breakpoints shared by neighbours
            pts = Arrays.copyOf(pts, n);
            xs = Arrays.copyOf(xs, n);
            tw = Arrays.copyOf(tw, n);
            gap = Arrays.copyOf(gap, Math.max(0, n - 1));
        }
        return new Lane(new AddressAxis(pts, xs, gap), tw, pieces, orphans, grouped.length, reused);
    }

    /** Sorted, distinct: the ends of stray leaves and of pinned ranges, which the axis must show. */
    private static long[] extraPoints(List<Object> orphans, List<Actor> actors) {
        long[] pts = new long[2 * orphans.size() + 2 * actors.size()];
        int n = 0;
        for (Object o : orphans) {
            PageTableEntry e = (PageTableEntry) o;
            pts[n++] = e.getVaddr();
            pts[n++] = ScenarioMath.end(e);
        }
        for (Actor a : actors) {
            if (a instanceof Pinner p && p.getSize() > 0) {
                pts[n++] = p.getVaddr();
                pts[n++] = p.getVaddr() + p.getSize();
            }
        }
        long[] sorted = Arrays.copyOf(pts, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The VMA (of non-overlapping, sorted VMAs) containing {@code addr}, or -1. */
    private static int indexOf(Vma[] vmas, long addr) {
        int lo = 0;
        int hi = vmas.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (vmas[mid].getStart() <= addr) {
                if (addr < vmas[mid].getEnd()) {
                    return mid;
                }
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Contiguous leaves of one level as runs; a run equal to one of the VMA's previous runs is that object (its edit part stays). */
    private static List<Object> runs(Vma v, List<PageTableEntry> sorted, Piece old) {
        Map<EntryRun, EntryRun> before = new HashMap<>();
        if (old != null) {
            for (Object o : old.children) {
                before.put((EntryRun) o, (EntryRun) o);
            }
        }
        List<Object> out = new ArrayList<>();
        for (EntryRun r : DiagramLayout.runs(v, sorted)) {
            out.add(before.getOrDefault(r, r));
        }
        return out;
    }
}
