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

/** A small horizontal bar chart: per policy, the share of each reachable result, with livelock and partial marks. */
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
        canvas.setToolTipText("Share of the explored states from which each result is reached, per policy");
    }

    public Canvas control() {
        return canvas;
    }

    public void setInput(Comparison c) {
        comparison = c;
        canvas.redraw();
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
        int tailW = gc.stringExtent("∞ livelock  partial").x + 12;
        int rowH = Math.max(18, gc.getFontMetrics().getHeight() + 6);
        int barW = Math.max(60, area.width - labelW - tailW - 8);
        int y = 6;
        Set<Errno> legend = new LinkedHashSet<>();
        Color red = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        Color white = canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE);
        Color fg = canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        for (var pe : comparison.reports().entrySet()) {
            ExplorationReport r = pe.getValue();
            gc.setForeground(fg);
            gc.drawString(Reports.policyLabel(pe.getKey()), 4, y + 2, true);
            double x = labelW;
            for (Reports.Share s : Reports.shares(r)) {
                int w = (int) Math.round(s.fraction() * barW);
                legend.add(s.result());
                gc.setBackground(colors.get(s.result()));
                gc.fillRectangle((int) x, y, Math.max(1, w), rowH - 4);
                String t = s.result() + " " + Math.round(s.fraction() * 100) + "%";
                Point ext = gc.stringExtent(t);
                if (ext.x + 6 < w) {
                    gc.setForeground(white);
                    gc.drawString(t, (int) x + 3, y + (rowH - 4 - ext.y) / 2, true);
                }
                x += w;
            }
            if (r.results().isEmpty()) {
                gc.setForeground(fg);
                gc.drawString("no pinner returned", labelW + 4, y + 2, true);
            }
            String tail = (r.livelocks().isEmpty() ? "" : "∞ livelock  ") + (r.complete() ? "" : "partial");
            gc.setForeground(red);
            gc.drawString(tail.strip(), labelW + barW + 8, y + 2, true);
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
    }
}
