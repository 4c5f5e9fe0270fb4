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

    static void write(String file, String scenario, List<ExpectationResult> exps) throws BadInput {
        long failures = exps.stream().filter(e -> !e.ok()).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
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
        try {
            // atomically: a CI job reading the report never sees half of it, a crash leaves the previous one
            AtomicWrite.write(Path.of(file), sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot write " + file + ": " + UserText.of(e));
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
