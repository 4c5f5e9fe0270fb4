package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.AbstractConnectionAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PrecisionRectangle;

/**
 * A connection end on the top or bottom edge of a figure at a fraction of its width: links go
 * straight down from the address axis to the physical side, and a leaf's PFN link ends where the
 * PFN lies within its BAR.
 */
public class SideAnchor extends AbstractConnectionAnchor {

    private final boolean top;
    private final double fraction;

    public SideAnchor(IFigure owner, boolean top, double fraction) {
        super(owner);
        this.top = top;
        this.fraction = Math.max(0, Math.min(1, fraction));
    }

    @Override
    public Point getLocation(Point reference) {
        PrecisionRectangle r = new PrecisionRectangle(getOwner().getBounds());
        getOwner().translateToAbsolute(r);
        return new Point((int) Math.round(r.preciseX + r.preciseWidth * fraction), top ? r.y : r.bottom() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SideAnchor a && a.getOwner() == getOwner() && a.top == top && a.fraction == fraction;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(getOwner()) * 31 + (top ? 1 : 0) + Double.hashCode(fraction);
    }
}
