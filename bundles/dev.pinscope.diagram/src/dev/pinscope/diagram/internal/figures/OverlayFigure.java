package dev.pinscope.diagram.internal.figures;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
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
 * the mouse.
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
            g.drawString(t.level() + (unread ? " (faulted in, not read yet)" : " (faulted in)"), r.x + 3, r.y + 2);
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
            g.setForegroundColor(Colors.ERROR);
            g.drawString(ghost.level() + " " + ghost.label(), r.x + 3, r.y + 2);
        }
        for (Vma vma : overlay.unmappedVmas()) {
            Rectangle b = layout.bounds(vma);
            if (b != null) {
                g.setForegroundColor(Colors.ERROR);
                g.setLineWidth(2);
                g.drawLine(b.x, b.y, b.right(), b.bottom());
                g.drawLine(b.x, b.bottom(), b.right(), b.y);
                g.setLineWidth(1);
                g.drawString("unmapped (munmap)", b.x + 4, b.y + 2);
            }
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
}
