package dev.pinscope.importer;

/**
 * Input that cannot be imported: an unparsable line (the message names the file, the line number and
 * the line), an unreadable file or process (the message says why). The message is one line, ready
 * to show to a user.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    private final boolean outOfOrder;

    public ImportException(String message) {
        this(message, 0);
    }

    public ImportException(String message, int line) {
        this(message, line, false);
    }

    ImportException(String message, int line, boolean outOfOrder) {
        super(message);
        this.line = line;
        this.outOfOrder = outOfOrder;
    }

    /**
     * True when the problem is mappings out of address order. In a saved file that is damage; in a live
     * process it is what a read racing with mmap/munmap looks like (the kernel keeps smaps consistent only
     * within one read call), so a live read is tried again.
     */
    public boolean outOfOrder() {
        return outOfOrder;
    }

    /** The 1-based line the problem is on, 0 when it is not about a line. */
    public int line() {
        return line;
    }

    /** {@code text} cut to a length a message can show. */
    static String excerpt(String text) {
        // control characters and undecodable bytes would garble the terminal the message is printed on
        String t = text.replace('\t', ' ').replaceAll("[\\p{Cntrl}\uFFFD]", "?");
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }
}
