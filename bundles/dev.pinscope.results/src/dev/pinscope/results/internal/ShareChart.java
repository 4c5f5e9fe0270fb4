package dev.pinscope.results.internal;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.report.ReportJson.Comparison;
import dev.pinscope.engine.spec.Errno;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A small horizontal bar chart: per policy one bar, one segment per outcome ({@link Reports#shares}); a loop the
 * pinner never leaves (livelock, starvation) is a hatched red segment of its own, so such a policy never reads
 * "OK" across the whole bar.
 */
public final class ShareChart {
    private final Canvas canvas;
    private final Map<Errno, Color> colors = new EnumMap<>(Errno.class);
    private Comparison comparison;

    public ShareChart(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        for (Errno e : Errno.values()) {
            String hex = Reports.color(e);
            colors.put(e, new Color(new RGB(Integer.parseInt(hex.substring(1, 3), 16),
                    Integer.parseInt(hex.substring(3, 5), 16), Integer.parseInt(hex.substring(5, 7), 16))));
        }
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.setToolTipText(TOOL_TIP);
    }

    /** What the bars mean (the canvas's tool tip). */
    public static final String TOOL_TIP = "What each policy can end in, each outcome sized by the distinct states behind it"
            + " (return states for a result; the states of the loop for a livelock, hatched red). Not probabilities.";

    public Canvas control() {
        return canvas;
    }

    public void setInput(Comparison c) {
        comparison = c;
        canvas.redraw();
    }

    /** A drawn segment, for tests and tool tips: which policy, which outcome, where. */
    public record Segment(dev.pinscope.engine.spec.Policy policy, Reports.Share share, org.eclipse.swt.graphics.Rectangle bounds) {
    }

    private final java.util.List<Segment> segments = new java.util.ArrayList<>();

    /** The segments as last painted. */
    public java.util.List<Segment> segments() {
        return java.util.List.copyOf(segments);
    }

    private static void hatch(GC gc, org.eclipse.swt.graphics.Rectangle box, Color line) {
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(box);
        gc.setForeground(line);
        var clip = gc.getClipping();
        gc.setClipping(box);
        for (int d = -box.height; d < box.width; d += 6) {
            gc.drawLine(box.x + d, box.y + box.height, box.x + d + box.height, box.y);
        }
        gc.setClipping(clip);
        gc.drawRectangle(box.x, box.y, box.width - 1, box.height - 1);
    }

    private void paint(GC gc) {
        var area = canvas.getClientArea();
        if (comparison == null || comparison.reports().isEmpty()) {
            gc.drawString("No results yet: Explore All Interleavings or Compare Policies.", 8, 8, true);
            return;
        }
        gc.setAntialias(SWT.ON);
        int labelW = 0;
        for (var p : comparison.reports().keySet()) {
            labelW = Math.max(labelW, gc.stringExtent(Reports.policyLabel(p)).x);
        }
        labelW += 12;
        int tailW = gc.stringExtent("partial").x + 12;
        int rowH = Math.max(18, gc.getFontMetrics().getHeight() + 6);
        int barW = Math.max(60, area.width - labelW - tailW - 8);
        int y = 6;
        Set<Errno> legend = new LinkedHashSet<>();
        Color red = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        Color white = canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE);
        Color fg = canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        segments.clear();
        for (var pe : comparison.reports().entrySet()) {
            ExplorationReport r = pe.getValue();
            gc.setForeground(fg);
            gc.drawString(Reports.policyLabel(pe.getKey()), 4, y + 2, true);
            double x = labelW;
            for (Reports.Share s : Reports.shares(r)) {
                int w = Math.max(2, (int) Math.round(s.fraction() * barW));
                var box = new org.eclipse.swt.graphics.Rectangle((int) x, y, w, rowH - 4);
                if (s.forever()) {
                    hatch(gc, box, red);
                } else {
                    legend.add(s.result());
                    gc.setBackground(colors.get(s.result()));
                    gc.fillRectangle(box);
                }
                Point ext = gc.stringExtent(s.label());
                if (ext.x + 6 < w) {
                    gc.setForeground(s.forever() ? red : white);
                    if (s.forever()) { // keep the label readable over the hatching
                        gc.setBackground(white);
                        gc.fillRectangle(box.x + 2, y + (rowH - 4 - ext.y) / 2, ext.x + 2, ext.y);
                    }
                    gc.drawString(s.label(), box.x + 3, y + (rowH - 4 - ext.y) / 2, true);
                }
                segments.add(new Segment(pe.getKey(), s, box));
                x += w;
            }
            if (r.results().isEmpty()) {
                gc.setForeground(fg);
                gc.drawString("no pinner returned", labelW + 4, y + 2, true);
            }
            gc.setForeground(red);
            gc.drawString(r.complete() ? "" : "partial", labelW + barW + 8, y + 2, true);
            y += rowH;
        }
        int x = 4;
        y += 4;
        for (Errno e : legend) {
            gc.setBackground(colors.get(e));
            gc.fillRectangle(x, y + 3, 12, 12);
            gc.setForeground(fg);
            gc.drawString(e == Errno.OK ? "OK" : e.kernelName(), x + 16, y + 1, true);
            x += 24 + gc.stringExtent(e.kernelName()).x + 12;
        }
        if (comparison.reports().values().stream().anyMatch(r -> !r.livelocks().isEmpty() || !r.starvations().isEmpty())) {
            hatch(gc, new org.eclipse.swt.graphics.Rectangle(x, y + 3, 12, 12), red);
            gc.setForeground(fg);
            gc.drawString("\u221e a loop the pinner never leaves (livelock, starvation)", x + 16, y + 1, true);
        }
    }
}
