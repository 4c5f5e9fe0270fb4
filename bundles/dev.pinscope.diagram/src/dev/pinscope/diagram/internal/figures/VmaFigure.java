package dev.pinscope.diagram.internal.figures;

import java.util.List;

import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * A VMA band on the address axis: name, start and size, flags; its leaves inside, or, when it has
 * none yet, a line saying what will fault them in.
 */
public class VmaFigure extends ElementFigure {

    private String name = "";
    private String range = "";
    private String flags = "";
    private String mapping;
    private String emptyNote;

    public VmaFigure() {
        setLayoutManager(new XYLayout());
    }

    public void setTexts(String name, String range, String flags, String mapping) {
        this.name = name;
        this.range = range;
        this.flags = flags;
        this.mapping = mapping;
        textsChanged();
    }

    /** What the empty body says (e.g. {@code no entry at start — faulted in by qemu}); null when it has leaves. */
    public void setEmptyNote(String note) {
        if (!java.util.Objects.equals(note, emptyNote)) {
            emptyNote = note;
            textsChanged();
        }
    }

    public String getEmptyNote() {
        return emptyNote;
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
    protected void layoutTexts(Rectangle r, List<TextBox> out) {
        int h = lineHeight();
        line(out, TextBox.Role.NAME, name, r.x + 5, r.y + 4, r.width - 10 - BADGE_ROOM);
        line(out, TextBox.Role.DETAIL, range, r.x + 5, r.y + 4 + h, r.width - 10);
        line(out, TextBox.Role.DETAIL, mapping != null ? mapping : flags, r.x + 5, r.y + 4 + 2 * h, r.width - 10);
        if (emptyNote != null) {
            // the body below the header, where leaves would be drawn
            line(out, TextBox.Role.DETAIL, emptyNote, r.x + 8, r.y + 4 + 3 * h + 14, r.width - 16);
        }
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        paintBox(g, r, Colors.VMA_FILL, Colors.VMA_LINE);
        g.setBackgroundColor(Colors.VMA_LINE);
        g.fillRectangle(r.x, r.y, r.width, 3);
    }
}
