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
    private List<Rectangle> textsChildren = List.of();

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

    /** The tooltip's text: the problems, or the hint; then what a run shows on the figure (it may be shortened there). */
    public String getToolTipText() {
        String base = problems.isEmpty() ? hint : String.join("\n", problems);
        String run = runText();
        return run == null ? base : base == null ? run : base + "\n" + run;
    }

    /** What the debugger's overlay adds to the figure: the lock held, if any. */
    protected String runText() {
        return lock;
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
        // the lock badge keeps clear of the children (a VMA's leaves), which move without this figure moving
        List<Rectangle> children = lock == null ? List.of() : childBounds();
        if (texts == null || !r.equals(textsFor) || !children.equals(textsChildren)) {
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
            textsChildren = children;
        }
        return texts;
    }

    /**
     * The lock badge goes at the right end of the first line where it covers none of the figure's
     * texts and none of its children (a VMA's leaves), trying the bottom edge, then each text line
     * from the top; it is shortened to the room there is, and only when there is none at all does
     * a detail line (which the tooltip repeats) make way for it.
     */
    private void placeLockBadge(Rectangle r, List<TextBox> out) {
        var size = FigureUtilities.getTextExtents(lock, Colors.normal());
        int h = size.height + 2;
        List<Integer> rows = new ArrayList<>();
        rows.add(r.bottom() - h - 3);
        for (int y = r.y + 3; y + h <= r.bottom() - 2; y += h) {
            rows.add(y);
        }
        for (int y : rows) {
            int right = r.right() - 6 - (problems.isEmpty() || y > r.y + 16 ? 0 : BADGE_ROOM);
            int left = r.x + 6;
            for (TextBox t : out) {
                if (t.bounds().y < y + h && y < t.bounds().bottom()) {
                    left = Math.max(left, t.bounds().right() + 6);
                }
            }
            for (Object c : getChildren()) {
                Rectangle cb = ((org.eclipse.draw2d.IFigure) c).getBounds();
                if (cb.y < y + h && y < cb.bottom()) {
                    left = Math.max(left, cb.right() + 2);
                }
            }
            int room = right - left - 8;
            if (room >= Math.min(size.width, 40)) {
                String shown = elide(lock, Colors.normal(), room);
                int w = FigureUtilities.getTextWidth(shown, Colors.normal()) + 8;
                out.add(new TextBox(TextBox.Role.LABEL, lock, shown, new Rectangle(right - w, y, w, h)));
                return;
            }
        }
        Rectangle badge = new Rectangle(r.right() - size.width - 14, r.bottom() - h - 3, size.width + 8, h);
        out.removeIf(t -> t.role() == TextBox.Role.DETAIL && t.bounds().intersects(badge) && !t.full().equals(status()));
        if (r.contains(badge) && out.stream().noneMatch(t -> t.bounds().intersects(badge))) {
            out.add(new TextBox(TextBox.Role.LABEL, lock, lock, badge));
        } // else a 4K sliver: no room for a badge; the Variables view lists the lock
    }

    /** The overlay's status line of an actor, which a badge never hides; null for other figures. */
    protected String status() {
        return null;
    }

    @Override
    protected void layout() {
        super.layout();
        if (lock != null) {
            repaint(); // the children moved: the badge may go elsewhere
        }
    }

    private List<Rectangle> childBounds() {
        List<Rectangle> out = new ArrayList<>(getChildren().size());
        for (Object c : getChildren()) {
            out.add(((org.eclipse.draw2d.IFigure) c).getBounds().getCopy());
        }
        return out;
    }

    /** Adds the figure's own texts for bounds {@code r}. */
    protected abstract void layoutTexts(Rectangle r, List<TextBox> out);

    /** Colour of one of the figure's own texts: by default the name stands out and the details are muted. */
    protected Color colorOf(TextBox text) {
        return text.role() == TextBox.Role.NAME ? Colors.TEXT : Colors.MUTED;
    }

    /** The plain box most elements are drawn as: filled, with a one-pixel outline inside {@code r}. */
    protected static void paintBox(Graphics g, Rectangle r, Color fill, Color outline) {
        g.setBackgroundColor(fill);
        g.fillRectangle(r);
        g.setForegroundColor(outline);
        g.drawRectangle(r.x, r.y, r.width - 1, r.height - 1);
    }

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
                    g.drawString(t.shown(), t.bounds().x + 4, t.bounds().y + 1);
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
