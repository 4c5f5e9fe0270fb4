package dev.pinscope.diagram.internal.figures;

import java.util.List;

import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * A vfio-pci device on the physical side; its BARs are children along the top edge, where the
 * VMA and PFN links arrive, so the PCI address and state sit below them and no link crosses them.
 */
public class DeviceFigure extends ElementFigure {

    private String name = "";
    private String state = "";

    public DeviceFigure() {
        setLayoutManager(new XYLayout());
    }

    public void setTexts(String name, String state) {
        this.name = name;
        this.state = state;
        textsChanged();
    }

    public String getName() {
        return name;
    }

    public Rectangle nameBounds() {
        Rectangle r = getBounds();
        return new Rectangle(r.x + 6, r.bottom() - lineHeight() - 6, 120, 18);
    }

    @Override
    protected void layoutTexts(Rectangle r, List<TextBox> out) {
        int y = r.bottom() - lineHeight() - 5;
        line(out, TextBox.Role.NAME, name, r.x + 8, y, r.width - 16 - BADGE_ROOM);
        int nameWidth = FigureUtilities.getTextWidth(name, Colors.bold());
        int sx = r.x + 8 + nameWidth + 12;
        line(out, TextBox.Role.DETAIL, state, sx, y, r.right() - 8 - BADGE_ROOM - sx);
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.DEVICE_FILL);
        g.fillRoundRectangle(r, 10, 10);
        g.setForegroundColor(Colors.DEVICE_LINE);
        g.drawRoundRectangle(new Rectangle(r.x, r.y, r.width - 1, r.height - 1), 10, 10);
    }
}
