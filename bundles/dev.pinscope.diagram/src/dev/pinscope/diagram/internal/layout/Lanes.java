package dev.pinscope.diagram.internal.layout;

/** Vertical geometry of the diagram: actor lane, address axis, VMA lane, physical side. */
public final class Lanes {

    public static final int LEGEND_Y = 8;
    public static final int ACTOR_Y = 40;
    public static final int ACTOR_ROW_HEIGHT = 60;
    public static final int ACTOR_HEIGHT = 50;
    public static final int ACTOR_MIN_WIDTH = 150;
    public static final int AXIS_HEIGHT = 44;
    public static final int VMA_HEIGHT = 124;
    public static final int VMA_MIN_WIDTH = 120;
    public static final int VMA_HEADER = 48;
    public static final int DEVICE_HEIGHT = 104;
    public static final int DEVICE_HEADER = 28;
    public static final int BAR_GAP = 10;
    public static final int LANE_GAP = 64;

    private Lanes() {
    }

    /** Height of a leaf of the given level inside its VMA band. */
    public static int entryHeight(dev.pinscope.model.scenario.PageLevel level) {
        return switch (level) {
            case PUD -> 66;
            case PMD -> 50;
            case PTE -> 34;
        };
    }
}
