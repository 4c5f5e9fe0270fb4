package dev.pinscope.diagram.internal.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;

/**
 * Routes the diagram's links through the channels its lanes leave free, so a link crosses no box
 * but its ends and their containers: down from an actor into the channel below its row (stepping
 * sideways to where the rows below are free), along the channel under the last actor row, down
 * across the axis band to a VMA, or on through a gap between VMAs into the lane above the physical
 * side, and along it to a device or BAR. Every horizontal run gets its own track when it would lie
 * on another. Then each label is put beside its line where it meets no box, no line and no other
 * label.
 *
 * <p>draw2d's ShortestPathConnectionRouter does obstacle avoidance in general, but over thousands
 * of VMA boxes it is far too slow for a relayout per edit, and it knows nothing of tick labels; the
 * diagram's lanes make the free channels known in advance, so each route here costs a few binary
 * searches.
 */
final class LinkRouter {

    private static final int GAP_CHANNEL = -1;
    private static final int TRACK_SPACING = 4;

    private final DiagramLayout l;
    private final TextMetrics m;
    private final int rows;
    private final int h;
    private final Map<Actor, Integer> actorRow = new IdentityHashMap<>();
    private final List<List<int[]>> rowIntervals = new ArrayList<>();
    private int[] laneFrom = new int[0];
    private int[] laneTo = new int[0];
    private final Map<Integer, List<int[]>> tracks = new HashMap<>();
    private final Map<Object, Integer> arrivals = new IdentityHashMap<>();
    private final List<Rectangle> segments = new ArrayList<>();

    LinkRouter(DiagramLayout layout, TextMetrics metrics) {
        this.l = layout;
        this.m = metrics;
        this.rows = layout.actorRows();
        this.h = metrics.height();
        for (int r = 0; r < rows; r++) {
            rowIntervals.add(new ArrayList<>());
        }
        for (Actor a : layout.scenario().getActors()) {
            Rectangle b = layout.boundsRef(a);
            if (b != null) {
                int row = Math.max(0, Math.min(rows - 1, (b.y - Lanes.ACTOR_Y) / Lanes.ACTOR_ROW_HEIGHT));
                actorRow.put(a, row);
                rowIntervals.get(row).add(new int[] {b.x - 5, b.right() + 5});
            }
        }
    }

    /** Blocks the VMA lane where VMAs, stray leaves and gap sizes are. */
    void blockLane(List<Rectangle> boxes) {
        List<Rectangle> sorted = new ArrayList<>(boxes);
        sorted.sort((a, b) -> Integer.compare(a.x, b.x));
        int[] from = new int[sorted.size()];
        int[] to = new int[sorted.size()];
        int n = 0;
        for (Rectangle r : sorted) {
            int a = r.x - 4;
            int b = r.right() + 4;
            if (n > 0 && a <= to[n - 1]) {
                to[n - 1] = Math.max(to[n - 1], b);
            } else {
                from[n] = a;
                to[n] = b;
                n++;
            }
        }
        laneFrom = Arrays.copyOf(from, n);
        laneTo = Arrays.copyOf(to, n);
    }

    // ---- geometry of the channels -------------------------------------------------------------------

    private int rowBottom(int row) {
        return Lanes.ACTOR_Y + row * Lanes.ACTOR_ROW_HEIGHT + Lanes.ACTOR_HEIGHT;
    }

    private int channelTop(int channel) {
        return channel == GAP_CHANNEL ? l.vmaY() + Lanes.VMA_HEIGHT + h + 8 : rowBottom(channel) + 3;
    }

    private int channelBottom(int channel) {
        if (channel == GAP_CHANNEL) {
            return l.physY() - 5;
        }
        return channel == rows - 1 ? l.axisY() - 2 : Lanes.ACTOR_Y + (channel + 1) * Lanes.ACTOR_ROW_HEIGHT - 3;
    }

    /** A y in {@code channel} where a horizontal run over [x0, x1] lies on no other. */
    private int track(int channel, int a, int b) {
        int x0 = Math.min(a, b) - 4;
        int x1 = Math.max(a, b) + 4;
        List<int[]> used = tracks.computeIfAbsent(channel, k -> new ArrayList<>());
        int top = channelTop(channel);
        int bottom = Math.max(top, channelBottom(channel));
        int count = (bottom - top) / TRACK_SPACING + 1;
        int best = 0;
        int bestLoad = Integer.MAX_VALUE;
        for (int t = 0; t < count; t++) {
            int y = top + t * TRACK_SPACING;
            int load = 0;
            for (int[] u : used) {
                if (u[0] == y && u[1] <= x1 && x0 <= u[2]) {
                    load++;
                }
            }
            if (load == 0) {
                best = t;
                bestLoad = 0;
                break;
            }
            if (load < bestLoad) {
                bestLoad = load;
                best = t;
            }
        }
        int y = top + best * TRACK_SPACING;
        used.add(new int[] {y, x0, x1});
        return y;
    }

