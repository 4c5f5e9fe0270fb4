package dev.pinscope.model.tests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives hostile variants of a scenario file, one category at a time, from a seeded random source:
 * what a bug report's attachment, a half-written download or a deliberate attack could look like.
 */
final class Mutator {

    enum Category {
        TRUNCATED, BYTE_FLIPS, DELETED_ELEMENT, DUPLICATED_ELEMENT, WRONG_TYPE, ABSURD_NUMBER, REFERENCE, NAMESPACE,
        DOCTYPE_ENTITIES, ENCODING, ENUM_VALUE, SEVERAL_IDS
    }

    private static final Pattern ATTRIBUTE = Pattern.compile(" ([A-Za-z:]+)=\"([^\"]*)\"");
    private static final Pattern NUMBER_ATTRIBUTE = Pattern.compile(" (start|end|pgoff|vaddr|pfn|size|physicalAddress|index|repeat|count|"
            + "maxSteps|maxRetries|pinnedPages|batchCapacity|formatVersion)=\"(-?[0-9]+)\"");
    private static final Pattern REFERENCE_ATTRIBUTE = Pattern.compile(" (bar|device|vma|target|actor)=\"([^\"]*)\"");
    private static final Pattern ENUM_ATTRIBUTE = Pattern.compile(" (policy|scope|level|thpMode|trigger|powerState|faultBehavior)=\"([A-Z_0-9]*)\"");
    private static final String[] ABSURD = {"-1", "-2", "-4096", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999", "4503599627370496", "4503599627370495",
        "0", "2147483648", "-2147483649", "1e9", "0x1000", "+5", "007"};
    private static final String[] WRONG = {"banana", "", " ", "true", "1.5", "NaN", "0x7f0000000000", "//@actors.0", "null", "\u00e9\u00e9",
        "&amp;", "&lt;tag&gt;", "${x}"};

    private final SplittableRandom rnd;
    private final String http;
    private final String fifo;

    Mutator(SplittableRandom rnd, String httpBase, String fifoUri) {
        this.rnd = rnd;
        this.http = httpBase;
        this.fifo = fifoUri;
    }

    byte[] mutate(Category c, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (c) {
            case TRUNCATED -> java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length));
            case BYTE_FLIPS -> {
                byte[] b = bytes.clone();
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                yield b;
            }
            case DELETED_ELEMENT -> utf8(removeLines(text, 1 + rnd.nextInt(3)));
            case DUPLICATED_ELEMENT -> utf8(duplicateLine(text));
            case WRONG_TYPE -> utf8(replaceValue(text, ATTRIBUTE, WRONG[rnd.nextInt(WRONG.length)]));
            case ABSURD_NUMBER -> utf8(replaceValue(text, NUMBER_ATTRIBUTE, ABSURD[rnd.nextInt(ABSURD.length)]));
            case REFERENCE -> utf8(replaceValue(text, REFERENCE_ATTRIBUTE, foreignReference()));
            case NAMESPACE -> utf8(namespace(text));
            case DOCTYPE_ENTITIES -> utf8(doctype(text));
            case ENCODING -> encoding(text, bytes);
            case ENUM_VALUE -> utf8(replaceValue(text, ENUM_ATTRIBUTE, rnd.nextBoolean() ? "" : "BOGUS_" + rnd.nextInt(9)));
            case SEVERAL_IDS -> utf8(replaceValue(text, REFERENCE_ATTRIBUTE, "//@actors.0 //@actors." + rnd.nextInt(3)));
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String foreignReference() {
        String[] refs = {http + "x.pinscope#//@devices.0/@bars.0", "file:///etc/passwd#//@devices.0", "/dev/zero#//@devices.0/@bars.0",
            fifo + "#//@devices.0/@bars.0", "other.pinscope#//@actors.0", "archive:file:///tmp/a.zip!/b.pinscope#//@x",
            "jar:" + http + "a.jar!/x.pinscope#//@x", "//@devices.99/@bars.3", "//@actors.-1", "#", "platform:/plugin/x/y.pinscope#//@a",
            "//@addressSpace/@vmas.0 " + http + "y.pinscope#//@z", "pinscope:Bar " + http + "z.pinscope#//@devices.0"};
        return refs[rnd.nextInt(refs.length)];
    }

