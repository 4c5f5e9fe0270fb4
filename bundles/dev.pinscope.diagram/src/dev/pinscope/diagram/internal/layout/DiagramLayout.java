package dev.pinscope.diagram.internal.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.draw2d.geometry.Rectangle;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/**
 * The semantic layout of a scenario: where every element goes, computed from the model alone
 * (nothing positional is stored in the file). VMAs sit on the address axis, their leaves inside
 * them, devices below on the physical side near the VMAs that map them, actors above near what they
 * touch. Bounds are absolute diagram coordinates.
 */
public final class DiagramLayout {

    /** Above this many entries in a scenario, or in one VMA, leaves are drawn as runs. */
    public static final int AGGREGATE_TOTAL = 2000;
    public static final int AGGREGATE_PER_VMA = 128;

    private final Scenario scenario;
    private final TextMetrics metrics;
    private AddressAxis axis;
    private AxisLabels axisLabels;
    private final Map<Link, Route> routes = new HashMap<>();
    private final Map<Object, Rectangle> bounds;
    private final Map<Vma, List<Object>> vmaChildren;
    private final List<Object> orphanEntries = new ArrayList<>();
    private LinkTable links = LinkTable.EMPTY;
    private Vma[] sortedVmas = new Vma[0];
    private boolean aggregated;
    private int actorRows = 1;
    private int axisY;
    private int vmaY;
    private int physY;
    private int width;

    private DiagramLayout(Scenario scenario, TextMetrics metrics, DiagramLayout previous) {
        this.scenario = scenario;
        this.metrics = metrics;
        // sized as last time: 20,000 boxes rehashed over and over cost more than the lane's layout
        int boxes = previous == null ? 16 : previous.bounds.size();
        bounds = new HashMap<>(boxes * 4 / 3 + 16);
        vmaChildren = new IdentityHashMap<>(previous == null ? 16 : previous.vmaChildren.size() + 16);
    }

    public static DiagramLayout compute(Scenario scenario) {
        return compute(scenario, null, TextMetrics.APPROXIMATE);
    }

    public static DiagramLayout compute(Scenario scenario, DiagramLayout previous) {
        return compute(scenario, previous, TextMetrics.APPROXIMATE);
    }

    /**
     * Computes the layout, reusing {@code previous}'s run objects where a run is unchanged so the
     * viewer keeps their edit parts in place instead of re-ordering them.
     */
    public static DiagramLayout compute(Scenario scenario, DiagramLayout previous, TextMetrics metrics) {
        return compute(scenario, previous, metrics, 0);
    }

    /**
     * @param centreWidth when positive, the width of the window the diagram is shown in: a diagram
     *        narrower than that is moved right so that it sits in the middle
     */
    public static DiagramLayout compute(Scenario scenario, DiagramLayout previous, TextMetrics metrics, int centreWidth) {
        DiagramLayout l = new DiagramLayout(scenario, metrics, previous);
        l.centreWidth = centreWidth;
        l.previous = previous;
        l.run();
        l.previous = null; // layouts do not chain: only the pieces are handed on
        return l;
    }

    private DiagramLayout previous;
    /** The per-VMA pieces of a large scenario's lane, or null when it was laid out in general. */
    private Map<Vma, VmaPieces.Piece> pieces;
    private int reusedPieces;
    private int[] tickWidths;
    private int centreWidth;
    private int contentLeft;
    private int contentRight;

    private Map<EntryRun, EntryRun> previousRuns;

    /** The previous layout's runs, so that an unchanged run keeps its object (and the viewer its edit part). */
    private Map<EntryRun, EntryRun> previousRuns() {
        if (previousRuns == null) {
            previousRuns = previous == null ? Map.of() : previous.runIndex();
        }
        return previousRuns;
    }

    private Map<EntryRun, EntryRun> runIndex() {
        Map<EntryRun, EntryRun> index = new HashMap<>();
        if (aggregated) {
            for (List<Object> children : vmaChildren.values()) {
                for (Object o : children) {
                    if (o instanceof EntryRun r) {
                        index.put(r, r);
                    }
                }
            }
        }
        return index;
    }

