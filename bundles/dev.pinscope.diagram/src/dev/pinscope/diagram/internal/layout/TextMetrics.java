package dev.pinscope.diagram.internal.layout;

/**
 * How wide a text is in the diagram's fonts. The layout sizes figures so that their names fit and
 * places labels where they collide with nothing; it needs widths but must not depend on SWT, so the
 * editor hands it a measure of its real fonts and headless code gets an approximation.
 */
public interface TextMetrics {

    /** Width in pixels of {@code text} in the normal or the bold diagram font. */
    int width(String text, boolean bold);

    /** Height of one line of text in pixels. */
    int height();

    /** About 7 px a character and 15 px a line, close to a 9-point sans-serif font. */
    TextMetrics APPROXIMATE = new TextMetrics() {
        @Override
        public int width(String text, boolean bold) {
            return text == null ? 0 : text.length() * (bold ? 8 : 7);
        }

        @Override
        public int height() {
            return 15;
        }
    };
}
