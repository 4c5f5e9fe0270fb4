package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Help › Help Contents as a user sees it: the help window's page, read from its browser (WebKit) frame by frame.
 * It must open on the Pinscope User Guide's first page with the guide's contents expanded in the TOC. The time
 * from the command to that rendered page is written to target/help-timing.txt, cold (first opening in the
 * session: help server start) and warm (opened again).
 */
class HelpContentsTest {

    /** Every frame of the page: its address and the first characters of its visible text. */
    private static final String FRAMES_JS = """
            function walk(w) {
              var out = '';
              try {
                var text = w.document && w.document.body ? w.document.body.innerText : '';
                out += w.location.href + ' ||| ' + text.replace(/\\s+/g, ' ').substring(0, 600) + '\\n';
                for (var i = 0; i < w.frames.length; i++) { out += walk(w.frames[i]); }
              } catch (e) { out += 'inaccessible frame\\n'; }
              return out;
            }
            return walk(window);""";

    private static Browser findBrowser(Control c) {
        if (c instanceof Browser b) {
            return b;
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                Browser b = findBrowser(child);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    /** Opens Help Contents and waits until the guide's first page and its expanded TOC are rendered. */
    private static long openAndWait(List<String> frames) throws Exception {
        Display display = Display.getCurrent();
        long t0 = System.nanoTime();
        // Help › Help Contents, as the menu runs it
        org.eclipse.jface.action.IAction helpContents = findHelpContents();
        helpContents.run();
        long end = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // let the help window load
            }
            for (Shell shell : display.getShells()) {
                Browser browser = shell.isDisposed() || !shell.isVisible() ? null : findBrowser(shell);
                if (browser != null) {
                    Object result = browser.evaluate(FRAMES_JS);
                    String text = result instanceof String s ? s : "";
                    if (rendered(text)) {
                        frames.clear();
                        frames.addAll(List.of(text.split("\n")));
                        return (System.nanoTime() - t0) / 1_000_000;
                    }
                    frames.clear();
                    frames.add(text);
                }
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** The Help menu's Help Contents item's action, as the user picks it. */
    private static org.eclipse.jface.action.IAction findHelpContents() {
        var bar = ((org.eclipse.ui.internal.WorkbenchWindow) PlatformUI.getWorkbench().getActiveWorkbenchWindow()).getMenuManager();
        var help = (org.eclipse.jface.action.MenuManager) bar.find("help");
        var item = help.find(org.eclipse.ui.actions.ActionFactory.HELP_CONTENTS.getId());
        return ((org.eclipse.jface.action.ActionContributionItem) item).getAction();
    }

    /** The guide's first page is shown and the TOC lists the guide's chapters (the book is expanded). */
    static boolean rendered(String frames) {
        boolean page = false;
        boolean toc = false;
        for (String line : frames.split("\n")) {
            String[] f = line.split(" \\|\\|\\| ", 2);
            if (f.length < 2) {
                continue;
            }
            page |= f[0].contains("/dev.pinscope.help/html/overview.html") && f[1].contains("Where to start");
            toc |= f[0].contains("toc") && f[1].contains("Pinscope User Guide") && f[1].contains("Getting started")
                    && f[1].contains("Retry policies and what the list said");
        }
        return page && toc;
    }

    private static void closeHelpWindow() {
        Display display = Display.getCurrent();
        for (Shell shell : display.getShells()) {
            if (!shell.isDisposed() && findBrowser(shell) != null && shell != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()) {
                shell.close();
            }
        }
        while (display.readAndDispatch()) {
            // close
        }
    }

    @Test
    void helpContentsOpensTheGuidesFirstPageWithItsContentsExpanded() throws Exception {
        List<String> frames = new ArrayList<>();
        long cold = openAndWait(frames);
        assertTrue(cold >= 0, "Help Contents did not show the guide's first page with an expanded TOC: " + frames);
        Shell helpShell = null;
        for (Shell s : Display.getCurrent().getShells()) {
            if (findBrowser(s) != null) {
                helpShell = s;
            }
        }
        assertNotNull(helpShell);
        WorkbenchTest.screenshot(helpShell, "help-contents.png");
        closeHelpWindow();
        long warm = openAndWait(frames);
        assertTrue(warm >= 0, "the second Help Contents did not render: " + frames);
        closeHelpWindow();
        Path out = Path.of(System.getProperty("pinscope.screenshots", "target/screenshots")).resolveSibling("help-timing.txt");
        Files.writeString(out, "Help Contents to the rendered first page: cold " + cold + " ms, warm " + warm + " ms\n");
        System.out.println("Help Contents: cold " + cold + " ms, warm " + warm + " ms");
    }
}
