package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.report.Json;
import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ResultsView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.browser.ProgressAdapter;
import org.eclipse.swt.browser.ProgressEvent;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import dev.pinscope.testsupport.UiTestSupport;

/** Markdown, JSON (the CLI's shape), HTML (rendered in a Browser and photographed) and the diagram as PNG/SVG. */
class ExportTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        Fixture.reset();
    }

    private ResultsView compare(String example) throws Exception {
        Path file = Fixture.save(Fixture.example(example), tmp, example + ".pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        return Fixture.waitForResults(60_000);
    }

    @SuppressWarnings("unchecked")
    @Test
    void jsonExportHasTheCliShapeAndParses() throws Exception {
        ResultsView v = compare("04-adversarial-livelock");
        Path out = tmp.resolve("report.json");
        v.exportJson(out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Map<String, Object> exported = (Map<String, Object>) Json.parse(text);
        Map<String, Object> cli = Fixture.cliJson("compare", tmp.resolve("04-adversarial-livelock.pinscope").toString(),
                "--json");
        assertEquals(new ArrayList<>(cli.keySet()), new ArrayList<>(exported.keySet()), "same keys, same order");
        for (String k : List.of("scenario", "policy", "mode", "complete", "states", "transitions", "results",
                "violations", "livelocks", "starvations", "deadlocks", "expectations")) {
            assertEquals(cli.get(k), exported.get(k), k);
        }
        List<Object> lassos = (List<Object>) exported.get("livelocks");
        assertTrue(lassos.size() >= 3, "v1, GUP-style and ENOENT retry forever (§10 row 4)");
        Map<String, Object> l = (Map<String, Object>) lassos.get(0);
        assertTrue(!((List<Object>) l.get("loop")).isEmpty());
        // and the engine reads it back to the same reports
        assertEquals(v.shown().comparison().reports().keySet(), ReportJson.read(text).reports().keySet());
    }

    @Test
    void markdownHasTheTableWitnessesAndLassos() throws Exception {
        ResultsView v = compare("04-adversarial-livelock");
        Path out = tmp.resolve("report.md");
        v.exportMarkdown(out);
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Adversarial zapper always hits W1"), md);
        assertTrue(md.contains("| Policy | OK | EINVAL | EBUSY | Livelock | Violation | Deadlock | States | Complete |"), md);
        assertTrue(md.lines().anyMatch(line -> line.startsWith("| PATCH_V1 (b) |") && line.contains("YES")), md);
        assertTrue(md.contains("LIVELOCK, qemu retries forever"), md);
        // witnesses replayed step by step with the kernel's function names
        assertTrue(md.contains("vaddr_get_pfns") || md.contains("follow_pfnmap_start"), md);
    }

    @Test
    void htmlReportRendersInABrowser() throws Exception {
        ResultsView v = compare("04-adversarial-livelock");
        Path out = tmp.resolve("report.html");
        v.exportHtml(out);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "self-contained");

        Path png = render(out, "report-html.png", b -> {
            Object rows = b.evaluate("return document.querySelectorAll('#results tr').length;");
            return rows instanceof Number n && n.intValue() == 7;
        }, b -> {
            Object bars = b.evaluate("return document.querySelectorAll('svg rect').length;");
            assertTrue(bars instanceof Number n && n.intValue() >= 6, "chart bars: " + bars);
            Object loops = b.evaluate("return document.querySelectorAll('li.loop').length;");
            assertTrue(loops instanceof Number n && n.intValue() > 0, "lasso loop steps marked: " + loops);
        });
        // the chart's OK green (#4caf50) must be on screen: the page really rendered
        int green = pixels(new ImageLoader().load(png.toString())[0], 2,
                c -> Math.abs(c.red - 0x4c) < 12 && Math.abs(c.green - 0xaf) < 12 && Math.abs(c.blue - 0x50) < 12);
        assertTrue(green > 50, "green chart pixels in the screenshot: " + green);
    }

    /** How many of the pixels on every {@code step}-th row and column match. */
    private static int pixels(ImageData img, int step, Predicate<RGB> match) {
        int n = 0;
        for (int y = 0; y < img.height; y += step) {
            for (int x = 0; x < img.width; x += step) {
                if (match.test(img.palette.getRGB(img.getPixel(x, y)))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean ink(RGB c) {
        return c.red + c.green + c.blue < 600;
    }

    private static Path render(Path file, String shot, Predicate<Browser> loaded) throws Exception {
        return render(file, shot, loaded, b -> {
        });
    }

    /**
     * Opens the file in a Browser (WebKit) in its own shell, waits until {@code loaded} holds, lets
     * {@code inspect} look at the page, and photographs it.
     */
    private static Path render(Path file, String shot, Predicate<Browser> loaded, Consumer<Browser> inspect) throws Exception {
        Shell shell = new Shell(org.eclipse.swt.widgets.Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setBounds(40, 40, 1100, 900);
        Browser b = new Browser(shell, SWT.NONE);
        boolean[] done = { false };
        b.addProgressListener(new ProgressAdapter() {
            @Override
            public void completed(ProgressEvent event) {
                done[0] = true;
            }
        });
        shell.open();
        b.setUrl(file.toUri().toString());
        Fixture.waitUntil("the page to load", 30_000, () -> done[0]);
        Fixture.waitUntil("the page to render", 10_000, () -> loaded.test(b));
        inspect.accept(b);
        Thread.sleep(300);
        drain();
        Path png = Fixture.screenshot(shell, shot);
        shell.dispose();
        return png;
    }

    @Test
    void diagramExportsAsPngAndSvg() throws Exception {
        ResultsView v = compare("02-numa-maps-split-w1");
        Path png = tmp.resolve("diagram.png");
        v.exportPng(png);
        ImageData img = new ImageLoader().load(png.toString())[0];
        assertTrue(img.width > 200 && img.height > 100, img.width + "x" + img.height);
        int ink = pixels(img, 1, ExportTest::ink);
        assertTrue(ink > 2000, "the diagram was drawn: " + ink + " non-white pixels");
        Files.copy(png, UiTestSupport.screenshotDir().resolve("diagram-export.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path svg = tmp.resolve("diagram.svg");
        v.exportSvg(svg);
        Files.copy(svg, UiTestSupport.screenshotDir().resolve("diagram-export.svg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(doc.getElementsByTagName("rect").getLength() > 5);
        String texts = "";
        for (int i = 0; i < doc.getElementsByTagName("text").getLength(); i++) {
            texts += doc.getElementsByTagName("text").item(i).getTextContent() + "\n";
        }
        assertTrue(texts.contains("qemu") && texts.contains("numa_maps"), texts);

        // WebKit draws it: the VMA box's fill and the labels are on screen
        Path shot = render(svg, "diagram-export-svg.png", b -> {
            Object n = b.evaluate("return document.querySelectorAll('text').length;");
            return n instanceof Number x && x.intValue() > 10;
        });
        ImageData drawn = new ImageLoader().load(shot.toString())[0];
        int dark = pixels(drawn, 1, ExportTest::ink);
        assertTrue(dark > 2000, "the SVG was drawn: " + dark + " non-white pixels");
    }

    /** The Export drop-down's entries as its tool item's menu shows them: text and whether it can be chosen. */
    private static List<String> dropDown(ResultsView v) {
        org.eclipse.swt.widgets.ToolBar bar = (org.eclipse.swt.widgets.ToolBar) ((org.eclipse.jface.action.ToolBarManager) v
                .getViewSite().getActionBars().getToolBarManager()).getControl();
        org.eclipse.swt.widgets.ToolItem export = null;
        for (org.eclipse.swt.widgets.ToolItem i : bar.getItems()) {
            if (i.getToolTipText() != null && i.getToolTipText().startsWith("Export the results")) {
                export = i;
            }
        }
        assertTrue(export != null && (export.getStyle() & SWT.DROP_DOWN) != 0, "an Export drop-down on the view's tool bar");
        // what the tool item does when its arrow is clicked: it asks the menu creator for the menu and shows it
        org.eclipse.swt.widgets.Menu menu = v.exportMenu().getMenuCreator().getMenu(export.getParent());
        menu.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
        List<String> out = new ArrayList<>();
        for (org.eclipse.swt.widgets.MenuItem i : menu.getItems()) {
            if ((i.getStyle() & SWT.SEPARATOR) == 0) {
                out.add(i.getText() + (i.getEnabled() ? "" : " (disabled)"));
            }
        }
        menu.notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
        return out;
    }

    /**
     * The drop-down lists every entry each time it opens (it opened empty from its second use on), entries with
     * nothing to export are disabled instead of doing nothing, and an export leaves only its file behind.
     */
    @Test
    void exportDropDownOffersItsEntriesEveryTimeAndOnlyWhatCanBeExported() throws Exception {
        Path file = Fixture.save(Fixture.example("02-numa-maps-split-w1"), tmp, "02.pinscope");
        Fixture.open(file);
        ResultsView v = Fixture.view();
        v.refresh();
        drain();
        assertEquals(List.of("Markdown… (disabled)", "JSON (CLI --json shape)… (disabled)", "HTML Report… (disabled)",
                "Diagram as PNG…", "Diagram as SVG…", ResultsView.SAVE_COPY + " (disabled)"), dropDown(v),
                "before any exploration only the diagram can be exported");
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        v = Fixture.waitForResults(60_000);
        List<String> all = List.of("Markdown…", "JSON (CLI --json shape)…", "HTML Report…", "Diagram as PNG…",
                "Diagram as SVG…", ResultsView.SAVE_COPY);
        for (int open = 1; open <= 3; open++) {
            assertEquals(all, dropDown(v), "opened " + open + " times");
        }
        Path md = tmp.resolve("out").resolve("report.md");
        Files.createDirectories(md.getParent());
        v.exportMarkdown(md);
        v.exportPng(md.resolveSibling("d.png"));
        try (var files = Files.list(md.getParent())) {
            assertEquals(List.of("d.png", "report.md"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file left beside the exports");
        }
        assertTrue(Files.readString(md).startsWith("# "), "a Markdown report");
        // readable as any file the user writes (the umask's mode), not only by the owner as a temporary file is
        Path plain = Files.writeString(tmp.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(md));
    }

    /** A name typed without the format's extension gets it; a failure names the file and the reason in one line. */
    @Test
    void aTypedNameGetsTheFormatsExtensionAndAFailureSaysWhy() throws Exception {
        assertEquals(Path.of("/tmp/report.md"), dev.pinscope.results.internal.ExportMenu.withExtension("/tmp/report", "md"));
        assertEquals(Path.of("/tmp/d.PNG"), dev.pinscope.results.internal.ExportMenu.withExtension("/tmp/d.PNG", "png"));
        Path missing = tmp.resolve("no-such-folder").resolve("r.md");
        try {
            dev.pinscope.results.internal.ExportMenu.writeAtomically(missing, to -> Files.writeString(to, "x"));
            throw new AssertionError("wrote into a folder that does not exist");
        } catch (java.io.IOException e) {
            assertEquals("Cannot write " + missing + ": no such folder", dev.pinscope.results.internal.ExportMenu.message(missing, e));
        }
    }
}
