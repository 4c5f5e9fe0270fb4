package dev.pinscope.diagram.internal.layout;

import java.util.Arrays;

/**
 * The virtual-address axis: a monotone, invertible map from addresses to x pixels that gives every
 * interesting stretch (a VMA, an entry, the space between them) a width that grows with the
 * logarithm of its length, and squeezes unmapped gaps to a fixed width marked with a break. Within
 * one stretch the map is linear, so an address always has one x and every x one address.
 *
 * <p>Addresses are user addresses (below 2^57), so signed long arithmetic is safe.
 */
public final class AddressAxis {

    /** x of the first breakpoint. */
    public static final int ORIGIN = 116;
    /** Width of a compressed gap between VMAs. */
    public static final int GAP_WIDTH = 46;
    /** Width of a gap no longer than {@link #SMALL_GAP}. */
    public static final int SMALL_GAP_WIDTH = 18;
    public static final long SMALL_GAP = 16 * 4096L;

    private final long[] points;   // sorted breakpoints, ascending
    private int[] xs;              // x of each breakpoint
    private final boolean[] gap;   // segment i (points[i]..points[i+1]) lies outside every VMA

    AddressAxis(long[] points, int[] xs, boolean[] gap) {
        this.points = points;
        this.xs = xs;
        this.gap = gap;
    }

    /** Width of a mapped stretch of {@code length} bytes: 24 px for 4K, +14 px per doubling. */
    static int mappedWidth(long length) {
        double pages = Math.max(1.0, length / 4096.0);
        return (int) Math.round(24 + 14 * (Math.log(pages) / Math.log(2)));
    }

    static int gapWidth(long length) {
        return length <= SMALL_GAP ? SMALL_GAP_WIDTH : GAP_WIDTH;
    }

    /** The x of {@code address}; before the first breakpoint and after the last it extrapolates by pages. */
    public int x(long address) {
        if (points.length == 0) {
            return ORIGIN;
        }
        if (address <= points[0]) {
            return xs[0] - (int) Math.min(ORIGIN, (points[0] - address) / 4096L);
        }
        int last = points.length - 1;
        if (address >= points[last]) {
            return xs[last] + (int) Math.min(GAP_WIDTH, (address - points[last]) / 4096L);
        }
        int i = Arrays.binarySearch(points, address);
        if (i >= 0) {
            return xs[i];
        }
        int seg = -i - 2;
        double f = (double) (address - points[seg]) / (double) (points[seg + 1] - points[seg]);
        return xs[seg] + (int) Math.floor(f * (xs[seg + 1] - xs[seg]));
    }

    /** The address at {@code x} (the inverse of {@link #x(long)}, exact at breakpoints). */
    public long address(int x) {
        if (points.length == 0) {
            return 0;
        }
        if (x <= xs[0]) {
            return Math.max(0, points[0] - (long) (xs[0] - x) * 4096L);
        }
        int last = points.length - 1;
        if (x >= xs[last]) {
            return points[last] + (long) (x - xs[last]) * 4096L;
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) { // largest i with xs[i] <= x
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (double) (x - xs[lo]) / (double) (xs[lo + 1] - xs[lo]);
        return points[lo] + (long) Math.floor(f * (points[lo + 1] - points[lo]));
    }

    /** Moves the whole axis right by {@code dx} pixels (to centre a small diagram). */
    void shift(int dx) {
        int[] moved = xs.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += dx;
        }
        xs = moved;
    }

    /** x of the first breakpoint. */
    public int start() {
        return xs.length == 0 ? ORIGIN : xs[0];
    }

    /** Number of breakpoints. */
    public int size() {
        return points.length;
    }

    public long point(int i) {
        return points[i];
    }

    public int xAt(int i) {
        return xs[i];
    }

    /** Whether the segment after breakpoint {@code i} is a compressed unmapped gap. */
    public boolean isGap(int i) {
        return i < gap.length && gap[i];
    }

    /** Index of the last breakpoint whose x is at most {@code x} (for painting only what is visible). */
    public int indexAtOrBefore(int x) {
        int lo = 0;
        int hi = points.length - 1;
        if (hi < 0 || x < xs[0]) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Right end of the axis. */
    public int end() {
        return points.length == 0 ? ORIGIN : xs[points.length - 1];
    }
}
