package dev.pinscope.diagram.internal.figures;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.Lanes;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;

/**
 * What a run adds on top of the scenario: leaves installed during the run (in their level's colour,
 * dashed until the pinner has read them), ghosts of zapped leaves (dotted, labelled who and when) and
 * split ones (hatched), unmapped VMAs crossed out, and the address being touched (an orange line
 * across the lanes); those of its leaves the overlay highlights get the elements' orange outline. Transparent to
 * the mouse. Its labels are placed, like every other text of the diagram, where they cover no other text
 * (a ghost's label would otherwise sit on its VMA's "no entry yet" line, which is drawn in the same place).
 */
public class OverlayFigure extends Figure {

    private DiagramLayout layout;
    private IDiagramOverlay overlay;

    public void setDiagramLayout(DiagramLayout layout) {
        this.layout = layout;
        setBounds(new Rectangle(0, 0, layout.width(), layout.height()));
        repaint();
    }

    public void setOverlay(IDiagramOverlay overlay) {
        this.overlay = overlay;
        repaint();
    }

    /** Where a leaf of {@code level} at {@code vaddr} is drawn: inside the VMA lane, by address. */
    private Rectangle slot(long vaddr, PageLevel level, int vmaTop) {
        int x0 = layout.axis().x(vaddr);
        int x1 = Math.max(x0 + 4, layout.axis().x(vaddr + ScenarioMath.levelSize(level)));
        int h = Lanes.entryHeight(level);
        return new Rectangle(x0 + 1, vmaTop + Lanes.VMA_HEIGHT - 6 - h, x1 - x0 - 2, h);
    }

    /**
     * The run's own leaves (faulted in, ghosts) that the overlay highlights, with where they are drawn on the
     * viewer's canvas (after zoom and scrolling, as for the elements' figures).
     */
    public List<IScenarioDiagram.Highlight> highlightedLeaves() {
        List<IScenarioDiagram.Highlight> out = new ArrayList<>();
        for (Leaf l : highlighted()) {
            Rectangle r = l.bounds().getCopy();
            translateToAbsolute(r);
            out.add(new IScenarioDiagram.Highlight(null, l.vaddr(), l.level(), r.x, r.y, r.width, r.height));
        }
        return out;
    }

    private record Leaf(long vaddr, PageLevel level, Rectangle bounds) {
    }

    /** The highlighted leaves in this figure's coordinates. */
    private List<Leaf> highlighted() {
        List<Leaf> out = new ArrayList<>();
        if (layout == null || overlay == null) {
            return out;
        }
        int vmaTop = layout.vmaY();
        for (IDiagramOverlay.TransientEntry t : overlay.transientEntries()) {
            if (overlay.isHighlighted(t.vaddr(), t.level())) {
                out.add(new Leaf(t.vaddr(), t.level(), slot(t.vaddr(), t.level(), vmaTop)));
            }
        }
        for (IDiagramOverlay.Ghost g : overlay.ghosts()) {
            if (overlay.isHighlighted(g.vaddr(), g.level())) {
                out.add(new Leaf(g.vaddr(), g.level(), slot(g.vaddr(), g.level(), vmaTop)));
            }
        }
        return out;
    }

    @Override
    public boolean containsPoint(int x, int y) {
        return false;
    }

