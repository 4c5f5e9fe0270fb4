package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

import dev.pinscope.diagram.internal.layout.AddressAxis;
import dev.pinscope.diagram.internal.layout.AxisLabels;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.Lanes;
import dev.pinscope.model.scenario.PageLevel;

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
        lane(g, new Rectangle(0, actorTop, w, actorBottom - actorTop));
        lane(g, new Rectangle(0, layout.vmaY() - 4, w, Lanes.VMA_HEIGHT + 8));
        lane(g, new Rectangle(0, layout.physY() - 8, w, Lanes.DEVICE_HEIGHT + 16));
        AxisLabels labels = layout.axisLabels();
        g.setForegroundColor(Colors.AXIS);
        int lineY = labels.lineY();
        AddressAxis axis = layout.axis();
        g.drawLine(Math.max(clip.x, axis.start() - 20), lineY, Math.min(clip.right(), axis.end() + 30), lineY);
        if (g.getAbsoluteScale() < ElementFigure.TEXT_MIN_SCALE) {
            return; // the thumbnail or a far zoom-out: lanes and the axis line alone
        }
        g.setFont(Colors.normal());
        g.setForegroundColor(Colors.LANE_TEXT);
        for (AxisLabels.Text t : labels.fixedTexts()) {
            g.drawString(t.text(), t.bounds().x, t.bounds().y);
        }
        paintTicks(g, clip, labels);
        paintGaps(g, clip, labels);
        paintLegend(g);
    }

    private void lane(Graphics g, Rectangle r) {
        g.setBackgroundColor(Colors.LANE);
        g.fillRectangle(r);
    }

    /** Ticks at every breakpoint in the clip, and the hex labels the layout found room for. */
    private void paintTicks(Graphics g, Rectangle clip, AxisLabels labels) {
        AddressAxis axis = layout.axis();
        int lineY = labels.lineY();
        g.setForegroundColor(Colors.AXIS);
        for (int i = Math.max(0, axis.indexAtOrBefore(clip.x) - 1); i < axis.size(); i++) {
            int x = axis.xAt(i);
            if (x > clip.right() + 2) {
                break;
            }
            g.drawLine(x, lineY - 3, x, lineY + 3);
        }
        for (int k = labels.firstTickFrom(clip.x); k < labels.tickCount(); k++) {
            Rectangle b = labels.tickBounds(k);
            if (b.x > clip.right()) {
                break;
            }
            g.drawString(labels.tickText(k), b.x, b.y);
        }
    }

    private void paintGaps(Graphics g, Rectangle clip, AxisLabels labels) {
        int lineY = labels.lineY();
        g.setForegroundColor(Colors.GAP);
        for (Rectangle m : labels.gapMarks()) {
            if (m.right() < clip.x || m.x > clip.right()) {
                continue;
            }
            int gx = m.x + 7;
            g.setBackgroundColor(Colors.white());
            g.fillRectangle(gx - 5, lineY - 6, 10, 12);
            g.drawLine(gx - 7, lineY + 6, gx - 1, lineY - 6);
            g.drawLine(gx + 1, lineY + 6, gx + 7, lineY - 6);
            g.setLineStyle(SWT.LINE_DOT);
            g.drawLine(gx, lineY + 8, gx, layout.vmaY() + Lanes.VMA_HEIGHT);
            g.setLineStyle(SWT.LINE_SOLID);
        }
        for (AxisLabels.Text t : labels.gapSizes()) {
            if (t.bounds().right() >= clip.x && t.bounds().x <= clip.right()) {
                g.drawString(t.text(), t.bounds().x, t.bounds().y);
            }
        }
    }

    /** The legend's texts with their places, painted and read by the legibility test alike. */
    public java.util.List<TextBox> legend() {
        java.util.List<TextBox> out = new java.util.ArrayList<>();
        int x = layout.axis().start();
        int y = Lanes.LEGEND_Y;
        int h = FigureUtilities.getFontMetrics(Colors.normal()).getHeight();
        out.add(box("leaves:", x, y, h));
        x += FigureUtilities.getTextWidth("leaves: ", Colors.normal()) + 4;
        for (PageLevel level : new PageLevel[] {PageLevel.PUD, PageLevel.PMD, PageLevel.PTE}) {
            String t = level + " " + switch (level) {
                case PUD -> "1G";
                case PMD -> "2M";
                case PTE -> "4K";
            };
            out.add(box(t, x + 18, y, h));
            x += 18 + FigureUtilities.getTextWidth(t, Colors.normal()) + 16;
        }
        String note = DiagramLayout.legendNote(layout.isAggregated());
        out.add(box(note, x + 10, y, h));
        return out;
    }

    private static TextBox box(String t, int x, int y, int h) {
        return new TextBox(TextBox.Role.LABEL, t, t, new Rectangle(x, y, FigureUtilities.getTextWidth(t, Colors.normal()), h));
    }

    private void paintLegend(Graphics g) {
        g.setFont(Colors.normal());
        for (TextBox t : legend()) {
            for (PageLevel level : PageLevel.values()) {
                if (t.full().startsWith(level.getLiteral() + " ")) {
                    g.setBackgroundColor(Colors.of(level));
                    g.fillRectangle(t.bounds().x - 18, t.bounds().y + 2, 14, 12);
                }
            }
            g.setForegroundColor(t.full().contains(" ") && t.full().length() > 8 || t.full().endsWith(":") ? Colors.MUTED : Colors.TEXT);
            g.drawString(t.full(), t.bounds().x, t.bounds().y);
        }
    }
}
