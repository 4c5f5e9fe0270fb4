package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Rectangle;

/** A vfio-pci device on the physical side; its BARs are children. */
public class DeviceFigure extends ElementFigure {

    private String name = "";
    private String state = "";

    public DeviceFigure() {
        setLayoutManager(new XYLayout());
    }

    public void setTexts(String name, String state) {
        this.name = name;
        this.state = state;
        repaint();
    }

    public String getName() {
        return name;
    }

    public Rectangle nameBounds() {
        Rectangle r = getBounds();
        return new Rectangle(r.x + 6, r.y + 5, 120, 18);
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.DEVICE_FILL);
        g.fillRoundRectangle(r, 10, 10);
        g.setForegroundColor(Colors.DEVICE_LINE);
        g.drawRoundRectangle(new Rectangle(r.x, r.y, r.width - 1, r.height - 1), 10, 10);
        g.setForegroundColor(Colors.TEXT);
        g.setFont(Colors.bold());
        text(g, name, r.x + 8, r.y + 6, 120);
        g.setFont(Colors.normal());
        g.setForegroundColor(Colors.MUTED);
        text(g, state, r.x + 130, r.y + 6, r.width - 150);
    }
}
