package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.geometry.Rectangle;

/**
 * One piece of text as a figure draws it: what it means ({@code full}), what is drawn
 * ({@code shown}, shortened with an ellipsis when it does not fit) and where, in the figure's
 * coordinates. Figures paint from these boxes, and tests read them to check that no text is
 * clipped or drawn over another.
 */
public record TextBox(Role role, String full, String shown, Rectangle bounds) {

    public enum Role {
        /** an element's name: never shortened, the figure is made wide enough */
        NAME,
        /** an address, a size, flags, a state: may be shortened, the tooltip has it in full */
        DETAIL,
        /** a connection's label, a tick label, a lane title, a badge */
        LABEL
    }

    public boolean isElided() {
        return !full.equals(shown);
    }
}
