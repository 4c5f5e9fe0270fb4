package dev.pinscope.help.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.help.ITopic;
import org.eclipse.help.IToc;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The user guide as the help system sees it: the book is registered, every topic and every link
 * between pages resolves to a file shipped in the bundle, and every documented F1 context exists.
 */
class UserGuideTest {

    private static final String BUNDLE = "dev.pinscope.help";
    private static final String PREFIX = "/" + BUNDLE + "/";

    /** The context ids other bundles set on their parts; html/context-ids.html documents them. */
    static final List<String> CONTEXT_IDS = List.of(
            "dev.pinscope.help.scenario_editor",
            "dev.pinscope.help.scenario_properties",
            "dev.pinscope.help.new_scenario_wizard",
            "dev.pinscope.help.listing_editor",
            "dev.pinscope.help.timeline_view",
            "dev.pinscope.help.scheduler_view",
            "dev.pinscope.help.results_view",
            "dev.pinscope.help.launch_configuration",
            "dev.pinscope.help.welcome",
            "org.eclipse.debug.ui.debug_view_context",
            "org.eclipse.debug.ui.variable_view_context",
            "org.eclipse.debug.ui.breakpoint_view_context");

    private static Bundle bundle() {
        Bundle bundle = Platform.getBundle(BUNDLE);
        assertNotNull(bundle, BUNDLE + " is installed");
        return bundle;
    }

    private static IToc guide() {
        for (IToc toc : HelpSystem.getTocs()) {
            if ("Pinscope User Guide".equals(toc.getLabel())) {
                return toc;
            }
        }
        throw new AssertionError("the help system has no 'Pinscope User Guide' book");
    }

    /** "/dev.pinscope.help/html/a.html#x" -> "html/a.html", asserting it belongs to our bundle. */
    private static String entryOf(String href) {
        assertTrue(href.startsWith(PREFIX), "link outside the guide: " + href);
        String path = href.substring(PREFIX.length());
        int hash = path.indexOf('#');
        return hash < 0 ? path : path.substring(0, hash);
    }

    private static void collect(ITopic topic, List<ITopic> out) {
        out.add(topic);
        for (ITopic child : topic.getSubtopics()) {
            collect(child, out);
        }
    }

    private static List<ITopic> allTopics() {
        List<ITopic> topics = new ArrayList<>();
        for (ITopic top : guide().getTopics()) {
            collect(top, topics);
        }
        return topics;
    }

    @Test
    void theGuideIsATopLevelBookWithTheChaptersTheIssueAsksFor() {
        IToc toc = guide();
        assertEquals(PREFIX + "html/overview.html", toc.getTopics()[0].getHref(), "the book's first page is its overview");
        List<String> chapters = new ArrayList<>();
        for (ITopic topic : toc.getTopics()) {
            chapters.add(topic.getLabel());
        }
        assertEquals(List.of("Overview", "Getting started", "The scenario model in kernel terms", "Retry policies and what the list said",
                "Working in Pinscope", "Command line reference", "Examples", "Context help index"), chapters);
    }

    @Test
    void everyTopicOpensAFileInTheBundle() {
        List<ITopic> topics = allTopics();
        assertTrue(topics.size() >= 25, "topics: " + topics.size());
        for (ITopic topic : topics) {
            assertNotNull(topic.getHref(), topic.getLabel() + " has a page");
            String entry = entryOf(topic.getHref());
            assertNotNull(bundle().getEntry(entry), topic.getLabel() + " -> " + entry + " is missing from the bundle");
        }
    }

    @Test
    void thereIsOneExamplePagePerShippedExample() {
        ITopic examples = null;
        for (ITopic topic : guide().getTopics()) {
            if ("Examples".equals(topic.getLabel())) {
                examples = topic;
            }
        }
        assertNotNull(examples);
        // KERNEL-MODEL section 10, rows 1-10 and 12-15 (row 11 needs a non-vfio provider)
        Set<String> numbers = new LinkedHashSet<>();
        for (ITopic example : examples.getSubtopics()) {
            numbers.add(example.getLabel().substring(0, example.getLabel().indexOf('.')));
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "14", "15"), new ArrayList<>(numbers));
    }

    /** The model bundle ships the examples; each has its page at html/examples/ID.html. */
    @Test
    void everyShippedExampleHasItsPage() throws IOException {
        Bundle model = Platform.getBundle("dev.pinscope.model");
        assertNotNull(model, "dev.pinscope.model (which ships the examples) is installed");
        URL index = model.getEntry("examples/index.txt");
        assertNotNull(index, "examples/index.txt");
        List<String> ids = new ArrayList<>();
        try (InputStream in = index.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    ids.add(line.substring(0, line.indexOf(".pinscope")));
                }
            }
        }
        assertEquals(14, ids.size(), "examples: " + ids);
        Set<String> documented = new LinkedHashSet<>();
        for (ITopic topic : allTopics()) {
            documented.add(topic.getHref());
        }
        for (String id : ids) {
            assertTrue(documented.contains(PREFIX + "html/examples/" + id + ".html"), "the guide has a page for example " + id);
        }
    }

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern ANCHOR = Pattern.compile("id=\"([^\"]+)\"");

    private static String read(String entry) throws IOException {
        URL url = bundle().getEntry(entry);
        assertNotNull(url, entry);
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every relative link and image in every page (and every #anchor) points at something that exists. */
    @Test
    void linksBetweenPagesResolve() throws IOException {
        List<String> pages = new ArrayList<>();
        for (URL url : Collections.list(bundle().findEntries("html", "*.html", true))) {
            pages.add(url.getPath().substring(1));
        }
        assertTrue(pages.size() >= 25, "pages: " + pages);
        List<String> broken = new ArrayList<>();
        for (String page : pages) {
            String folder = page.substring(0, page.lastIndexOf('/') + 1);
            Matcher m = LINK.matcher(read(page));
            while (m.find()) {
                String link = m.group(1);
                if (link.contains(":")) {
                    continue; // http:, https:, mailto: leave the guide
                }
                String file = link.startsWith("#") ? page : normalize(folder + link.replaceFirst("#.*", ""));
                if (bundle().getEntry(file) == null) {
                    broken.add(page + " -> " + link);
                } else if (link.contains("#")) {
                    String anchor = link.substring(link.indexOf('#') + 1);
                    Matcher ids = ANCHOR.matcher(read(file));
                    boolean found = false;
                    while (ids.find()) {
                        found |= ids.group(1).equals(anchor);
                    }
                    if (!found) {
                        broken.add(page + " -> " + link + " (no such anchor)");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    @Test
    void everyDocumentedContextIdHasHelpThatResolves() throws IOException {
        String index = read("html/context-ids.html");
        for (String id : CONTEXT_IDS) {
            IContext context = HelpSystem.getContext(id);
            assertNotNull(context, "F1 context " + id + " is not registered");
            assertTrue(context.getText() != null && !context.getText().isBlank(), id + " has a description");
            IHelpResource[] topics = context.getRelatedTopics();
            assertTrue(topics.length > 0, id + " offers at least one page");
            for (IHelpResource topic : topics) {
                assertNotNull(bundle().getEntry(entryOf(topic.getHref())), id + " -> " + topic.getHref());
            }
            String shortId = id.substring(id.lastIndexOf('.') + 1);
            assertTrue(index.contains(shortId), "html/context-ids.html documents " + id);
        }
    }

    @Test
    void anUnknownContextIdIsNotSilentlyAccepted() {
        assertEquals(null, HelpSystem.getContext("dev.pinscope.help.no_such_part"));
    }
}
