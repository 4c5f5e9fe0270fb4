package dev.pinscope.model.io;

import java.util.regex.Pattern;

/**
 * Keeps messages in the user's terms: a scenario author should read what is wrong with the file,
 * not the name of the Java class that noticed it ({@code MalformedByteSequenceException}) or an
 * object dump ({@code PinnerImpl@302d53ea}). Every message that may carry text from a library's
 * exception goes through here before it is shown.
 */
public final class UserText {

    /** {@code java.io.FooException: }, {@code FooError: } or a bare {@code FooException} word. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    /** A qualified Java name such as {@code org.eclipse.emf.Foo} or {@code dev.pinscope.x.Bar$Baz}. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.){2,}[A-Z][\\w$]*\\b");
    /** Object#toString: {@code PinnerImpl@302d53ea}, optionally followed by EMF's "(name: qemu)". */
    private static final Pattern OBJECT_DUMP = Pattern.compile("\\b(?:[\\w$]+\\.)*[A-Z][\\w$]*@[0-9a-f]{3,}\\b(?: \\([^)]*\\))?");

    private UserText() {
    }

    /** {@code text} without Java class names and object dumps; "unknown problem" if nothing is left. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "unknown problem";
        }
        String s = OBJECT_DUMP.matcher(text).replaceAll("an element");
        s = EXCEPTION_NAME.matcher(s).replaceAll("");
        s = QUALIFIED_NAME.matcher(s).replaceAll("an internal component");
        s = s.replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? "unknown problem" : s;
    }

    /** The most telling message in {@code e} or its causes, in the user's terms. */
    public static String of(Throwable e) {
        Throwable best = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !of(m).equals("unknown problem")) {
                best = t;
                // a wrapper's message is usually its cause's toString(); the cause says it plainer
                if (t.getCause() == null || !m.contains(String.valueOf(t.getCause().getMessage()))) {
                    break;
                }
            }
        }
        if (best != null) {
            return of(best.getMessage());
        }
        return fallback(e);
    }

    /** Words for an exception that carries no message, by what kind of failure it is. */
    private static String fallback(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            return "not enough memory";
        }
        if (root instanceof StackOverflowError) {
            return "the input is nested too deeply";
        }
        if (root instanceof java.io.CharConversionException) {
            return "the file is not valid UTF-8 text";
        }
        if (root instanceof java.io.IOException) {
            return "input/output error";
        }
        if (root instanceof NumberFormatException || root instanceof ArithmeticException) {
            return "a number is out of range";
        }
        return "unexpected internal problem";
    }
}
