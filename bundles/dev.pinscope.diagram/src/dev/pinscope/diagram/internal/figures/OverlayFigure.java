package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.Lanes;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.units.Hex;

/**
 * What a run adds on top of the scenario: leaves installed during the run (dashed, in their
 * level's colour) and the address being touched (an orange line across the lanes). Transparent
 * to the mouse.
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
            int x0 = layout.axis().x(t.vaddr());
            int x1 = Math.max(x0 + 4, layout.axis().x(t.vaddr() + ScenarioMath.levelSize(t.level())));
            int h = Lanes.entryHeight(t.level());
            Rectangle r = new Rectangle(x0 + 1, vmaTop + Lanes.VMA_HEIGHT - 6 - h, x1 - x0 - 2, h);
            g.setForegroundColor(Colors.of(t.level()));
            g.setLineStyle(SWT.LINE_DASH);
            g.setLineWidth(2);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
            g.setLineWidth(1);
            g.setLineStyle(SWT.LINE_SOLID);
            g.drawString(t.level() + " (new)", r.x + 3, r.y + 2);
        }
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
