package dev.pinscope.diagram.internal.layout;

/** Vertical geometry of the diagram: actor lane, address axis, VMA lane, physical side. */
public final class Lanes {

    public static final int LEGEND_Y = 8;
    public static final int ACTOR_Y = 40;
    public static final int ACTOR_ROW_HEIGHT = 76;
    public static final int ACTOR_HEIGHT = 52;
    public static final int ACTOR_MIN_WIDTH = 150;
    public static final int AXIS_HEIGHT = 44;
    public static final int VMA_HEIGHT = 124;
    public static final int VMA_MIN_WIDTH = 120;
    public static final int VMA_HEADER = 48;
    public static final int DEVICE_HEIGHT = 104;
    /** Height under the BARs for the device's PCI address and state. */
    public static final int DEVICE_FOOTER = 26;
    public static final int BAR_GAP = 10;
    public static final int LANE_GAP = 64;

    private Lanes() {
    }

    /** Height of a leaf of the given level inside its VMA band. */
    public static int entryHeight(dev.pinscope.model.scenario.PageLevel level) {
        return switch (level) {
            // the tallest stays clear of the VMA's three header lines
            case PUD -> 60;
            case PMD -> 46;
            case PTE -> 32;
        };
    }
}
