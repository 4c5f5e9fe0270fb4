package dev.pinscope.diagram.internal.figures;

import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * Base of every element figure: paints the validation decoration (red outline and a "!" badge,
 * the problems as tooltip), the overlay highlight and an optional lock badge on top of what the
 * subclass draws.
 */
public abstract class ElementFigure extends Figure {

    private List<String> problems = List.of();
    private boolean highlighted;
    private String lock;
    private String hint;

    protected ElementFigure() {
        setOpaque(false);
    }

    /** Shows the element's validation problems; an empty list removes the decoration. */
    public void setProblems(List<String> messages) {
        List<String> m = messages == null ? List.of() : List.copyOf(messages);
        if (!m.equals(problems)) {
            problems = m;
            updateTooltip();
            repaint();
        }
    }

    public List<String> getProblems() {
        return problems;
    }

    public boolean hasProblemDecoration() {
        return !problems.isEmpty();
    }

    public void setHighlighted(boolean on) {
        if (on != highlighted) {
            highlighted = on;
            repaint();
        }
    }

    public boolean isHighlighted() {
        return highlighted;
    }

    public void setLock(String text) {
        if (!java.util.Objects.equals(text, lock)) {
            lock = text;
            repaint();
        }
    }

    public String getLock() {
        return lock;
    }

    /** A one-line description shown as tooltip when there are no problems. */
    public void setHint(String text) {
        hint = text;
        updateTooltip();
    }

    private void updateTooltip() {
        tooltip = null; // built when the mouse first rests on the figure: 20,000 labels up front cost seconds
    }

    private Label tooltip;

    @Override
    public org.eclipse.draw2d.IFigure getToolTip() {
        String text = problems.isEmpty() ? hint : String.join("\n", problems);
        if (text == null) {
            return null;
        }
        if (tooltip == null || !text.equals(tooltip.getText())) {
            tooltip = new Label(text);
        }
        return tooltip;
    }

    @Override
    protected void paintFigure(Graphics g) {
        paintElement(g, getBounds().getCopy());
    }

    protected abstract void paintElement(Graphics g, Rectangle r);

    @Override
    protected void paintClientArea(Graphics g) {
        super.paintClientArea(g);
        Rectangle r = getBounds().getCopy();
        if (highlighted) {
            g.setForegroundColor(Colors.HIGHLIGHT);
            g.setLineWidth(3);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 3, r.height - 3);
            g.setLineWidth(1);
        }
        if (!problems.isEmpty()) {
            g.setForegroundColor(Colors.ERROR);
            g.setLineWidth(2);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
            g.setLineWidth(1);
            int d = 13;
            int x = r.right() - d - 2;
            int y = r.y + 2;
            g.setBackgroundColor(Colors.ERROR);
            g.fillOval(x, y, d, d);
            g.setForegroundColor(Colors.white());
            g.setFont(Colors.bold());
            g.drawString("!", x + 4, y - 1);
        }
        if (lock != null && g.getAbsoluteScale() >= TEXT_MIN_SCALE) {
            g.setFont(Colors.normal());
            var size = org.eclipse.draw2d.FigureUtilities.getTextExtents(lock, Colors.normal());
            int x = r.right() - size.width - 10;
            int y = r.bottom() - size.height - 4;
            g.setBackgroundColor(Colors.HIGHLIGHT);
            g.fillRoundRectangle(new Rectangle(x - 4, y - 1, size.width + 8, size.height + 2), 6, 6);
            g.setForegroundColor(Colors.white());
            g.drawString(lock, x, y);
        }
    }

    /** Below this zoom (e.g. the outline thumbnail) figures draw shapes only: text is unreadable and costly. */
    public static final double TEXT_MIN_SCALE = 0.3;

    /** Draws {@code text} clipped to {@code width}, with an ellipsis when it does not fit. */
    protected static void text(Graphics g, String text, int x, int y, int width) {
        if (text == null || width <= 4 || g.getAbsoluteScale() < TEXT_MIN_SCALE) {
            return;
        }
        var font = g.getFont();
        String t = text;
        if (org.eclipse.draw2d.FigureUtilities.getTextWidth(t, font) > width) {
            while (t.length() > 1 && org.eclipse.draw2d.FigureUtilities.getTextWidth(t + "…", font) > width) {
                t = t.substring(0, t.length() - 1);
            }
            t = t.length() <= 1 ? "" : t + "…";
        }
        g.drawString(t, x, y);
    }
}
