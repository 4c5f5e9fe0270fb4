package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.swt.graphics.Font;

import dev.pinscope.diagram.internal.layout.TextMetrics;

/**
 * The diagram fonts' widths for the layout, summed from cached advance widths per character (ten
 * thousand VMA names and twenty thousand tick labels per relayout cost no text extents). A sum is
 * at least the exact extent but for kerning, so a pixel per character is added to stay above it.
 */
public final class SwtTextMetrics implements TextMetrics {

    private final int[] normal = new int[256];
    private final int[] bold = new int[256];
    private final int height;

    public SwtTextMetrics() {
        height = FigureUtilities.getFontMetrics(Colors.normal()).getHeight();
    }

    @Override
    public int width(String text, boolean isBold) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Font font = isBold ? Colors.bold() : Colors.normal();
        int[] advance = isBold ? bold : normal;
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= advance.length) {
                return FigureUtilities.getTextWidth(text, font) + 2;
            }
            if (advance[c] == 0) {
                advance[c] = Math.max(1, FigureUtilities.getTextWidth(String.valueOf(c), font));
            }
            w += advance[c];
        }
        return w + 2;
    }

    @Override
    public int height() {
        return height;
    }
}
