package dev.pinscope.diagram.internal.layout;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.geometry.Rectangle;

import dev.pinscope.model.units.Hex;

/**
 * The fixed texts of the diagram's background, placed by the layout so that painting and the
 * legibility test agree: lane titles, the legend, the compressed-gap marks with their sizes, and
 * the hex tick labels of the address axis. Tick labels take one of two rows above the axis line
 * and give way to everything else there: a link crossing the axis band or a link's label. A VMA
 * shows its own start address, so a tick label left out loses nothing.
 */
public final class AxisLabels {

    /** A text of the background: lane titles, legend entries, gap sizes. */
    public record Text(String text, Rectangle bounds) {
    }

    private final List<Text> fixed = new ArrayList<>();
    private final List<Rectangle> gapMarks = new ArrayList<>();
    private final List<Text> gapSizes = new ArrayList<>();
    // tick labels, by ascending x: breakpoint index and top-left of the text
    private int[] tickIndex = new int[0];
    private int[] tickX = new int[0];
    private int[] tickY = new int[0];
    private int[] tickW = new int[0];
    private int ticks;
    private final AddressAxis axis;
    private final int lineY;
    private final int h;

    AxisLabels(AddressAxis axis, int lineY, TextMetrics m) {
        this.axis = axis;
        this.lineY = lineY;
        this.h = m.height();
    }

    void addFixed(String text, int x, int y, TextMetrics m) {
        fixed.add(new Text(text, new Rectangle(x, y, m.width(text, false), m.height())));
    }

    /** The // marks over gaps longer than a few pages and their sizes, unless a box is in the way. */
    void placeGaps(int vmaBottom, TextMetrics m, List<Rectangle> laneBoxes) {
        for (int i = 0; i + 1 < axis.size(); i++) {
            if (!axis.isGap(i) || axis.point(i + 1) - axis.point(i) <= AddressAxis.SMALL_GAP) {
                continue;
            }
            int gx = (axis.xAt(i) + axis.xAt(i + 1)) / 2;
            gapMarks.add(new Rectangle(gx - 7, lineY - 6, 15, 13));
            String size = ApproxSize.of(axis.point(i + 1) - axis.point(i));
            int w = m.width(size, false);
            Rectangle r = new Rectangle(gx - w / 2, vmaBottom - h - 2, w, h);
            if (r.x > axis.xAt(i) + 1 && r.right() < axis.xAt(i + 1) - 1 && laneBoxes.stream().noneMatch(r::intersects)) {
                gapSizes.add(new Text(size, r));
            }
        }
    }

    /**
     * Tick labels for every breakpoint that has room, in row 0 (just above the line) or row 1,
     * never over {@code obstacles} (link labels, links crossing the band, gap marks).
     *
     * @param widths the width of each breakpoint's label when already known (a large lane keeps them per VMA), or null
     */
    void placeTicks(TextMetrics m, List<Rectangle> obstacles, int[] widths) {
        int n = axis.size();
        tickIndex = new int[n];
        tickX = new int[n];
        tickY = new int[n];
        tickW = new int[n];
        int[] rowEnd = {Integer.MIN_VALUE, Integer.MIN_VALUE};
        List<Rectangle> sorted = new ArrayList<>(obstacles);
        sorted.addAll(gapMarks);
        sorted.sort((a, b) -> Integer.compare(a.x, b.x));
        int firstObstacle = 0;
        for (int i = 0; i < n; i++) {
            int x = axis.xAt(i);
            int tw = widths != null ? widths[i] : m.width(Hex.format(axis.point(i)), false);
            while (firstObstacle < sorted.size() && sorted.get(firstObstacle).right() < x - 400) {
                firstObstacle++;
            }
            for (int row = 0; row < 2; row++) {
                if (x - 2 <= rowEnd[row]) {
                    continue;
                }
                Rectangle box = new Rectangle(x + 2, lineY - 4 - h * (row + 1), tw, h);
                if (hits(box, sorted, firstObstacle)) {
                    continue;
                }
                tickIndex[ticks] = i;
                tickX[ticks] = box.x;
                tickY[ticks] = box.y;
                tickW[ticks] = tw;
                ticks++;
                rowEnd[row] = x + tw + 8;
                break;
            }
        }
    }

    private static boolean hits(Rectangle box, List<Rectangle> sorted, int from) {
        for (int k = from; k < sorted.size(); k++) {
            Rectangle o = sorted.get(k);
            if (o.x > box.right()) {
                return false;
            }
            if (o.intersects(box)) {
                return true;
            }
        }
        return false;
    }

    /** y of the axis line. */
    public int lineY() {
        return lineY;
    }

    public List<Text> fixedTexts() {
        return fixed;
    }

    public List<Rectangle> gapMarks() {
        return gapMarks;
    }

    public List<Text> gapSizes() {
        return gapSizes;
    }

    public int tickCount() {
        return ticks;
    }

    /** The text of tick label {@code k}. */
    public String tickText(int k) {
        return Hex.format(axis.point(tickIndex[k]));
    }

    /** x of the breakpoint tick label {@code k} stands for. */
    public int tickAxisX(int k) {
        return axis.xAt(tickIndex[k]);
    }

    public Rectangle tickBounds(int k) {
        return new Rectangle(tickX[k], tickY[k], tickW[k], h);
    }

    /** First tick label whose text may reach into x (for painting what is in the clip). */
    public int firstTickFrom(int x) {
        int lo = 0;
        int hi = ticks;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tickX[mid] + tickW[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.max(0, lo - 2);
    }
}
