package dev.pinscope.importer;

/**
 * Input that cannot be imported: an unparsable line (the message names the file, the line number and
 * the line), an unreadable file or process (the message says why). The message is one line, ready
 * to show to a user.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public ImportException(String message) {
        this(message, 0);
    }

    public ImportException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line the problem is on, 0 when it is not about a line. */
    public int line() {
        return line;
    }

    /** {@code text} cut to a length a message can show. */
    static String excerpt(String text) {
        String t = text.replace('\t', ' ');
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }
}