    private void run() {
        List<Vma> vmas = scenario.getAddressSpace() == null ? List.of() : scenario.getAddressSpace().getVmas();
        List<PageTableEntry> entries = scenario.getAddressSpace() == null ? List.of() : scenario.getAddressSpace().getEntries();
        sortedVmas = vmas.toArray(new Vma[0]);
        Arrays.sort(sortedVmas, Comparator.comparingLong(Vma::getStart).thenComparingLong(Vma::getEnd));
        if (!layOutLaneInPieces(entries)) {
            assignEntries(entries);
            buildAxis();
            placeVmasAndEntries();
        }
        SidePlacement.placeDevices(scenario, sortedVmas, axis, metrics, bounds);
        actorRows = SidePlacement.placeActors(scenario, axis, metrics, bounds);
        // the rows of the actor lane push everything below them down; shift once they are known
        int shift = (actorRows - 1) * Lanes.ACTOR_ROW_HEIGHT;
        if (shift > 0) {
            for (Map.Entry<Object, Rectangle> e : bounds.entrySet()) {
                if (!(e.getKey() instanceof Actor)) {
                    e.getValue().y += shift;
                }
            }
        }
        axisY = Lanes.ACTOR_Y + actorRows * Lanes.ACTOR_ROW_HEIGHT + 8;
        vmaY = axisY + Lanes.AXIS_HEIGHT;
        physY = vmaY + Lanes.VMA_HEIGHT + Lanes.LANE_GAP;
        int right = Math.max(axis.end() + AddressAxis.GAP_WIDTH, axis.start() + legendWidth(metrics, aggregated));
        for (Rectangle r : bounds.values()) {
            right = Math.max(right, r.right());
        }
        contentLeft = AddressAxis.ORIGIN - 20;
        int dx = centreWidth <= 0 ? 0 : (centreWidth - (right + 40 - contentLeft)) / 2 - contentLeft;
        if (dx > 0) {
            for (Rectangle r : bounds.values()) {
                r.x += dx;
            }
            axis.shift(dx);
            right += dx;
            contentLeft += dx;
        }
        computeLinks();
        routeLinks();
        for (Route r : routes.values()) {
            if (r.labelBounds() != null) {
                right = Math.max(right, r.labelBounds().right());
            }
        }
        contentRight = right + 40;
        width = Math.max(contentRight, centreWidth > 0 ? centreWidth : 1400);
    }

    /** What the legend says after the leaf levels. */
    public static String legendNote(boolean aggregated) {
        return aggregated ? "runs of contiguous leaves are drawn as one block" : "gaps between VMAs are compressed (marked //)";
    }

    /**
     * Width of the legend drawn from the axis start (as LanesFigure spaces it), so that a diagram
     * centred in a narrow window still has its legend inside it.
     */
    static int legendWidth(TextMetrics m, boolean aggregated) {
        int w = m.width("leaves: ", false) + 4;
        for (String level : new String[] {"PUD 1G", "PMD 2M", "PTE 4K"}) {
            w += 18 + m.width(level, false) + 16;
        }
        return w + 10 + m.width(legendNote(aggregated), false) + 8;
    }

    /** Left end of what the diagram draws (the axis start; lane titles stay in the margin). */
    public int contentLeft() {
        return contentLeft;
    }

    /** Right end of what the diagram draws, a margin included. */
    public int contentRight() {
        return contentRight;
    }

