package dev.pinscope.diagram.internal.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * Finds where a run label goes so that it covers no text of the diagram and no label placed before it. The
 * label belongs to a leaf drawn at a slot inside its VMA; a VMA one slot high often has every line of the
 * slot taken (its "no entry at start" note, the lock badge, the flags above), so the label then moves beside the
 * slot, then to the nearest free place of the diagram that lies on no other element (drawn with a leader line
 * to its slot), and when the diagram has none, under the diagram, which grows to hold it. It never falls back
 * to a covered place.
 */
final class LabelPlacer {

    /** Gap between a label and what it keeps clear of. */
    private static final int GAP = 4;
    /** Horizontal step of the search for a free place. */
    private static final int STEP_X = 12;
    /** How far left or right of its slot a label may go before it goes under the diagram. */
    private static final int NEAR = 480;

    private final List<Rectangle> texts;
    private final List<Rectangle> boxes;
    private final int width;
    private final int height;
    private final List<Rectangle> taken = new ArrayList<>();
    private int below;

    /**
     * @param texts  every text the diagram draws under the labels
     * @param boxes  the element figures and the run's own leaves, which a label moved out of its slot keeps off
     * @param width  the diagram's width
     * @param height the diagram's height, under which labels with no free place are stacked
     */
    LabelPlacer(List<Rectangle> texts, List<Rectangle> boxes, int width, int height) {
        this.texts = texts;
        this.boxes = boxes;
        this.width = width;
        this.height = height;
        this.below = height + GAP;
    }

    /**
     * The first of {@code preferred} that covers no text (e.g. the address touched: right of its line on the axis,
     * else left of it, else above), else where {@link #place} puts a label for {@code slot}.
     */
    Rectangle placeFirstFree(Dimension size, List<Rectangle> preferred, Rectangle slot) {
        for (Rectangle c : preferred) {
            if (fits(c) && clearOfTexts(c)) {
                taken.add(c);
                return c;
            }
        }
        return place(size, slot);
    }

    /** Where a label of {@code size} for the leaf drawn at {@code slot} goes; reserved for later labels. */
    Rectangle place(Dimension size, Rectangle slot) {
        Rectangle chosen = inOrBeside(size, slot);
        if (chosen == null) {
            chosen = nearestFree(size, slot);
        }
        if (chosen == null) {
            chosen = new Rectangle(Math.max(0, Math.min(slot.x, width - size.width)), below, size.width, size.height);
            below += size.height + GAP;
        }
        taken.add(chosen);
        return chosen;
    }

    /** How far down the labels reach (the diagram's height unless some went under it). */
    int bottom() {
        return below > height + GAP ? below : height;
    }

    /** The slot's own lines, top left first, then just above or below it, then beside it on its lines. */
    private Rectangle inOrBeside(Dimension size, Rectangle slot) {
        List<Rectangle> inside = new ArrayList<>();
        inside.add(new Rectangle(slot.x + 3, slot.y + 2, size.width, size.height));
        for (int y = slot.y + 2 + size.height; y + size.height <= slot.bottom(); y += size.height) {
            inside.add(new Rectangle(slot.x + 3, y, size.width, size.height));
        }
        inside.add(new Rectangle(slot.x + 3, slot.y - size.height - 1, size.width, size.height));
        inside.add(new Rectangle(slot.x + 3, slot.bottom() + 1, size.width, size.height));
        for (Rectangle c : inside) {
            // within the slot's own VMA: only its texts count
            if (fits(c) && clearOfTexts(c)) {
                return c;
            }
        }
        for (int y = slot.y + 2; y + size.height <= Math.max(slot.bottom(), slot.y + 2 + size.height); y += size.height) {
            for (Rectangle c : List.of(new Rectangle(slot.right() + GAP + 2, y, size.width, size.height),
                    new Rectangle(slot.x - GAP - 2 - size.width, y, size.width, size.height))) {
                if (fits(c) && clearOfTexts(c) && clearOfOtherBoxes(c, slot)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The free place nearest to the slot, on no other element's box; else the nearest covering no text. */
    private Rectangle nearestFree(Dimension size, Rectangle slot) {
        List<Rectangle> candidates = new ArrayList<>();
        // near the slot only (a wide diagram would make thousands of candidates); else under the diagram
        int fromX = Math.max(0, slot.x - NEAR - size.width);
        int toX = Math.min(width, slot.right() + NEAR + size.width);
        for (int y = 0; y + size.height <= height; y += Math.max(1, size.height / 2)) {
            for (int x = fromX; x + size.width <= toX; x += STEP_X) {
                candidates.add(new Rectangle(x, y, size.width, size.height));
            }
        }
        candidates.sort(Comparator.comparingLong(c -> distance(c, slot)));
        for (Rectangle c : candidates) {
            if (clearOfTexts(c) && clearOfOtherBoxes(c, slot)) {
                return c;
            }
        }
        for (Rectangle c : candidates) {
            if (clearOfTexts(c)) {
                return c;
            }
        }
        return null;
    }

    /** Squared distance between the two rectangles' closest points. */
    static long distance(Rectangle a, Rectangle b) {
        long dx = Math.max(0, Math.max(a.x - b.right(), b.x - a.right()));
        long dy = Math.max(0, Math.max(a.y - b.bottom(), b.y - a.bottom()));
        return dx * dx + dy * dy;
    }

    private boolean fits(Rectangle c) {
        return c.x >= 0 && c.y >= 0 && c.right() <= width && c.bottom() <= height;
    }

    private boolean clearOfTexts(Rectangle c) {
        // a gap wider than a space, so two labels on one line do not read as one
        Rectangle padded = c.getExpanded(6, 0);
        for (Rectangle t : taken) {
            if (t.intersects(padded)) {
                return false;
            }
        }
        for (Rectangle t : texts) {
            if (t.intersects(padded)) {
                return false;
            }
        }
        return true;
    }

    /** Clear of every box but those the slot lies in (its VMA, that VMA's device...) and the slot's own leaf. */
    private boolean clearOfOtherBoxes(Rectangle c, Rectangle slot) {
        for (Rectangle b : boxes) {
            boolean home = b.contains(slot.getCenter()) && !b.equals(slot);
            if (!home && !b.equals(slot) && b.intersects(c)) {
                return false;
            }
        }
        return true;
    }
}