    @Override
    protected void paintFigure(Graphics g) {
        if (layout == null || overlay == null) {
            return;
        }
        int vmaTop = layout.vmaY();
        for (IDiagramOverlay.TransientEntry t : overlay.transientEntries()) {
            Rectangle r = slot(t.vaddr(), t.level(), vmaTop);
            g.setForegroundColor(Colors.of(t.level()));
            // a faulted-in leaf stays dashed until the pinner has read it, then it is drawn solid
            boolean unread = overlay.isUnread(t);
            g.setLineStyle(unread ? SWT.LINE_DASH : SWT.LINE_SOLID);
            g.setLineWidth(2);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
            g.setLineWidth(1);
            g.setLineStyle(SWT.LINE_SOLID);
        }
        for (IDiagramOverlay.Ghost ghost : overlay.ghosts()) {
            Rectangle r = slot(ghost.vaddr(), ghost.level(), vmaTop);
            g.setForegroundColor(Colors.MUTED);
            g.setLineStyle(SWT.LINE_DOT);
            g.setLineWidth(2);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
            g.setLineWidth(1);
            g.setLineStyle(SWT.LINE_SOLID);
            if (ghost.state() == IDiagramOverlay.EntryState.SPLIT) {
                g.pushState();
                g.clipRect(r);
                for (int x = r.x - r.height; x < r.right(); x += 8) {
                    g.drawLine(x, r.bottom(), x + r.height, r.y);
                }
                g.popState();
            }
        }
        for (Vma vma : overlay.unmappedVmas()) {
            Rectangle b = layout.bounds(vma);
            if (b != null) {
                g.setForegroundColor(Colors.ERROR);
                g.setLineWidth(2);
                g.drawLine(b.x, b.y, b.right(), b.bottom());
                g.drawLine(b.x, b.bottom(), b.right(), b.y);
                g.setLineWidth(1);
            }
        }
        g.setFont(Colors.normal());
        for (Label label : labels()) {
            g.setForegroundColor(label.colour());
            g.drawString(label.box().shown(), label.box().bounds().x, label.box().bounds().y);
        }
        g.setForegroundColor(Colors.HIGHLIGHT);
        g.setLineWidth(3);
        for (Leaf l : highlighted()) {
            Rectangle r = l.bounds();
            g.drawRectangle(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        }
        g.setLineWidth(1);
        long address = overlay.currentAddress();
        if (address >= 0) {
            int x = layout.axis().x(address);
            g.setForegroundColor(Colors.HIGHLIGHT);
            g.setLineWidth(2);
            g.drawLine(x, layout.axisY(), x, vmaTop + Lanes.VMA_HEIGHT);
            g.setLineWidth(1);
            g.drawString(Hex.format(address), x + 3, layout.axisY());
        }
    }

    private record Label(TextBox box, org.eclipse.swt.graphics.Color colour) {
    }

    /** The run's labels as drawn (leaf states, ghosts' who-and-when, unmapped VMAs), in diagram coordinates. */
    public List<TextBox> texts() {
        return labels().stream().map(Label::box).toList();
    }

    private List<Label> labels() {
        List<Label> out = new ArrayList<>();
        if (layout == null || overlay == null) {
            return out;
        }
        List<Rectangle> taken = new ArrayList<>();
        int vmaTop = layout.vmaY();
        for (IDiagramOverlay.TransientEntry t : overlay.transientEntries()) {
            String text = t.level() + (overlay.isUnread(t) ? " (faulted in, not read yet)" : " (faulted in)");
            out.add(new Label(place(text, slot(t.vaddr(), t.level(), vmaTop), taken), Colors.of(t.level())));
        }
        for (IDiagramOverlay.Ghost ghost : overlay.ghosts()) {
            String text = ghost.level() + " " + ghost.label();
            out.add(new Label(place(text, slot(ghost.vaddr(), ghost.level(), vmaTop), taken), Colors.ERROR));
        }
        for (Vma vma : overlay.unmappedVmas()) {
            Rectangle b = layout.bounds(vma);
            if (b != null) {
                Rectangle at = new Rectangle(b.x + 4, b.y + 2, b.width - 8, b.height - 4);
                out.add(new Label(place("unmapped (munmap)", at, taken), Colors.ERROR));
            }
        }
        return out;
    }

    /**
     * A label for the leaf drawn at {@code slot}: at its top left, else on the slot's lower lines, else just
     * above or below it, wherever it covers neither an element's text nor a label placed before; the top left
     * when none is free (the tooltip of the VMA then still tells the run's story).
     */
    private TextBox place(String text, Rectangle slot, List<Rectangle> taken) {
        var size = FigureUtilities.getTextExtents(text, Colors.normal());
        List<Rectangle> candidates = new ArrayList<>();
        for (int y = slot.y + 2; y + size.height <= slot.bottom(); y += size.height) {
            candidates.add(new Rectangle(slot.x + 3, y, size.width, size.height));
        }
        candidates.add(new Rectangle(slot.x + 3, slot.y - size.height - 1, size.width, size.height));
        candidates.add(new Rectangle(slot.x + 3, slot.bottom() + 1, size.width, size.height));
        if (candidates.size() == 2) {
            // a slot lower than one line: its top left first, as for the others
            candidates.add(0, new Rectangle(slot.x + 3, slot.y + 2, size.width, size.height));
        }
        Rectangle chosen = candidates.get(0);
        for (Rectangle c : candidates) {
            if (isFree(c, taken)) {
                chosen = c;
                break;
            }
        }
        taken.add(chosen);
        return new TextBox(TextBox.Role.LABEL, text, text, chosen);
    }

    private boolean isFree(Rectangle r, List<Rectangle> taken) {
        for (Rectangle t : taken) {
            if (t.intersects(r)) {
                return false;
            }
        }
        return getParent() == null || !coversText(getParent(), r);
    }

    /** Whether an element figure under {@code f} draws a text that {@code r} would cover. */
    private boolean coversText(IFigure f, Rectangle r) {
        for (Object o : f.getChildren()) {
            IFigure c = (IFigure) o;
            if (c == this || !c.getBounds().intersects(r)) {
                // children lie inside their parent here (XY layouts), so a figure clear of r has no text under it
                continue;
            }
            if (c instanceof LanesFigure lanes) {
                for (TextBox t : lanes.legend()) {
                    if (t.bounds().intersects(r)) {
                        return true;
                    }
                }
            }
            if (c instanceof ElementFigure e) {
                for (TextBox t : e.texts()) {
                    if (t.bounds().intersects(r)) {
                        return true;
                    }
                }
            }
            if (coversText(c, r)) {
                return true;
            }
        }
        return false;
    }
}
