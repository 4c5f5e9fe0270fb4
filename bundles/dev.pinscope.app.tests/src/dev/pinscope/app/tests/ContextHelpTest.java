package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;

/**
 * F1 in each part a Pinscope user works in opens the Help view on that part's page of the user guide: the key is
 * pressed through the display (as the keyboard does) with the part focused, and the Help view's displayed texts
 * must name the part's topic.
 */
class ContextHelpTest {

    private static final String HELP_VIEW = "org.eclipse.help.ui.HelpView";

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static void drain(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        do {
            while (display.readAndDispatch()) {
                // run what F1 started
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } while (System.currentTimeMillis() < end);
    }

    @AfterEach
    void reset() {
        IViewPart help = page().findView(HELP_VIEW);
        if (help != null) {
            page().hideView(help);
        }
        page().closeAllEditors(false);
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("dev.pinscope.app.perspective.design"));
        drain(100);
    }

    /** Every text the Help view shows (labels, links, section titles, form text). */
    static List<String> helpTexts() {
        IViewPart help = page().findView(HELP_VIEW);
        List<String> out = new ArrayList<>();
        if (help != null && help.getSite() instanceof org.eclipse.ui.internal.PartSite site
                && site.getModel().getWidget() instanceof Control root) {
            collect(root, out);
        }
        return out;
    }

    private static void collect(Control c, List<String> out) {
        if (!c.isVisible()) {
            return;
        }
        for (String getter : new String[] {"getText", "getToolTipText"}) {
            try {
                Object t = c.getClass().getMethod(getter).invoke(c);
                if (t instanceof String s && !s.isBlank()) {
                    out.add(s);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a control without that getter
            }
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    /** Focuses {@code part}, presses F1 and waits until the Help view shows {@code topic}. */
    private static void f1Shows(IWorkbenchPart part, String topic, List<String> failures, Map<String, List<String>> seen) {
        IViewPart old = page().findView(HELP_VIEW);
        if (old != null) {
            page().hideView(old);
        }
        page().activate(part);
        part.setFocus();
        drain(200);
        Control focus = Display.getCurrent().getFocusControl();
        EditingTest.shellToFront(part.getSite().getShell());
        Control target = focus != null ? focus
                : dev.pinscope.app.internal.PartHelp.partControl(part) instanceof Control c ? c : null;
        if (target != null) {
            EditingTest.clickEmptyCorner(target); // the user clicks into the part, then presses F1
        }
        EditingTest.xdotool("key", "F1");
        List<String> texts = List.of();
        long end = System.currentTimeMillis() + 8000;
        while (System.currentTimeMillis() < end) {
            drain(200);
            texts = helpTexts();
            if (texts.stream().anyMatch(t -> t.contains(topic))) {
                break;
            }
        }
        seen.put(part.getTitle(), texts);
        if (texts.stream().noneMatch(t -> t.contains(topic))) {
            failures.add(part.getTitle() + ": F1 did not show \"" + topic + "\" (focus " + focus + "), Help view: " + texts);
        }
    }

    @Test
    void f1OpensThePartsTopicInEveryPinscopePart() throws Exception {
        List<String> failures = new ArrayList<>();
        Map<String, List<String>> seen = new LinkedHashMap<>();
        IWorkbenchPage page = page();
        IWorkbenchPart editor = PinscopeWorkbenchAdvisor.openWelcomeExample(page);
        drain(300);
        f1Shows(editor, "Scenario editor", failures, seen);
        WorkbenchTest.screenshot(page.getWorkbenchWindow().getShell(), "f1-scenario-editor.png");
        f1Shows(page.showView("org.eclipse.ui.views.PropertySheet"), "Scenario properties", failures, seen);
        f1Shows(page.showView("dev.pinscope.results.view"), "Exploring every interleaving", failures, seen);

        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("dev.pinscope.app.perspective.debug"));
        drain(300);
        for (String view : List.of("org.eclipse.debug.ui.DebugView", "org.eclipse.debug.ui.VariableView",
                "org.eclipse.debug.ui.BreakpointView")) {
            f1Shows(page.showView(view), "Pinscope: stepping through the pin path", failures, seen);
        }
        f1Shows(page.showView("dev.pinscope.debug.timeline"), "Timeline", failures, seen);
        f1Shows(page.showView("dev.pinscope.debug.scheduler"), "Scheduler", failures, seen);
        WorkbenchTest.screenshot(page.getWorkbenchWindow().getShell(), "f1-scheduler.png");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertNotNull(page.findView(HELP_VIEW), "the Help view is open");
    }
}
