package dev.pinscope.diagram.internal.figures;

import java.util.List;

import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import dev.pinscope.diagram.IDiagramOverlay.EntryState;
import dev.pinscope.model.scenario.PageLevel;

/** A page-table leaf (or a run of them) inside its VMA, coloured and sized by level. */
public class EntryFigure extends ElementFigure {

    private PageLevel level = PageLevel.PTE;
    private String title = "";
    private String detail = "";
    private EntryState state = EntryState.PRESENT;

    public void setEntry(PageLevel level, String title, String detail) {
        this.level = level;
        this.title = title;
        this.detail = detail;
        textsChanged();
    }

    public PageLevel getLevel() {
        return level;
    }

    public String getTitle() {
        return title;
    }

    /** The overlay's view of the leaf: zapped leaves are ghosts, split ones hatched. */
    public void setState(EntryState s) {
        if (s != state) {
            state = s;
            repaint();
        }
    }

    public EntryState getState() {
        return state;
    }

    @Override
    protected void layoutTexts(Rectangle r, List<TextBox> out) {
        // a 4K leaf is a sliver: its level is in the legend and the rest in the tooltip
        if (FigureUtilities.getTextWidth(title, Colors.bold()) > r.width - 6) {
            return;
        }
        int h = lineHeight();
        line(out, TextBox.Role.NAME, title, r.x + 3, r.y + 2, r.width - 5);
        if (r.height >= 2 * h + 4) {
            line(out, TextBox.Role.DETAIL, detail, r.x + 3, r.y + 2 + h, r.width - 5);
        }
    }

    @Override
    protected Color colorOf(TextBox t) {
        return state == EntryState.ZAPPED ? Colors.of(level) : Colors.white();
    }

    @Override
    protected void paintElement(Graphics g, Rectangle r) {
        var c = Colors.of(level);
        if (state == EntryState.ZAPPED) {
            g.setForegroundColor(c);
            g.setLineStyle(SWT.LINE_DASH);
            g.drawRectangle(r.x, r.y, r.width - 1, r.height - 1);
            g.setLineStyle(SWT.LINE_SOLID);
        } else {
            g.setBackgroundColor(c);
            g.fillRectangle(r);
            if (state == EntryState.SPLIT) {
                g.setForegroundColor(Colors.white());
                for (int x = r.x - r.height; x < r.right(); x += 7) {
                    g.drawLine(x, r.bottom(), x + r.height, r.y);
                }
            }
            g.setForegroundColor(Colors.white());
            g.drawRectangle(r.x, r.y, r.width - 1, r.height - 1);
        }
    }
}
