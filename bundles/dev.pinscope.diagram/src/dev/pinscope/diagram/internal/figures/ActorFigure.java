package dev.pinscope.diagram.internal.figures;

import java.util.List;

import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;

/** A racing thread in the actor lane: name and kind, what it does, and (when animated) where it is. */
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
        textsChanged();
    }

    public void setStatus(String status) {
        if (!java.util.Objects.equals(status, this.status)) {
            this.status = status;
            textsChanged();
        }
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    @Override
    protected String status() {
        return status;
    }

    @Override
    protected String runText() {
        String lock = super.runText();
        return status == null ? lock : lock == null ? status : status + "\n" + lock;
    }

    public Rectangle nameBounds() {
        Rectangle r = getBounds();
        return new Rectangle(r.x + 8, r.y + 3, Math.max(80, r.width - 16), 18);
    }

    @Override
    protected void layoutTexts(Rectangle r, List<TextBox> out) {
        int h = lineHeight();
        int kindWidth = FigureUtilities.getTextWidth(kind, Colors.normal());
        int kindX = r.right() - kindWidth - 8 - BADGE_ROOM;
        line(out, TextBox.Role.NAME, name, r.x + 9, r.y + 3, kindX - 8 - (r.x + 9));
        line(out, TextBox.Role.LABEL, kind, kindX, r.y + 3, kindWidth);
        line(out, TextBox.Role.DETAIL, status != null ? status : detail, r.x + 9, r.y + 3 + h, r.width - 16);
        if (status != null && r.y + 3 + 3 * h <= r.bottom()) {
            // under the status line when there is room; the tooltip has it anyway
            line(out, TextBox.Role.DETAIL, detail, r.x + 9, r.y + 3 + 2 * h, r.width - 16);
        }
    }

    @Override
    protected Color colorOf(TextBox t) {
        return switch (t.role()) {
            case NAME -> Colors.TEXT;
            case LABEL -> accent;
            case DETAIL -> Colors.MUTED;
        };
    }

    @Override
    protected void paintFigure(Graphics g) {
        super.paintFigure(g);
        // the kind is a LABEL box (not a badge): paint it here, after the shape
        if (g.getAbsoluteScale() >= TEXT_MIN_SCALE) {
            for (TextBox t : texts()) {
                if (t.role() == TextBox.Role.LABEL && t.full().equals(kind)) {
                    g.setFont(Colors.normal());
                    g.setForegroundColor(accent);
                    g.drawString(t.shown(), t.bounds().x, t.bounds().y);
                }
            }
        }
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.ACTOR_FILL);
        g.fillRoundRectangle(r, 12, 12);
        g.setBackgroundColor(accent);
        g.fillRectangle(r.x, r.y + 4, 4, r.height - 8);
        g.setForegroundColor(accent);
        g.drawRoundRectangle(new Rectangle(r.x, r.y, r.width - 1, r.height - 1), 12, 12);
    }
}