    /** Routes every link around the boxes, places the labels, then the axis texts around them. */
    private void routeLinks() {
        int vmaBottom = vmaY + Lanes.VMA_HEIGHT;
        axisLabels = new AxisLabels(axis, axisY + Lanes.AXIS_HEIGHT - 10, metrics);
        int lineY = axisLabels.lineY();
        int h = metrics.height();
        axisLabels.addFixed("actors", 4, Lanes.ACTOR_Y - 4, metrics);
        axisLabels.addFixed("virtual", 4, lineY - 2 * h - 3, metrics);
        axisLabels.addFixed("address", 4, lineY - h - 3, metrics);
        axisLabels.addFixed("VMAs", 4, vmaY - 2, metrics);
        axisLabels.addFixed("physical", 4, physY - 6, metrics);
        List<Rectangle> lane = new ArrayList<>();
        for (Vma v : sortedVmas) {
            lane.add(bounds.get(v));
        }
        for (Object o : orphanEntries) {
            lane.add(bounds.get(o));
        }
        List<Rectangle> strays = new ArrayList<>(); // only stray leaves can lie in a gap
        for (Object o : orphanEntries) {
            strays.add(bounds.get(o));
        }
        axisLabels.placeGaps(vmaBottom, metrics, strays);
        LinkRouter router = new LinkRouter(this, metrics);
        List<Rectangle> laneBlocks = new ArrayList<>(lane);
        axisLabels.gapSizes().forEach(t -> laneBlocks.add(t.bounds()));
        router.blockLane(laneBlocks);
        List<Link> all = new ArrayList<>();
        all.addAll(links.all());
        // a stable order, so the same scenario always gets the same tracks
        all.sort(Comparator.comparing((Link k) -> k.kind()).thenComparingInt(k -> boundsRef(k.source()).x)
                .thenComparingInt(k -> boundsRef(k.target()).x));
        for (Link k : all) {
            Route r = router.route(k);
            if (r != null) {
                routes.put(k, r);
            }
        }
        List<Rectangle> obstacles = new ArrayList<>();
        boolean labels = routes.values().stream().anyMatch(r -> r.label() != null);
        for (Object e : labels ? bounds.keySet() : List.of()) { // 20,000 boxes only when a label needs a place
            if (!(e instanceof PageTableEntry) && !(e instanceof EntryRun) && !(e instanceof Bar)) {
                obstacles.add(bounds.get(e).getExpanded(1, 1));
            }
        }
        for (Object o : orphanEntries) {
            obstacles.add(bounds.get(o));
        }
        axisLabels.fixedTexts().forEach(t -> obstacles.add(t.bounds()));
        axisLabels.gapSizes().forEach(t -> obstacles.add(t.bounds()));
        obstacles.addAll(axisLabels.gapMarks());
        obstacles.add(new Rectangle(axis.start() - 20, lineY - 6, axis.end() - axis.start() + 80, 13));
        obstacles.add(new Rectangle(0, 0, Integer.MAX_VALUE / 2, Lanes.ACTOR_Y - 6)); // the legend
        List<Rectangle> placed = new ArrayList<>();
        for (Link k : all) {
            Route r = routes.get(k);
            if (r != null) {
                routes.put(k, router.placeLabel(k, r, obstacles, placed));
            }
        }
        List<Rectangle> band = new ArrayList<>(placed);
        for (Rectangle seg : router.segments()) {
            if (seg.y < lineY && seg.bottom() > axisY) {
                band.add(seg.getExpanded(2, 0));
            }
        }
        axisLabels.placeTicks(metrics, band, tickWidths);
    }

    /** Where {@code link} is drawn, or null. */
    public Route route(Link link) {
        return routes.get(link);
    }

    /** The lane titles, legend, gap marks and tick labels of the background. */
    public AxisLabels axisLabels() {
        return axisLabels;
    }

    public TextMetrics metrics() {
        return metrics;
    }

    /** The layout's own rectangle for {@code element} (not a copy: the router reads many). */
    Rectangle boundsRef(Object element) {
        return bounds.get(element);
    }

    /** Above this many VMAs the VMA → BAR links are left out (the band names its BAR instead). */
    public static final int MAX_VMA_LINKS = 500;
    /** Above this many entries the entry → PFN links are left out. */
    public static final int MAX_PFN_LINKS = 256;

    private void computeLinks() {
        links = LinkTable.compute(this, sortedVmas, placedEntries + orphanEntries.size());
    }

    /** Links drawn from {@code element}. */
    public List<Link> linksFrom(Object element) {
        return links.from(element);
    }

    /** Links drawn to {@code element}. */
    public List<Link> linksTo(Object element) {
        return links.to(element);
    }

    // ---- a large scenario's lane, one VMA at a time ---------------------------------------------

