package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.internal.WorkbenchWindow;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.HelpServer;

/**
 * Help › Help Contents as a user sees it: the help window's page, read from its browser (WebKit) frame by frame.
 * It must open on the Pinscope User Guide's first page with the guide's contents expanded in the TOC. The time from
 * the menu item to that rendered page is written to target/help-timing.txt: cold (the session's first opening, help
 * server start included: the tests run without the background warm-up) and warm (opened again).
 */
class HelpContentsTest {

    /**
     * Every frame of the page, one line each: its address, the start of its visible text and the links that are
     * laid out (a collapsed book's topics are in the document but take no space, so they are not listed).
     */
    private static final String FRAMES_JS = """
            function walk(w) {
              var out = '';
              try {
                var text = w.document && w.document.body ? w.document.body.innerText : '';
                var links = Array.prototype.slice.call(w.document.querySelectorAll('a'))
                    .filter(function (a) { return a.getClientRects().length > 0 && a.offsetHeight > 0; })
                    .map(function (a) { return a.innerText.trim(); }).join(' | ');
                out += w.location.href + ' ||| ' + text.replace(/\\s+/g, ' ').substring(0, 800) + ' ||| ' + links + '\\n';
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

    private static Shell helpWindow() {
        Shell workbench = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (Shell shell : Display.getCurrent().getShells()) {
            if (shell != workbench && !shell.isDisposed() && shell.isVisible() && findBrowser(shell) != null) {
                return shell;
            }
        }
        return null;
    }

    /** The Help menu's Help Contents item's action, as the user picks it. */
    private static IAction helpContents() {
        var bar = ((WorkbenchWindow) PlatformUI.getWorkbench().getActiveWorkbenchWindow()).getMenuManager();
        var help = (MenuManager) bar.find("help");
        return ((ActionContributionItem) help.find(ActionFactory.HELP_CONTENTS.getId())).getAction();
    }

    /** The guide's first page is shown and the TOC shows the guide's chapters as links (its book is expanded). */
    static boolean rendered(String frames) {
        boolean page = false;
        boolean toc = false;
        for (String line : frames.split("\n")) {
            String[] f = line.split(" \\|\\|\\| ", 3);
            if (f.length < 3) {
                continue;
            }
            page |= f[0].contains("/dev.pinscope.help/html/overview.html") && f[1].contains("Where to start");
            List<String> links = List.of(f[2].split(" \\| "));
            toc |= f[0].contains("tocView.jsp") && links.containsAll(List.of("Pinscope User Guide", "Overview", "Getting started",
                    "Retry policies and what the list said", "Command line reference"));
        }
        return page && toc;
    }

    /** Picks Help Contents and waits until the help window shows the rendered page; returns ms, or -1. */
    private static long openAndWait(String[] lastFrames) {
        long t0 = System.nanoTime();
        helpContents().run();
        long[] nextPoll = {0};
        boolean ok = HelpTexts.waitUntil(() -> {
            if (System.nanoTime() < nextPoll[0]) {
                return false;
            }
            nextPoll[0] = System.nanoTime() + 100_000_000L;
            Shell shell = helpWindow();
            if (shell == null) {
                return false;
            }
            Object result = findBrowser(shell).evaluate(FRAMES_JS);
            lastFrames[0] = result instanceof String s ? s : String.valueOf(result);
            return rendered(lastFrames[0]);
        }, 90_000);
        return ok ? (System.nanoTime() - t0) / 1_000_000 : -1;
    }

    private static void closeHelpWindow() {
        Shell shell = helpWindow();
        if (shell != null) {
            shell.close();
        }
        HelpTexts.waitUntil(() -> helpWindow() == null, 10_000);
    }

    @Test
    void helpContentsOpensTheGuidesFirstPageWithItsContentsExpanded() throws Exception {
        assertFalse(HelpServer.isRunning(), "the tests run without the help warm-up, so this opening is cold");
        String[] frames = {""};
        long cold = openAndWait(frames);
        if (cold < 0 && helpWindow() != null) {
            WorkbenchTest.screenshot(helpWindow(), "help-contents-failed.png");
            frames[0] += "\nHTML: " + findBrowser(helpWindow()).evaluate("return document.documentElement.outerHTML.substring(0, 3000) + ' frames=' + window.frames.length + ' state=' + document.readyState;");
        }
        assertTrue(cold >= 0, "Help Contents did not show the guide's first page with an expanded TOC: " + frames[0]);
        System.out.println("Help window frames:\n" + frames[0]);
        Shell shell = helpWindow();
        assertNotNull(shell);
        // WebKit paints in its own process: let it put the expanded contents on the screen before the picture
        long until = System.currentTimeMillis() + 1500;
        HelpTexts.waitUntil(() -> System.currentTimeMillis() > until, 5000);
        WorkbenchTest.screenshot(shell, "help-contents.png");
        closeHelpWindow();
        long warm = openAndWait(frames);
        assertTrue(warm >= 0, "the second Help Contents did not render: " + frames[0]);
        closeHelpWindow();
        Path out = Path.of(System.getProperty("pinscope.screenshots", "target/screenshots")).resolveSibling("help-timing.txt");
        Files.writeString(out, "Help Contents to the rendered first page: cold " + cold + " ms, warm " + warm + " ms\n");
        System.out.println("Help Contents to the rendered first page: cold " + cold + " ms, warm " + warm + " ms");
    }
}
