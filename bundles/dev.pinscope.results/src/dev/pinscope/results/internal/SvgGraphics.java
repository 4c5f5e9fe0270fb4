package dev.pinscope.results.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.FontMetrics;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

/**
 * A draw2d {@link Graphics} that writes SVG instead of pixels, so a figure tree paints itself into a vector file
 * the same way it paints on screen. Covers what the scenario diagram's figures use (rectangles, round rectangles,
 * ovals, lines, polylines, polygons, text, line styles and widths, clipping, alpha); images are skipped.
 */
public final class SvgGraphics extends Graphics {

    private static final class State {
        int dx;
        int dy;
        Rectangle clip; // absolute
        Color fg;
        Color bg;
        Font font;
        int lineWidth = 1;
        int lineStyle = LINE_SOLID;
        int alpha = 255;

        State copy() {
            State s = new State();
            s.dx = dx;
            s.dy = dy;
            s.clip = clip == null ? null : clip.getCopy();
            s.fg = fg;
            s.bg = bg;
            s.font = font;
            s.lineWidth = lineWidth;
            s.lineStyle = lineStyle;
            s.alpha = alpha;
            return s;
        }
    }

    private final StringBuilder body = new StringBuilder();
    private final Map<String, String> clips = new LinkedHashMap<>();
    private final Deque<State> stack = new ArrayDeque<>();
    private State st = new State();
    private final Rectangle area;

    /** area: the absolute region exported (its top-left becomes 0,0 of the SVG). */
    public SvgGraphics(Rectangle area, Font font) {
        this.area = area.getCopy();
        st.clip = area.getCopy();
        st.font = font;
        st.fg = Display.getDefault().getSystemColor(org.eclipse.swt.SWT.COLOR_BLACK);
        st.bg = Display.getDefault().getSystemColor(org.eclipse.swt.SWT.COLOR_WHITE);
        st.dx = -area.x;
        st.dy = -area.y;
        st.clip.translate(-area.x, -area.y);
    }

    public String toSvg() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(area.width).append("\" height=\"")
                .append(area.height).append("\" viewBox=\"0 0 ").append(area.width).append(' ').append(area.height)
                .append("\">\n<defs>\n");
        clips.forEach((rect, id) -> sb.append("<clipPath id=\"").append(id).append("\"><rect ").append(rect)
                .append("/></clipPath>\n"));
        sb.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.append(body).append("</svg>\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String rgb(Color c) {
        return c == null ? "none" : String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private String clipAttr() {
        Rectangle c = st.clip;
        if (c == null) {
            return "";
        }
        String key = String.format(Locale.ROOT, "x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"", c.x, c.y,
                Math.max(0, c.width), Math.max(0, c.height));
        String id = clips.computeIfAbsent(key, k -> "c" + clips.size());
        return " clip-path=\"url(#" + id + ")\"";
    }

    private String stroke() {
        StringBuilder sb = new StringBuilder(" fill=\"none\" stroke=\"").append(rgb(st.fg)).append("\" stroke-width=\"")
                .append(Math.max(1, st.lineWidth)).append('"');
        String dash = switch (st.lineStyle) {
            case LINE_DASH -> "6,3";
            case LINE_DOT -> "2,2";
            case LINE_DASHDOT -> "6,3,2,3";
            case LINE_DASHDOTDOT -> "6,3,2,3,2,3";
            default -> null;
        };
        if (dash != null) {
            sb.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        return sb.append(opacity()).toString();
    }

    private String fill() {
        return " fill=\"" + rgb(st.bg) + "\"" + opacity();
    }

    private String opacity() {
        return st.alpha >= 255 ? "" : String.format(Locale.ROOT, " opacity=\"%.2f\"", st.alpha / 255.0);
    }

    private boolean visible(int x, int y, int w, int h) {
        return st.clip == null || st.clip.intersects(new Rectangle(x + st.dx, y + st.dy, w + 1, h + 1));
    }

    private void rect(int x, int y, int w, int h, int arcW, int arcH, String paint) {
        if (!visible(x, y, w, h)) {
            return;
        }
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"", x + st.dx,
                y + st.dy, w, h));
        if (arcW > 0) {
            body.append(" rx=\"").append(arcW / 2).append("\" ry=\"").append(arcH / 2).append('"');
        }
        body.append(paint).append(clipAttr()).append("/>\n");
    }