    /** Nearest x to {@code x} that is free of actors in every row below {@code row}. */
    private int freeBelow(int row, int x, int toward) {
        List<int[]> blocked = new ArrayList<>();
        for (int r = row + 1; r < rows; r++) {
            blocked.addAll(rowIntervals.get(r));
        }
        return nearestFree(blocked, x, toward);
    }

    private static int nearestFree(List<int[]> blocked, int x, int toward) {
        if (isFree(blocked, x)) {
            return x;
        }
        int best = Integer.MIN_VALUE;
        for (int[] b : blocked) {
            for (int c : new int[] {b[0] - 1, b[1] + 1}) {
                if (c > 60 && isFree(blocked, c) && (best == Integer.MIN_VALUE || score(c, x, toward) < score(best, x, toward))) {
                    best = c;
                }
            }
        }
        return best == Integer.MIN_VALUE ? x : best;
    }

    private static int score(int c, int x, int toward) {
        return Math.abs(c - x) + Math.abs(c - toward) / 4;
    }

    private static boolean isFree(List<int[]> blocked, int x) {
        for (int[] b : blocked) {
            if (b[0] <= x && x <= b[1]) {
                return false;
            }
        }
        return true;
    }

    /** Nearest x to {@code x} where a line can cross the VMA lane without touching a box. */
    private int freeInLane(int x) {
        int i = Arrays.binarySearch(laneFrom, x);
        int k = i >= 0 ? i : -i - 2; // last interval starting at or before x
        if (k < 0 || x > laneTo[k]) {
            return Math.max(x, 64);
        }
        int left = laneFrom[k] - 1;
        int right = laneTo[k] + 1;
        if (left < 64) {
            return right;
        }
        return x - left <= right - x ? left : right;
    }

    // ---- routes -------------------------------------------------------------------------------------

    /** From the bottom of {@code a} at {@code sx} to the channel under the last row, ending above {@code tx}. */
    private List<Point> fromActor(Actor a, int sx, int tx) {
        Rectangle b = l.boundsRef(a);
        int row = actorRow.getOrDefault(a, 0);
        List<Point> pts = new ArrayList<>();
        pts.add(new Point(sx, b.bottom()));
        int x = sx;
        if (row < rows - 1) {
            int d = freeBelow(row, sx, tx);
            if (d != sx) {
                int y = track(row, sx, d);
                pts.add(new Point(sx, y));
                pts.add(new Point(d, y));
                x = d;
            }
        }
        int y = track(rows - 1, x, tx);
        pts.add(new Point(x, y));
        pts.add(new Point(tx, y));
        return pts;
    }

    /** x where the n-th link arriving at {@code box} ends on its top edge, spread out from {@code want}. */
    private int arrival(Object element, Rectangle box, int want) {
        int n = arrivals.merge(element, 1, Integer::sum) - 1;
        int x = want + (n % 2 == 0 ? 1 : -1) * ((n + 1) / 2) * 12;
        return Math.max(box.x + 4, Math.min(box.right() - 5, x));
    }

    Route route(Link link) {
        Rectangle src = l.boundsRef(link.source());
        Rectangle dst = l.boundsRef(link.target());
        if (src == null || dst == null) {
            return null;
        }
        List<Point> pts = switch (link.kind()) {
            case WALKER_VMA, UNMAPPER_VMA, PINNER_RANGE, CPU_VMA -> {
                int want = switch (link.source()) {
                    case Pinner p -> l.axis().x(p.getVaddr()) + 6;
                    case CpuAccess c -> l.axis().x(c.getVaddr()) + 2;
                    default -> dst.x + Math.min(dst.width / 2, 40);
                };
                int sx = link.source() instanceof Pinner ? src.x + 10 : src.x + src.width / 2;
                int tx = arrival(link.target(), dst, want);
                List<Point> p = fromActor((Actor) link.source(), sx, tx);
                p.add(new Point(tx, dst.y));
                yield p;
            }
            case ZAPPER_DEVICE -> {
                int tx = arrival(link.target(), dst, dst.right() - 14);
                int g = freeInLane(tx);
                Rectangle zb = src;
                List<Point> p = fromActor((Actor) link.source(), zb.x + zb.width / 2, g);
                int y = track(GAP_CHANNEL, g, tx);
                p.add(new Point(g, y));
                p.add(new Point(tx, y));
                p.add(new Point(tx, dst.y));
                yield p;
            }
            case SIGNAL_PINNER -> {
                Actor pinner = (Actor) link.target();
                int px = dst.x + dst.width / 2;
                int prow = actorRow.getOrDefault(pinner, 0);
                int d = prow < rows - 1 ? freeBelow(prow, px, px) : px;
                List<Point> p = fromActor((Actor) link.source(), src.x + src.width / 2, d);
                if (d != px) {
                    int y = track(prow, px, d);
                    p.add(new Point(d, y));
                    p.add(new Point(px, y));
                }
                p.add(new Point(px, dst.bottom()));
                yield p;
            }
            case VMA_BAR, ENTRY_PFN -> {
                // a VMA's link leaves a little right of the middle, where a leaf's would not
                int sx = src.x + src.width / 2 + (link.kind() == Link.Kind.VMA_BAR ? 7 : 0);
                int tx = barX((Bar) link.target(), link.source(), dst);
                List<Point> p = new ArrayList<>();
                p.add(new Point(sx, src.bottom()));
                int y = track(GAP_CHANNEL, sx, tx);
                p.add(new Point(sx, y));
                p.add(new Point(tx, y));
                p.add(new Point(tx, dst.y));
                yield p;
            }
        };
        pts = simplify(pts);
        for (int i = 0; i + 1 < pts.size(); i++) {
            segments.add(segment(pts.get(i), pts.get(i + 1)));
        }
        return new Route(List.copyOf(pts), LinkText.of(link), null);
    }

