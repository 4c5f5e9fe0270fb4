package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

import dev.pinscope.diagram.internal.layout.AddressAxis;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.Lanes;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.units.Hex;

/**
 * The diagram's background: the actor lane, the virtual-address axis with hex ticks at every
 * breakpoint that has room and break marks over compressed gaps, the VMA lane, the physical side,
 * and the level legend. Paints only the ticks inside the clip, so 10,000 VMAs cost nothing.
 */
public class LanesFigure extends Figure {

    private DiagramLayout layout;

    public LanesFigure() {
        setOpaque(false);
    }

    public void setDiagramLayout(DiagramLayout layout) {
        this.layout = layout;
        setBounds(new Rectangle(0, 0, layout.width(), layout.height()));
        repaint();
    }

    // Hit-testable on purpose: the layers above it are transparent, so empty diagram space resolves
    // to this figure and thus to the diagram's edit part, where creation tools drop new elements.

    @Override
    protected void paintFigure(Graphics g) {
        if (layout == null) {
            return;
        }
        Rectangle clip = g.getClip(new Rectangle());
        int w = layout.width();
        int actorTop = Lanes.ACTOR_Y - 6;
        int actorBottom = layout.axisY() - 4;
        lane(g, new Rectangle(0, actorTop, w, actorBottom - actorTop), "actors");
        lane(g, new Rectangle(0, layout.vmaY() - 4, w, Lanes.VMA_HEIGHT + 8), "VMAs");
        lane(g, new Rectangle(0, layout.physY() - 8, w, Lanes.DEVICE_HEIGHT + 16), "physical");
        paintAxis(g, clip);
        paintLegend(g);
    }

    private void lane(Graphics g, Rectangle r, String title) {
        g.setBackgroundColor(Colors.LANE);
        g.fillRectangle(r);
        if (g.getAbsoluteScale() >= ElementFigure.TEXT_MIN_SCALE) {
            g.setForegroundColor(Colors.LANE_TEXT);
            g.setFont(Colors.normal());
            g.drawString(title, 4, r.y + 2);
        }
    }

    private void paintAxis(Graphics g, Rectangle clip) {
        AddressAxis axis = layout.axis();
        int lineY = layout.axisY() + Lanes.AXIS_HEIGHT - 10;
        g.setForegroundColor(Colors.AXIS);
        g.drawLine(Math.max(clip.x, AddressAxis.ORIGIN - 20), lineY, Math.min(clip.right(), axis.end() + 30), lineY);
        if (axis.size() == 0) {
            return;
        }
        if (g.getAbsoluteScale() < ElementFigure.TEXT_MIN_SCALE) {
            return; // the thumbnail or a far zoom-out: the axis line alone
        }
        g.setFont(Colors.normal());
        g.setForegroundColor(Colors.LANE_TEXT);
        g.drawString("virtual", 4, lineY - 32);
        g.drawString("address", 4, lineY - 18);
        int first = Math.max(0, axis.indexAtOrBefore(clip.x - 200) - 1);
        int[] rowEnd = {Integer.MIN_VALUE, Integer.MIN_VALUE};
        int textHeight = FigureUtilities.getFontMetrics(Colors.normal()).getHeight();
        for (int i = first; i < axis.size(); i++) {
            int x = axis.xAt(i);
            if (x > clip.right() + 200) {
                break;
            }
            g.setForegroundColor(Colors.AXIS);
            g.drawLine(x, lineY - 3, x, lineY + 3);
            String label = Hex.format(axis.point(i));
            int tw = FigureUtilities.getTextWidth(label, Colors.normal());
            for (int row = 0; row < 2; row++) {
                if (x - 2 > rowEnd[row]) {
                    g.setForegroundColor(Colors.AXIS);
                    g.drawString(label, x + 2, lineY - 4 - textHeight * (row + 1));
                    rowEnd[row] = x + tw + 8;
                    break;
                }
            }
            if (axis.isGap(i) && i + 1 < axis.size() && axis.point(i + 1) - axis.point(i) > AddressAxis.SMALL_GAP) {
                int gx = (x + axis.xAt(i + 1)) / 2;
                g.setForegroundColor(Colors.GAP);
                g.setBackgroundColor(Colors.white());
                g.fillRectangle(gx - 5, lineY - 6, 10, 12);
                g.drawLine(gx - 7, lineY + 6, gx - 1, lineY - 6);
                g.drawLine(gx + 1, lineY + 6, gx + 7, lineY - 6);
                g.setLineStyle(SWT.LINE_DOT);
                g.drawLine(gx, lineY + 8, gx, layout.vmaY() + Lanes.VMA_HEIGHT);
                g.setLineStyle(SWT.LINE_SOLID);
                String gap = Approx.size(axis.point(i + 1) - axis.point(i));
                int gw = FigureUtilities.getTextWidth(gap, Colors.normal());
                g.drawString(gap, gx - gw / 2, layout.vmaY() + Lanes.VMA_HEIGHT - textHeight - 2);
            }
        }
    }

    private void paintLegend(Graphics g) {
        if (g.getAbsoluteScale() < ElementFigure.TEXT_MIN_SCALE) {
            return;
        }
        int x = AddressAxis.ORIGIN;
        int y = Lanes.LEGEND_Y;
        g.setFont(Colors.normal());
        g.setForegroundColor(Colors.MUTED);
        g.drawString("leaves:", x, y);
        x += FigureUtilities.getTextWidth("leaves: ", Colors.normal()) + 4;
        for (PageLevel level : new PageLevel[] {PageLevel.PUD, PageLevel.PMD, PageLevel.PTE}) {
            g.setBackgroundColor(Colors.of(level));
            g.fillRectangle(x, y + 2, 14, 12);
            String t = level + " " + switch (level) {
                case PUD -> "1G";
                case PMD -> "2M";
                case PTE -> "4K";
            };
            g.setForegroundColor(Colors.TEXT);
            g.drawString(t, x + 18, y);
            x += 18 + FigureUtilities.getTextWidth(t, Colors.normal()) + 16;
        }
        g.setForegroundColor(Colors.MUTED);
        String note = layout.isAggregated() ? "runs of contiguous leaves are drawn as one block"
                : "gaps between VMAs are compressed (marked //)";
        g.drawString(note, x + 10, y);
    }
}
