package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;

/** A racing thread in the actor lane: kind, name, what it does, and (when animated) where it is. */
public class ActorFigure extends ElementFigure {

    private String kind = "";
    private String name = "";
    private String detail = "";
    private String status;
    private Color accent = Colors.PINNER;

    public void setTexts(String kind, String name, String detail, Color accent) {
        this.kind = kind;
        this.name = name;
        this.detail = detail;
        this.accent = accent;
        repaint();
    }

    public void setStatus(String status) {
        if (!java.util.Objects.equals(status, this.status)) {
            this.status = status;
            repaint();
        }
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public Rectangle nameBounds() {
        Rectangle r = getBounds();
        return new Rectangle(r.x + 8, r.y + 3, Math.max(80, r.width - 16), 18);
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.ACTOR_FILL);
        g.fillRoundRectangle(r, 12, 12);
        g.setBackgroundColor(accent);
        g.fillRectangle(r.x, r.y + 4, 4, r.height - 8);
        g.setForegroundColor(accent);
        g.drawRoundRectangle(new Rectangle(r.x, r.y, r.width - 1, r.height - 1), 12, 12);
        g.setFont(Colors.bold());
        g.setForegroundColor(Colors.TEXT);
        int kindWidth = g.getAbsoluteScale() < TEXT_MIN_SCALE ? 0 : org.eclipse.draw2d.FigureUtilities.getTextWidth(kind, Colors.normal()) + 8;
        text(g, name, r.x + 9, r.y + 3, r.width - kindWidth - 26);
        g.setFont(Colors.normal());
        g.setForegroundColor(accent);
        if (g.getAbsoluteScale() >= TEXT_MIN_SCALE) {
            g.drawString(kind, r.right() - kindWidth - 14, r.y + 3);
        }
        g.setForegroundColor(Colors.MUTED);
        text(g, status != null ? status : detail, r.x + 9, r.y + 19, r.width - 16);
        if (status != null) {
            text(g, detail, r.x + 9, r.y + 33, r.width - 16);
        }
    }
}