    private void ellipse(int x, int y, int w, int h, String paint) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\"%s%s/>\n",
                x + st.dx + w / 2.0, y + st.dy + h / 2.0, w / 2.0, h / 2.0, paint, clipAttr()));
    }

    private void poly(String element, PointList pl, String paint) {
        body.append('<').append(element).append(" points=\"");
        for (int i = 0; i < pl.size(); i++) {
            var p = pl.getPoint(i);
            body.append(i == 0 ? "" : " ").append(p.x + st.dx).append(',').append(p.y + st.dy);
        }
        body.append('"').append(paint).append(clipAttr()).append("/>\n");
    }

    private void text(String s, int x, int y, boolean filled) {
        if (s == null || s.isEmpty()) {
            return;
        }
        var size = FigureUtilities.getTextExtents(s, st.font);
        if (!visible(x, y, size.width, size.height)) {
            return;
        }
        if (filled) {
            body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"%s%s/>\n",
                    x + st.dx, y + st.dy, size.width, size.height, fill(), clipAttr()));
        }
        FontData fd = st.font == null ? null : st.font.getFontData()[0];
        FontMetrics fm = FigureUtilities.getFontMetrics(st.font);
        int baseline = y + st.dy + (fm == null ? 12 : fm.getAscent() + fm.getLeading());
        String family = fd == null ? "sans-serif" : fd.getName();
        double px = fd == null ? 12 : fd.getHeight() * 96 / 72.0;
        String weight = fd != null && (fd.getStyle() & org.eclipse.swt.SWT.BOLD) != 0 ? " font-weight=\"bold\"" : "";
        String[] lines = s.split("\n", -1);
        int lineH = fm == null ? 15 : fm.getHeight();
        for (int i = 0; i < lines.length; i++) {
            body.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-family=\"%s, sans-serif\" font-size=\"%.1f\"%s fill=\"%s\"%s%s xml:space=\"preserve\">%s</text>\n",
                    x + st.dx, baseline + i * lineH, Reports.esc(family), px, weight, rgb(st.fg), opacity(), clipAttr(),
                    Reports.esc(lines[i])));
        }
    }

    // ------------------------------------------------------------------------------------------- Graphics

    @Override
    public void clipRect(Rectangle r) {
        Rectangle abs = r.getCopy().translate(st.dx, st.dy);
        st.clip = st.clip == null ? abs : st.clip.getIntersection(abs);
    }

    @Override
    public void setClip(Rectangle r) {
        st.clip = r.getCopy().translate(st.dx, st.dy);
    }

    @Override
    public Rectangle getClip(Rectangle r) {
        if (st.clip == null) {
            r.setBounds(new Rectangle(-100000, -100000, 200000, 200000));
        } else {
            r.setBounds(st.clip.getCopy().translate(-st.dx, -st.dy));
        }
        return r;
    }

    @Override
    public void dispose() {
    }

    @Override
    public void drawArc(int x, int y, int w, int h, int offset, int length) {
        drawOval(x, y, w, h);
    }

    @Override
    public void fillArc(int x, int y, int w, int h, int offset, int length) {
        fillOval(x, y, w, h);
    }

    @Override
    public void drawFocus(int x, int y, int w, int h) {
    }

    @Override
    public void drawImage(Image image, int x, int y) {
    }

    @Override
    public void drawImage(Image image, int x1, int y1, int w1, int h1, int x2, int y2, int w2, int h2) {
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        if (!visible(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1))) {
            return;
        }
        body.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"%s%s/>\n", x1 + st.dx,
                y1 + st.dy, x2 + st.dx, y2 + st.dy, stroke(), clipAttr()));
    }

    @Override
    public void drawOval(int x, int y, int w, int h) {
        ellipse(x, y, w, h, stroke());
    }

    @Override
    public void fillOval(int x, int y, int w, int h) {
        ellipse(x, y, w, h, fill());
    }

    @Override
    public void drawPolygon(PointList pl) {
        poly("polygon", pl, stroke());
    }

    @Override
    public void fillPolygon(PointList pl) {
        poly("polygon", pl, fill());
    }

    @Override
    public void drawPolyline(PointList pl) {
        poly("polyline", pl, stroke());
    }

    @Override
    public void drawRectangle(int x, int y, int w, int h) {
        rect(x, y, w, h, 0, 0, stroke());
    }

    @Override
    public void fillRectangle(int x, int y, int w, int h) {
        rect(x, y, w, h, 0, 0, fill());
    }

    @Override
    public void drawRoundRectangle(Rectangle r, int arcW, int arcH) {
        rect(r.x, r.y, r.width, r.height, arcW, arcH, stroke());
    }

    @Override
    public void fillRoundRectangle(Rectangle r, int arcW, int arcH) {
        rect(r.x, r.y, r.width, r.height, arcW, arcH, fill());
    }

    @Override
    public void fillGradient(int x, int y, int w, int h, boolean vertical) {
        rect(x, y, w, h, 0, 0, fill());
    }

    @Override
    public void drawString(String s, int x, int y) {
        text(s, x, y, false);
    }

    @Override
    public void drawText(String s, int x, int y) {
        text(s, x, y, false);
    }

    @Override
    public void fillString(String s, int x, int y) {
        text(s, x, y, true);
    }

    @Override
    public void fillText(String s, int x, int y) {
        text(s, x, y, true);
    }

    @Override
    public Color getBackgroundColor() {
        return st.bg;
    }

    @Override
    public Color getForegroundColor() {
        return st.fg;
    }

    @Override
    public Font getFont() {
        return st.font;
    }

    @Override
    public FontMetrics getFontMetrics() {
        return FigureUtilities.getFontMetrics(st.font);
    }

    @Override
    public int getLineStyle() {
        return st.lineStyle;
    }

    @Override
    public int getLineWidth() {
        return st.lineWidth;
    }

    @Override
    public boolean getXORMode() {
        return false;
    }

    @Override
    public void pushState() {
        stack.push(st.copy());
    }

    @Override
    public void popState() {
        st = stack.pop();
    }

    @Override
    public void restoreState() {
        st = stack.peek().copy();
    }

    @Override
    public void scale(double amount) {
        // the export paints at 100 %: the figure tree below the zoom layer is unscaled
    }

    @Override
    public void setBackgroundColor(Color c) {
        st.bg = c;
    }

    @Override
    public void setForegroundColor(Color c) {
        st.fg = c;
    }

    @Override
    public void setFont(Font f) {
        st.font = f;
    }

    @Override
    public void setLineStyle(int style) {
        st.lineStyle = style;
    }

    @Override
    public void setLineWidth(int w) {
        st.lineWidth = w;
    }

    @Override
    public void setXORMode(boolean b) {
    }

    @Override
    public void translate(int x, int y) {
        st.dx += x;
        st.dy += y;
    }

    @Override
    public void setAlpha(int alpha) {
        st.alpha = alpha;
    }

    @Override
    public int getAlpha() {
        return st.alpha;
    }

    @Override
    public void setAntialias(int value) {
    }

    @Override
    public void setTextAntialias(int value) {
    }

    @Override
    public void setLineCap(int cap) {
    }

    @Override
    public void setLineJoin(int join) {
    }

    @Override
    public void setLineDash(int[] dash) {
        st.lineStyle = dash == null ? LINE_SOLID : LINE_DASH;
    }

    @Override
    public void setInterpolation(int interpolation) {
    }
}
