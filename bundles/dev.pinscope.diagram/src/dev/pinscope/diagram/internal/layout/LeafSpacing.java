package dev.pinscope.diagram.internal.layout;

import java.util.Arrays;
import java.util.List;

import dev.pinscope.model.scenario.PageTableEntry;

/** How the width of one VMA's axis segments is shared between its leaves and the space between them. */
final class LeafSpacing {

    private LeafSpacing() {
    }

    /**
     * Inside a VMA, leaves keep the width their level gives them and the space between them is
     * shared out in proportion to bytes, so moving a leaf moves its box by as much as the address
     * changed, at the VMA's own scale (which {@link DiagramLayout#freeBytesPerPixel} tells a drag).
     *
     * @return the bytes per pixel of the space between the leaves, or -1 when there is none to share
     */
    static double spread(List<Object> children, long vmaEnd, long[] points, double[] w, int a, int b, int min) {
        boolean[] leaf = new boolean[b - a];
        for (Object child : children) {
            long s0 = child instanceof PageTableEntry e ? e.getVaddr() : ((EntryRun) child).start();
            long s1 = child instanceof PageTableEntry e ? ScenarioMath.end(e) : ((EntryRun) child).end();
            int i0 = Arrays.binarySearch(points, s0);
            int i1 = Arrays.binarySearch(points, Math.min(s1, vmaEnd));
            for (int i = Math.max(i0, a); i0 >= 0 && i1 >= 0 && i < i1 && i < b; i++) {
                leaf[i - a] = true;
            }
        }
        double total = 0;
        double leafPx = 0;
        long freeBytes = 0;
        for (int i = a; i < b; i++) {
            total += w[i];
            if (leaf[i - a]) {
                leafPx += w[i];
            } else {
                freeBytes += points[i + 1] - points[i];
            }
        }
        double target = Math.max(min, total);
        double room = target - leafPx;
        if (freeBytes == 0 || room <= 0) {
            double extra = (target - total) / (b - a);
            for (int i = a; i < b; i++) {
                w[i] += extra;
            }
            return -1;
        }
        for (int i = a; i < b; i++) {
            if (!leaf[i - a]) {
                w[i] = room * (points[i + 1] - points[i]) / freeBytes;
            }
        }
        return freeBytes / room;
    }
}