    /**
     * Lays out a large scenario's VMAs and leaves from per-VMA pieces, reusing the previous layout's
     * where nothing they depend on changed; false when the lane is laid out in general instead.
     */
    private boolean layOutLaneInPieces(List<PageTableEntry> entries) {
        if (entries.size() <= AGGREGATE_TOTAL) {
            return false;
        }
        Map<Vma, VmaPieces.Piece> before = previous != null && previous.pieces != null && previous.metrics == metrics ? previous.pieces : Map.of();
        int vmaTop = Lanes.ACTOR_Y + Lanes.ACTOR_ROW_HEIGHT + 8 + Lanes.AXIS_HEIGHT;
        VmaPieces.Lane lane = VmaPieces.layout(sortedVmas, entries, scenario.getActors(), before, metrics, vmaTop, bounds);
        if (lane == null) {
            bounds.clear();
            return false;
        }
        aggregated = true;
        axis = lane.axis();
        tickWidths = lane.tickWidths();
        pieces = lane.pieces();
        reusedPieces = lane.reused();
        placedEntries = lane.placedEntries();
        for (Vma v : sortedVmas) {
            vmaChildren.put(v, pieces.get(v).children);
        }
        orphanEntries.addAll(lane.orphans());
        for (Object o : orphanEntries) {
            bounds.put(o, entryBounds(o, vmaTop));
        }
        return true;
    }

    /** How many VMAs kept the previous layout's piece (for the benchmark and tests; 0 when laid out in general). */
    public int reusedPieces() {
        return reusedPieces;
    }

    /**
     * Whether {@code vma} is drawn exactly as in {@code earlier}: the same piece (so the same runs,
     * boxes and breakpoints relative to it) at the same place. An editor redraws only the VMAs for
     * which this is false; false whenever either layout was not made of pieces.
     */
    public boolean unchangedSince(DiagramLayout earlier, Vma vma) {
        if (earlier == null || earlier.pieces == null || pieces == null) {
            return false;
        }
        VmaPieces.Piece p = pieces.get(vma);
        return p != null && earlier.pieces.get(vma) == p && bounds.get(vma).equals(earlier.bounds.get(vma));
    }

    /** Whether the VMA lane was laid out one VMA at a time (a regular large scenario). */
    public boolean isLaidOutInPieces() {
        return pieces != null;
    }

    // ---- entries --------------------------------------------------------------------------------

    private int placedEntries;

    @SuppressWarnings("unchecked")
    private void assignEntries(List<PageTableEntry> entries) {
        // by index into the sorted VMAs: 100,000 leaves cost no hash map
        List<PageTableEntry>[] perVma = new List[sortedVmas.length];
        for (PageTableEntry e : entries) {
            int i = indexOf(e.getVaddr());
            if (i < 0) {
                orphanEntries.add(e);
            } else {
                if (perVma[i] == null) {
                    perVma[i] = new ArrayList<>(4);
                }
                perVma[i].add(e);
                placedEntries++;
            }
        }
        boolean all = entries.size() > AGGREGATE_TOTAL;
        aggregated = all;
        Comparator<PageTableEntry> byAddress = Comparator.comparingLong(PageTableEntry::getVaddr);
        for (int i = 0; i < sortedVmas.length; i++) {
            Vma v = sortedVmas[i];
            List<PageTableEntry> sorted = perVma[i] == null ? new ArrayList<>(0) : perVma[i];
            sorted.sort(byAddress);
            if (all || sorted.size() > AGGREGATE_PER_VMA) {
                aggregated = true;
                List<Object> runs = new ArrayList<>();
                for (EntryRun r : runs(v, sorted)) {
                    runs.add(previousRuns().getOrDefault(r, r));
                }
                vmaChildren.put(v, runs);
            } else {
                vmaChildren.put(v, new ArrayList<>(sorted));
            }
        }
    }

