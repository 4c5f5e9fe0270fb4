package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Rectangle;

/** A VMA band on the address axis: name, [start, end) and size, flags; its leaves inside. */
public class VmaFigure extends ElementFigure {

    private String name = "";
    private String range = "";
    private String flags = "";
    private String mapping;

    public VmaFigure() {
        setLayoutManager(new XYLayout());
    }

    public void setTexts(String name, String range, String flags, String mapping) {
        this.name = name;
        this.range = range;
        this.flags = flags;
        this.mapping = mapping;
        repaint();
    }

    public String getName() {
        return name;
    }

    public String getRange() {
        return range;
    }

    /** Where the name is drawn, for direct edit. */
    public Rectangle nameBounds() {
        Rectangle r = getBounds();
        return new Rectangle(r.x + 4, r.y + 3, Math.max(60, r.width - 8), 18);
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.VMA_FILL);
        g.fillRectangle(r);
        g.setForegroundColor(Colors.VMA_LINE);
        g.drawRectangle(r.x, r.y, r.width - 1, r.height - 1);
        g.setBackgroundColor(Colors.VMA_LINE);
        g.fillRectangle(r.x, r.y, r.width, 3);
        g.setForegroundColor(Colors.TEXT);
        g.setFont(Colors.bold());
        text(g, name, r.x + 5, r.y + 4, r.width - 24);
        g.setFont(Colors.normal());
        g.setForegroundColor(Colors.MUTED);
        text(g, range, r.x + 5, r.y + 19, r.width - 8);
        text(g, mapping != null ? mapping : flags, r.x + 5, r.y + 33, r.width - 8);
    }
}
