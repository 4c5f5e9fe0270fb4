package dev.pinscope.diagram.internal.figures;

import java.util.List;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;

/** A PCI memory BAR: index, size and physical range; leaves' PFN links end at their offset in it. */
public class BarFigure extends ElementFigure {

    private String title = "";
    private String range = "";

    public void setTexts(String title, String range) {
        this.title = title;
        this.range = range;
        textsChanged();
    }

    public String getTitle() {
        return title;
    }

    @Override
    protected void layoutTexts(Rectangle r, List<TextBox> out) {
        int h = lineHeight();
        line(out, TextBox.Role.NAME, title, r.x + 5, r.y + 5, r.width - 10 - BADGE_ROOM);
        line(out, TextBox.Role.DETAIL, range, r.x + 5, r.y + 6 + h, r.width - 10);
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        paintBox(g, r, Colors.BAR_FILL, Colors.DEVICE_LINE);
    }
}
