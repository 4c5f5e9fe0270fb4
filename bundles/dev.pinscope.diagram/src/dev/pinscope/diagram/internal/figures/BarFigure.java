package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;

/** A PCI memory BAR: index, size and physical range; leaves' PFN links end at their offset in it. */
public class BarFigure extends ElementFigure {

    private String title = "";
    private String range = "";

    public void setTexts(String title, String range) {
        this.title = title;
        this.range = range;
        repaint();
    }

    public String getTitle() {
        return title;
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.BAR_FILL);
        g.fillRectangle(r);
        g.setForegroundColor(Colors.DEVICE_LINE);
        g.drawRectangle(r.x, r.y, r.width - 1, r.height - 1);
        g.setForegroundColor(Colors.TEXT);
        g.setFont(Colors.bold());
        text(g, title, r.x + 5, r.y + 4, r.width - 22);
        g.setFont(Colors.normal());
        g.setForegroundColor(Colors.MUTED);
        text(g, range, r.x + 5, r.y + 21, r.width - 8);
    }
}