    private String namespace(String text) {
        return switch (rnd.nextInt(5)) {
            case 0 -> text.replace("http://pinscope.dev/scenario/1.0", http + "evil.ecore");
            case 1 -> text.replaceFirst("xmlns:pinscope=", "xmlns:evil=\"" + http + "evil.ecore\" xmlns:pinscope=")
                    .replaceFirst("xsi:type=\"pinscope:", "xsi:type=\"evil:");
            case 2 -> text.replaceFirst("xmlns:pinscope=", "xsi:schemaLocation=\"http://pinscope.dev/scenario/1.0 " + http
                    + "schema.ecore\" xmlns:pinscope=");
            case 3 -> text.replace("http://pinscope.dev/scenario/1.0", "http://pinscope.dev/scenario/" + (2 + rnd.nextInt(8)) + ".0");
            default -> text.replaceFirst("xmlns:pinscope=", "xmlns:j=\"java://java.lang.Runtime\" xmlns:pinscope=")
                    .replaceFirst("xsi:type=\"pinscope:", "xsi:type=\"j:");
        };
    }

    private String doctype(String text) {
        int afterDecl = text.indexOf("?>") + 2;
        String dtd = switch (rnd.nextInt(4)) {
            case 0 -> "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                    + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                    + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>";
            case 1 -> "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
            case 2 -> "<!DOCTYPE x SYSTEM \"" + http + "x.dtd\">";
            default -> "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + http + "p.dtd\"> %p;]>";
        };
        String body = text.substring(afterDecl);
        if (rnd.nextBoolean()) {
            body = body.replaceFirst("name=\"([^\"]*)\"", "name=\"" + (rnd.nextBoolean() ? "&lol4;" : "&xxe;") + "\"");
        }
        return text.substring(0, afterDecl) + "\n" + dtd + body;
    }

    private byte[] encoding(String text, byte[] bytes) {
        switch (rnd.nextInt(4)) {
            case 0 -> { // an invalid UTF-8 sequence inside a value
                byte[] b = bytes.clone();
                int at = text.indexOf("name=\"") + 6 + rnd.nextInt(3);
                b[Math.min(at, b.length - 1)] = (byte) (0xC0 | rnd.nextInt(0x20));
                if (at + 1 < b.length) {
                    b[at + 1] = (byte) rnd.nextInt(0x80);
                }
                return b;
            }
            case 1 -> { // declared UTF-16, written UTF-8
                return utf8(text.replaceFirst("UTF-8", "UTF-16"));
            }
            case 2 -> { // a charset that does not exist
                return utf8(text.replaceFirst("UTF-8", "X-PINSCOPE-" + rnd.nextInt(99)));
            }
            default -> { // a stray BOM in the middle
                String s = text.substring(0, text.length() / 2) + "\uFEFF\uFFFE" + text.substring(text.length() / 2);
                return utf8(s);
            }
        }
    }

    private String replaceValue(String text, Pattern p, String value) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        if (spans.isEmpty()) {
            return text + " ";
        }
        int[] s = spans.get(rnd.nextInt(spans.size()));
        return text.substring(0, s[0]) + value + text.substring(s[1]);
    }

    private String removeLines(String text, int n) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int i = 0; i < n && lines.size() > 3; i++) {
            lines.remove(2 + rnd.nextInt(lines.size() - 3)); // keep the declaration and the root's first line
        }
        return String.join("\n", lines);
    }

    private String duplicateLine(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = 1 + rnd.nextInt(lines.size() - 1);
        for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            lines.add(at, lines.get(at));
        }
        return String.join("\n", lines);
    }
}
