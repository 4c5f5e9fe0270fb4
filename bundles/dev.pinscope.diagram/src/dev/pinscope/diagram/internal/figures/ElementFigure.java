package dev.pinscope.diagram.internal.figures;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;

/**
 * Base of every element figure: lays its texts out as {@link TextBox}es (so what is painted is what
 * tests read), paints the validation decoration (red outline and a "!" badge, the problems as
 * tooltip), the overlay highlight and an optional lock badge, neither drawn over the figure's text.
 */
public abstract class ElementFigure extends Figure {

    /** Width kept free at the right of the first line for the "!" badge. */
    protected static final int BADGE_ROOM = 18;

    private List<String> problems = List.of();
    private boolean highlighted;
    private String lock;
    private String hint;
    private List<TextBox> texts;
    private Rectangle textsFor;

    protected ElementFigure() {
        setOpaque(false);
    }

    /** Shows the element's validation problems; an empty list removes the decoration. */
    public void setProblems(List<String> messages) {
        List<String> m = messages == null ? List.of() : List.copyOf(messages);
        if (!m.equals(problems)) {
            problems = m;
            textsChanged();
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
            textsChanged();
        }
    }

    public String getLock() {
        return lock;
    }

    /** The element described in full (every text the figure may shorten), shown as tooltip when there are no problems. */
    public void setHint(String text) {
        if (!java.util.Objects.equals(text, hint)) {
            hint = text;
            tooltip = null;
        }
    }

    /** The tooltip's text: the problems, or the hint. */
    public String getToolTipText() {
        return problems.isEmpty() ? hint : String.join("\n", problems);
    }

    private Label tooltip;

    @Override
    public org.eclipse.draw2d.IFigure getToolTip() {
        // built when the mouse first rests on the figure: 20,000 labels up front cost seconds
        String text = getToolTipText();
        if (text == null) {
            return null;
        }
        if (tooltip == null || !text.equals(tooltip.getText())) {
            tooltip = new Label(text);
        }
        return tooltip;
    }

    /** Subclasses call this when a text they draw changed. */
    protected void textsChanged() {
        texts = null;
        tooltip = null;
        repaint();
    }

    /**
     * The texts as drawn at the current bounds, badges included, in the figure's (absolute
     * diagram) coordinates.
     */
    public List<TextBox> texts() {
        Rectangle r = getBounds();
        if (texts == null || !r.equals(textsFor)) {
            List<TextBox> out = new ArrayList<>();
            layoutTexts(r.getCopy(), out);
            if (!problems.isEmpty()) {
                out.add(new TextBox(TextBox.Role.LABEL, "!", "!", new Rectangle(r.right() - 15, r.y + 2, 13, 13)));
            }
            if (lock != null) {
                placeLockBadge(r, out);
            }
            texts = List.copyOf(out);
            textsFor = r.getCopy();
        }
        return texts;
    }

    /** The lock badge goes bottom right; a detail line it would cover is left to the tooltip. */
    private void placeLockBadge(Rectangle r, List<TextBox> out) {
        var size = FigureUtilities.getTextExtents(lock, Colors.normal());
        Rectangle badge = new Rectangle(r.right() - size.width - 14, r.bottom() - size.height - 5, size.width + 8, size.height + 2);
        out.removeIf(t -> t.role() == TextBox.Role.DETAIL && t.bounds().intersects(badge));
        if (out.stream().anyMatch(t -> t.bounds().intersects(badge))) {
            badge.y = Math.max(badge.y, out.stream().mapToInt(t -> t.bounds().bottom()).max().orElse(badge.y));
        }
        out.add(new TextBox(TextBox.Role.LABEL, lock, lock, badge));
    }

    /** Adds the figure's own texts for bounds {@code r}. */
    protected abstract void layoutTexts(Rectangle r, List<TextBox> out);

    /** Colour of one of the figure's own texts. */
    protected abstract Color colorOf(TextBox text);

    @Override
    protected void paintFigure(Graphics g) {
        paintElement(g, getBounds().getCopy());
        if (g.getAbsoluteScale() < TEXT_MIN_SCALE) {
            return;
        }
        for (TextBox t : texts()) {
            if (t.role() == TextBox.Role.LABEL) {
                continue; // badges are painted over the children, below
            }
            g.setFont(t.role() == TextBox.Role.NAME ? Colors.bold() : Colors.normal());
            g.setForegroundColor(colorOf(t));
            g.drawString(t.shown(), t.bounds().x, t.bounds().y);
        }
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
            for (TextBox t : texts()) {
                if (t.full().equals(lock) && t.role() == TextBox.Role.LABEL) {
                    g.setFont(Colors.normal());
                    g.setBackgroundColor(Colors.HIGHLIGHT);
                    g.fillRoundRectangle(t.bounds(), 6, 6);
                    g.setForegroundColor(Colors.white());
                    g.drawString(lock, t.bounds().x + 4, t.bounds().y + 1);
                }
            }
        }
    }

    /** Below this zoom (e.g. the outline thumbnail) figures draw shapes only: text is unreadable and costly. */
    public static final double TEXT_MIN_SCALE = 0.3;

    /** One line of text at (x, y), shortened with an ellipsis to {@code width}; nothing when not even that fits. */
    protected static void line(List<TextBox> out, TextBox.Role role, String text, int x, int y, int width) {
        if (text == null || text.isEmpty()) {
            return;
        }
        var font = role == TextBox.Role.NAME ? Colors.bold() : Colors.normal();
        int h = FigureUtilities.getFontMetrics(font).getHeight();
        String shown = elide(text, font, width);
        if (shown.isEmpty()) {
            return;
        }
        out.add(new TextBox(role, text, shown, new Rectangle(x, y, FigureUtilities.getTextWidth(shown, font), h)));
    }

    static String elide(String text, org.eclipse.swt.graphics.Font font, int width) {
        if (width <= 4) {
            return "";
        }
        if (FigureUtilities.getTextWidth(text, font) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && FigureUtilities.getTextWidth(t + "…", font) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() <= 1 ? "" : t + "…";
    }

    /** Height of a line in the normal font. */
    protected static int lineHeight() {
        return FigureUtilities.getFontMetrics(Colors.normal()).getHeight();
    }
}
