package dev.pinscope.engine.report;

import com.google.gson.FormattingStyle;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain values (maps, lists, strings, numbers, booleans, null) to and from JSON text, over Gson's streaming
 * {@link JsonWriter} / {@link JsonReader}. The CLI's {@code --json} output, the workbench's JSON export and its
 * persisted results all go through it, so they cannot drift apart.
 *
 * <p>The layout is the one Pinscope has always written (scripts and committed result files diff it): objects and
 * lists of objects one entry a line, indented by two spaces; a list of scalars (a witness) on one line,
 * {@code ["a", "b"]}; a double with three decimals ({@code null} if it is not finite); map keys in insertion
 * order; {@code null} values kept. Gson does the writing and escaping; only the choice between its pretty and its
 * one-line style per list is ours.
 */
public final class Json {
    /** Objects and lists of objects: one entry a line, two spaces per level. */
    private static final FormattingStyle BLOCK = FormattingStyle.PRETTY.withIndent("  ");
    /** A list of scalars: one line, ", " between entries. */
    private static final FormattingStyle INLINE = FormattingStyle.COMPACT.withSpaceAfterSeparators(true);

    private Json() {
    }

    public static String write(Object v) {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = new JsonWriter(sw)) {
            w.setFormattingStyle(BLOCK);
            w.setHtmlSafe(false);
            w.setSerializeNulls(true);
            value(w, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
    }

    @SuppressWarnings("unchecked")
    private static void value(JsonWriter w, Object v) throws IOException {
        if (v == null) {
            w.nullValue();
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof Boolean b) {
            w.value(b.booleanValue());
        } else if (v instanceof Integer || v instanceof Long) {
            w.value(((Number) v).longValue());
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                w.nullValue();
            } else {
                w.jsonValue(String.format(Locale.ROOT, "%.3f", d));
            }
        } else if (v instanceof Map<?, ?> m) {
            w.beginObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                w.name(e.getKey());
                value(w, e.getValue());
            }
            w.endObject();
        } else if (v instanceof List<?> l) {
            if (l.stream().noneMatch(x -> x instanceof Map || x instanceof List)) {
                // written apart and spliced in: the separator and indent before it are the enclosing BLOCK's
                w.jsonValue(inline(l));
                return;
            }
            w.beginArray();
            for (Object x : l) {
                value(w, x);
            }
            w.endArray();
        } else {
            w.value(v.toString());
        }
    }

    private static String inline(List<?> scalars) throws IOException {
        StringWriter sw = new StringWriter();
        JsonWriter w = new JsonWriter(sw);
        w.setFormattingStyle(INLINE);
        w.setHtmlSafe(false);
        w.setSerializeNulls(true);
        w.beginArray();
        for (Object x : scalars) {
            value(w, x);
        }
        w.endArray();
        w.close();
        return sw.toString();
    }

    /**
     * Parses JSON text (RFC 8259, strict) into LinkedHashMap (objects, key order kept), ArrayList, String, Long
     * (integers), Double, Boolean and null. Throws IllegalArgumentException naming the place on malformed input.
     */
    public static Object parse(String text) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        try {
            Object v = read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("bad JSON: trailing characters " + r.getPath());
            }
            return v;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage(), e);
        }
    }

    private static Object read(JsonReader r) throws IOException {
        switch (r.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                r.beginObject();
                while (r.hasNext()) {
                    String k = r.nextName();
                    m.put(k, read(r));
                }
                r.endObject();
                return m;
            }
            case BEGIN_ARRAY -> {
                List<Object> l = new ArrayList<>();
                r.beginArray();
                while (r.hasNext()) {
                    l.add(read(r));
                }
                r.endArray();
                return l;
            }
            case STRING -> {
                return r.nextString();
            }
            case NUMBER -> {
                String n = r.nextString();
                boolean real = n.indexOf('.') >= 0 || n.indexOf('e') >= 0 || n.indexOf('E') >= 0;
                return real ? (Object) Double.valueOf(n) : (Object) Long.valueOf(n);
            }
            case BOOLEAN -> {
                return r.nextBoolean();
            }
            case NULL -> {
                r.nextNull();
                return null;
            }
            default -> throw new IllegalArgumentException("bad JSON: unexpected " + r.peek() + " " + r.getPath());
        }
    }
}