    /** Contiguous leaves of one level of {@code v} (sorted by address) as runs. */
    static List<EntryRun> runs(Vma v, List<PageTableEntry> sorted) {
        List<EntryRun> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            PageTableEntry first = sorted.get(i);
            long end = ScenarioMath.end(first);
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).getLevel() == first.getLevel() && sorted.get(j).getVaddr() == end) {
                end = ScenarioMath.end(sorted.get(j));
                j++;
            }
            out.add(new EntryRun(v, first.getLevel(), first.getVaddr(), end, List.copyOf(sorted.subList(i, j))));
            i = j;
        }
        return out;
    }

    /** The VMA containing {@code addr} (binary search over the sorted VMAs), or null. */
    public Vma find(long addr) {
        int i = indexOf(addr);
        return i < 0 ? null : sortedVmas[i];
    }

    /** Index in the sorted VMAs of the one containing {@code addr}, or -1. */
    private int indexOf(long addr) {
        int lo = 0;
        int hi = sortedVmas.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedVmas[mid].getStart() <= addr) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int k = best; k >= 0 && k >= best - 2; k--) { // overlapping (invalid) VMAs: look a little back
            if (addr < sortedVmas[k].getEnd() && sortedVmas[k].getStart() <= addr) {
                return k;
            }
        }
        return -1;
    }

    // ---- the axis -------------------------------------------------------------------------------

    private void buildAxis() {
        long[] pts = new long[16];
        int n = 0;
        for (Vma v : sortedVmas) {
            pts = grow(pts, n + 2);
            pts[n++] = v.getStart();
            pts[n++] = Math.max(v.getStart(), v.getEnd());
            for (Object child : vmaChildren.get(v)) {
                pts = grow(pts, n + 2);
                if (child instanceof PageTableEntry e) {
                    pts[n++] = e.getVaddr();
                    pts[n++] = ScenarioMath.end(e);
                } else if (child instanceof EntryRun r) {
                    pts[n++] = r.start();
                    pts[n++] = r.end();
                }
            }
        }
        for (Object o : orphanEntries) {
            PageTableEntry e = (PageTableEntry) o;
            pts = grow(pts, n + 2);
            pts[n++] = e.getVaddr();
            pts[n++] = ScenarioMath.end(e);
        }
        for (Actor a : scenario.getActors()) {
            if (a instanceof Pinner p && p.getSize() > 0) {
                pts = grow(pts, n + 2);
                pts[n++] = p.getVaddr();
                pts[n++] = p.getVaddr() + p.getSize();
            }
        }
        long[] sorted = Arrays.copyOf(pts, n);
        Arrays.sort(sorted);
        int u = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (u == 0 || sorted[i] != sorted[u - 1]) {
                sorted[u++] = sorted[i];
            }
        }
        long[] points = Arrays.copyOf(sorted, u);
        int segs = Math.max(0, u - 1);
        boolean[] gap = new boolean[segs];
        double[] w = new double[segs];
        // union of VMAs, for telling mapped segments from gaps
        int vi = 0;
        long coveredEnd = Long.MIN_VALUE;
        for (int i = 0; i < segs; i++) {
            long s = points[i];
            while (vi < sortedVmas.length && sortedVmas[vi].getStart() <= s) {
                coveredEnd = Math.max(coveredEnd, sortedVmas[vi].getEnd());
                vi++;
            }
            gap[i] = s >= coveredEnd;
            long len = points[i + 1] - s;
            w[i] = gap[i] ? AddressAxis.gapWidth(len) : AddressAxis.mappedWidth(len);
        }
        // every VMA gets room for its labels
        for (Vma v : sortedVmas) {
            int a = Arrays.binarySearch(points, v.getStart());
            int b = Arrays.binarySearch(points, Math.max(v.getStart(), v.getEnd()));
            if (a < 0 || b < 0 || b <= a) {
                continue;
            }
            double sum = 0;
            for (int i = a; i < b; i++) {
                sum += w[i];
            }
            int min = minVmaWidth(v, metrics);
            if (!aggregated) {
                double scale = LeafSpacing.spread(children(v), v.getEnd(), points, w, a, b, min);
                if (scale > 0) {
                    freeScale.put(v, scale);
                }
                continue;
            }
            // A large scenario keeps every VMA as wide as its length and texts alone say, and
            // fits its leaves into that: an edit inside one VMA then moves nothing outside it.
            double target = Math.max(min, AddressAxis.mappedWidth(v.getEnd() - v.getStart()));
            for (int i = a; i < b; i++) {
                w[i] *= target / sum;
            }
        }
        int[] xs = new int[u];
        double x = AddressAxis.ORIGIN;
        for (int i = 0; i < u; i++) {
            xs[i] = (int) Math.round(x);
            if (i < segs) {
                x += w[i];
            }
        }
        axis = new AddressAxis(points, xs, gap);
    }

    private final Map<Vma, Double> freeScale = new IdentityHashMap<>();

    /**
     * Bytes per pixel of the space between {@code v}'s leaves (or of the whole VMA when it has no
     * such space): what a leaf dragged by one pixel inside it moves by.
     */
    public double freeBytesPerPixel(Vma v) {
        Double f = freeScale.get(v);
        if (f != null) {
            return f;
        }
        Rectangle r = bounds.get(v);
        return r == null || r.width <= 0 ? ScenarioMath.PAGE : (double) (v.getEnd() - v.getStart()) / r.width;
    }

    /** A VMA is at least as wide as its name, range and flags (a long name makes the band wider). */
    static int minVmaWidth(Vma v, TextMetrics metrics) {
        int w = Math.max(metrics.width(ElementText.vmaName(v), true) + 10 + 18, metrics.width(ElementText.vmaRange(v), false) + 10);
        w = Math.max(w, metrics.width(ElementText.vmaFlags(v), false) + 10);
        return Math.max(Lanes.VMA_MIN_WIDTH, w);
    }

    private static long[] grow(long[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    // ---- placement ------------------------------------------------------------------------------

    private void placeVmasAndEntries() {
        int y0 = Lanes.ACTOR_Y + Lanes.ACTOR_ROW_HEIGHT + 8 + Lanes.AXIS_HEIGHT;
        for (Vma v : sortedVmas) {
            int x0 = axis.x(v.getStart());
            int x1 = Math.max(x0 + 8, axis.x(v.getEnd()));
            Rectangle vr = new Rectangle(x0, y0, x1 - x0, Lanes.VMA_HEIGHT);
            bounds.put(v, vr);
            for (Object child : vmaChildren.get(v)) {
                bounds.put(child, entryBounds(child, y0));
            }
        }
        for (Object o : orphanEntries) {
            bounds.put(o, entryBounds(o, y0));
        }
    }

    private Rectangle entryBounds(Object child, int vmaTop) {
        long s;
        long e;
        dev.pinscope.model.scenario.PageLevel level;
        if (child instanceof PageTableEntry pte) {
            s = pte.getVaddr();
            e = ScenarioMath.end(pte);
            level = pte.getLevel();
        } else {
            EntryRun r = (EntryRun) child;
            s = r.start();
            e = r.end();
            level = r.level();
        }
        int x0 = axis.x(s);
        int x1 = Math.max(x0 + 4, axis.x(e));
        int h = Lanes.entryHeight(level);
        return new Rectangle(x0 + 1, vmaTop + Lanes.VMA_HEIGHT - 6 - h, Math.max(3, x1 - x0 - 2), h);
    }

    // ---- queries --------------------------------------------------------------------------------

    public AddressAxis axis() {
        return axis;
    }

    /** Absolute bounds of a model element or run, or null when it has no figure. */
    public Rectangle bounds(Object element) {
        Rectangle r = bounds.get(element);
        return r == null ? null : r.getCopy();
    }

    /** The leaves (or runs) drawn inside {@code vma}, by address. */
    public List<Object> children(Vma vma) {
        List<Object> c = vmaChildren.get(vma);
        return c == null ? List.of() : c;
    }

    /** Entries that lie outside every VMA (invalid, but still shown so they can be fixed). */
    public List<Object> orphanEntries() {
        return orphanEntries;
    }

    /** The VMA an entry is drawn in, or null. */
    public Vma vmaOf(PageTableEntry entry) {
        return find(entry.getVaddr());
    }

    public boolean isAggregated() {
        return aggregated;
    }

    public int actorRows() {
        return actorRows;
    }

    public int axisY() {
        return axisY;
    }

    public int vmaY() {
        return vmaY;
    }

    public int physY() {
        return physY;
    }

    public int width() {
        return width;
    }

    public int height() {
        return physY + Lanes.DEVICE_HEIGHT + 40;
    }

    public Scenario scenario() {
        return scenario;
    }
}
