package org.eclipse.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.widgets.Display;

/**
 * GEF 3.2's flyout palette asks the workbench for docking cursors through this internal class,
 * which the workbench no longer has. Returning SWT's system cursors keeps palette docking working;
 * the exact glyph is cosmetic.
 */
public final class DragCursors {

    public static final int INVALID = 0;
    public static final int LEFT = 1;
    public static final int RIGHT = 2;
    public static final int TOP = 3;
    public static final int BOTTOM = 4;
    public static final int CENTER = 5;
    public static final int OFFSCREEN = 6;
    public static final int FASTVIEW = 7;

    private DragCursors() {
    }

    public static int positionToDragCursor(int swtPositionConstant) {
        return switch (swtPositionConstant) {
            case SWT.LEFT -> LEFT;
            case SWT.RIGHT -> RIGHT;
            case SWT.TOP -> TOP;
            case SWT.BOTTOM -> BOTTOM;
            case SWT.CENTER -> CENTER;
            default -> INVALID;
        };
    }

    public static Cursor getCursor(int cursorType) {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : Display.getDefault();
        int swtCursor = switch (cursorType) {
            case LEFT -> SWT.CURSOR_SIZEW;
            case RIGHT -> SWT.CURSOR_SIZEE;
            case TOP -> SWT.CURSOR_SIZEN;
            case BOTTOM -> SWT.CURSOR_SIZES;
            case CENTER, FASTVIEW -> SWT.CURSOR_SIZEALL;
            case OFFSCREEN -> SWT.CURSOR_HAND;
            default -> SWT.CURSOR_NO;
        };
        return display.getSystemCursor(swtCursor);
    }

    public static void dispose() {
        // system cursors are owned by the display
    }
}
