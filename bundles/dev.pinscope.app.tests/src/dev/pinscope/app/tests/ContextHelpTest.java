package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.DebugPerspective;
import dev.pinscope.app.internal.DesignPerspective;
import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;

/**
 * F1 in each part a Pinscope user works in opens the Help view on that part's help: the part is focused, F1 is
 * pressed as the keyboard does (key events posted to the display, so the key binding service turns it into the
 * help command) and the Help view's displayed title and text must be that part's context help.
 */
class ContextHelpTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void reset() {
        IViewPart help = page().findView(HelpTexts.HELP_VIEW);
        if (help != null) {
            page().hideView(help);
        }
        page().closeAllEditors(false);
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(DesignPerspective.ID));
    }

    private static void pressF1() {
        Display display = Display.getCurrent();
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event key = new Event();
            key.type = type;
            key.keyCode = SWT.F1;
            assertTrue(display.post(key), "F1 could not be posted to the display");
        }
    }

    /** Focuses {@code part}, presses F1; records a failure unless the Help view then shows every text of {@code shown}. */
    private static void f1Shows(IWorkbenchPart part, List<String> failures, String... shown) {
        IWorkbenchPage page = page();
        IViewPart old = page.findView(HelpTexts.HELP_VIEW);
        if (old != null) {
            page.hideView(old);
        }
        page.activate(part);
        part.getSite().getShell().forceActive(); // no window manager under Xvfb: the shell must take the keyboard itself
        part.setFocus();
        HelpTexts.waitUntil(() -> part.getSite().getShell() == Display.getCurrent().getActiveShell(), 5000);
        pressF1();
        boolean ok = HelpTexts.waitUntil(() -> {
            String all = String.join("\n", HelpTexts.helpView(page));
            return List.of(shown).stream().allMatch(all::contains);
        }, 30_000);
        if (!ok) {
            failures.add(part.getTitle() + ": F1 did not show " + List.of(shown) + "; Help view: " + HelpTexts.helpView(page));
        }
    }

    @Test
    void f1OpensThePartsHelpInEveryPinscopePart() throws Exception {
        List<String> failures = new ArrayList<>();
        IWorkbenchPage page = page();
        IWorkbenchPart editor = PinscopeWorkbenchAdvisor.openWelcomeExample(page);
        f1Shows(editor, failures, "Scenario editor", "draws the address space", "The scenario model in kernel terms");
        WorkbenchTest.screenshot(page.getWorkbenchWindow().getShell(), "f1-scenario-editor.png");
        f1Shows(page.showView("org.eclipse.ui.views.PropertySheet"), failures, "Scenario properties", "Addresses are hexadecimal");
        f1Shows(page.showView("dev.pinscope.results.view"), failures, "Results", "Policy by result table", "Exploring every interleaving");

        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(DebugPerspective.ID));
        f1Shows(page.showView("org.eclipse.debug.ui.DebugView"), failures, "each actor of the scenario is a thread",
                "Pinscope: stepping through the pin path");
        f1Shows(page.showView("org.eclipse.debug.ui.VariableView"), failures, "the locals of the selected kernel frame");
        f1Shows(page.showView("org.eclipse.debug.ui.BreakpointView"), failures, "breakpoints sit on lines of the algorithm listing");
        f1Shows(page.showView("dev.pinscope.debug.timeline"), failures, "Timeline", "Every atomic step of the run");
        f1Shows(page.showView("dev.pinscope.debug.scheduler"), failures, "Scheduler", "Which actors can run next");
        WorkbenchTest.screenshot(page.getWorkbenchWindow().getShell(), "f1-scheduler.png");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