    /** x on a BAR's top edge where the VMA's pgoff or the leaf's PFN lies within it. */
    private static int barX(Bar b, Object source, Rectangle box) {
        double offset = switch (source) {
            case Vma v -> (double) (v.getPgoff() << 12);
            case PageTableEntry e -> (double) ((e.getPfn() << 12) - b.getPhysicalAddress());
            default -> b.getSize() / 2.0;
        };
        double f = b.getSize() <= 0 ? 0.5 : Math.max(0, Math.min(1, offset / b.getSize()));
        return box.x + 4 + (int) Math.round((box.width - 9) * f);
    }

    private static List<Point> simplify(List<Point> pts) {
        List<Point> out = new ArrayList<>();
        for (Point p : pts) {
            if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
                continue;
            }
            if (out.size() >= 2) {
                Point a = out.get(out.size() - 2);
                Point b = out.get(out.size() - 1);
                if ((a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y)) {
                    out.set(out.size() - 1, p);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    static Rectangle segment(Point a, Point b) {
        return new Rectangle(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(a.x - b.x) + 1, Math.abs(a.y - b.y) + 1);
    }

    List<Rectangle> segments() {
        return segments;
    }

    // ---- labels -------------------------------------------------------------------------------------

    /**
     * Puts the label of {@code r} beside one of its segments (the end it names first) where the
     * box meets nothing in {@code obstacles}, the other links or the labels placed so far.
     */
    Route placeLabel(Link link, Route r, List<Rectangle> obstacles, List<Rectangle> placed) {
        if (r.label() == null) {
            return r;
        }
        int w = m.width(r.label(), false) + 4;
        List<Point> pts = r.points();
        List<Integer> order = new ArrayList<>();
        boolean fromSource = link.kind() == Link.Kind.VMA_BAR;
        for (int i = 0; i + 1 < pts.size(); i++) {
            order.add(fromSource ? i : pts.size() - 2 - i);
        }
        for (int i : order) {
            Point a = pts.get(i);
            Point b = pts.get(i + 1);
            for (Rectangle c : candidates(a, b, w)) {
                if (free(c, obstacles) && free(c, placed) && free(c, segments)) {
                    placed.add(c);
                    return new Route(pts, r.label(), c);
                }
            }
        }
        return r;
    }

    private List<Rectangle> candidates(Point a, Point b, int w) {
        List<Rectangle> out = new ArrayList<>();
        if (a.x == b.x) {
            int y0 = Math.min(a.y, b.y);
            int y1 = Math.max(a.y, b.y);
            for (int y : new int[] {y0 + 2, (y0 + y1 - h) / 2, y1 - h - 3}) {
                if (y >= y0 - h / 2 && y + h <= y1 + h / 2) {
                    out.add(new Rectangle(a.x + 4, y, w, h));
                    out.add(new Rectangle(a.x - 4 - w, y, w, h));
                }
            }
        } else {
            int x0 = Math.min(a.x, b.x);
            int x1 = Math.max(a.x, b.x);
            if (x1 - x0 >= w + 8) {
                for (int x : new int[] {x0 + 4, (x0 + x1 - w) / 2, x1 - w - 4}) {
                    out.add(new Rectangle(x, a.y - h - 2, w, h));
                    out.add(new Rectangle(x, a.y + 3, w, h));
                }
            }
        }
        return out;
    }

    private static boolean free(Rectangle c, List<Rectangle> boxes) {
        if (c.x < 60) {
            return false; // the lane titles' margin
        }
        for (Rectangle o : boxes) {
            if (o.intersects(c)) {
                return false;
            }
        }
        return true;
    }
}
