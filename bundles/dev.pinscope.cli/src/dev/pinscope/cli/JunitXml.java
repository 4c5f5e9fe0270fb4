package dev.pinscope.cli;

import dev.pinscope.engine.ExpectationResult;
import dev.pinscope.model.io.AtomicWrite;
import dev.pinscope.model.io.UserText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code --junit FILE}: one {@code <testcase>} per checked expectation, so CI shows each expectation. */
final class JunitXml {
    private JunitXml() {
    }

    /** One {@code <testsuite>} per scenario file: its checked expectations. */
    static String suite(String scenario, List<ExpectationResult> exps) {
        long failures = exps.stream().filter(e -> !e.ok()).count();
        StringBuilder sb = new StringBuilder();
        sb.append("<testsuite name=\"").append(xml("pinscope." + scenario)).append("\" tests=\"").append(exps.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (ExpectationResult e : exps) {
            sb.append("  <testcase classname=\"").append(xml(scenario)).append("\" name=\"")
                    .append(xml(e.policy() + " " + e.scope() + " " + e.actor())).append("\">");
            if (!e.ok()) {
                sb.append("\n    <failure message=\"").append(xml("expected " + e.expected() + "; actual " + e.actual()))
                        .append("\"/>\n  ");
            }
            sb.append("</testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    /** A file with no expectations checked (validate, or a file that failed to load): one test case. */
    static String fileSuite(String file, String errorOrNull) {
        return "<testsuite name=\"" + xml("pinscope." + file) + "\" tests=\"1\" failures=\"0\" errors=\""
                + (errorOrNull == null ? 0 : 1) + "\" skipped=\"0\">\n  <testcase classname=\"" + xml(file)
                + "\" name=\"" + "file" + "\">" + (errorOrNull == null ? "" : "\n    <error message=\"" + xml(errorOrNull)
                        + "\"/>\n  ") + "</testcase>\n</testsuite>\n";
    }

    /** Several files: one document, {@code <testsuites>} around one suite per file. */
    static String suites(List<String> suites) {
        StringBuilder sb = new StringBuilder("<testsuites>\n");
        suites.forEach(s -> sb.append(s.indent(2)));
        return sb.append("</testsuites>\n").toString();
    }

    static void write(String file, String document) throws BadInput {
        String text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document;
        try {
            // atomically: a CI job reading the report never sees half of it, a crash leaves the previous one
            AtomicWrite.write(Path.of(file), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot write " + file + ": " + UserText.of(e));
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
