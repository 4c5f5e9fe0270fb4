package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;

/**
 * Issue 11 point 6: on a 1600x1000 screen the Debug perspective shows the Debug view, Variables, the listing and
 * the diagram side by side, the Timeline and the Scheduler, none maximized; and Shift+F5 is Step Back while
 * debugging (not the platform's Use Step Filters). Read from the parts' controls: visible, on screen, not
 * overlapping. Waits for the layout by condition (every part showing and the bounds unchanged between two
 * passes of the event loop), never by a fixed sleep.
 */
class DebugLayoutTest {

    private static final String PERSPECTIVE = "dev.pinscope.app.perspective.debug";

    @BeforeEach
    void setUp() throws Exception {
        noPerspectivePrompts();
        removeAllBreakpoints();
        terminateAll();
    }

    @AfterEach
    void tearDown() throws Exception {
        terminateAll();
        removeAllBreakpoints();
        window().getActivePage().closeAllEditors(false);
    }

    @Test
    void debugPerspectiveShowsEverythingSideBySideAt1600x1000() throws Exception {
        Display display = window().getShell().getDisplay();
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        assertEquals(1600, screen.width, "the test runs on a 1600x1000 screen (xvfb-run -s \"-screen 0 1600x1000x24\")");
        window().getShell().setBounds(screen);
        IWorkbenchPage page = window().getActivePage();
        page.closeAllEditors(false);
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PERSPECTIVE));
        page.resetPerspective();
        Path file = exampleFile(EXAMPLE);
        IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toUri()));
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PATCH_V1"));
        assertTrue(t.isSuspended());

        Map<String, Control> parts = new LinkedHashMap<>();
        Map<String, Rectangle> last = new LinkedHashMap<>();
        String[] why = {""};
        try {
            waitUntil("every part shows and the layout is still", 60_000, () -> {
                parts.clear();
                IEditorPart listing = editor(page, PinscopeLaunch.LISTING_EDITOR_ID);
                IEditorPart diagram = editor(page, "dev.pinscope.diagram.editor");
                parts.put("Debug", control(page.findView(IDebugUIConstants.ID_DEBUG_VIEW)));
                parts.put("Variables", control(page.findView(IDebugUIConstants.ID_VARIABLE_VIEW)));
                parts.put("diagram", control(diagram));
                parts.put("listing", control(listing));
                parts.put("Timeline", control(page.findView(PinscopeLaunch.TIMELINE_VIEW_ID)));
                parts.put("Scheduler", control(page.findView(PinscopeLaunch.SCHEDULER_VIEW_ID)));
                Map<String, Rectangle> now = new LinkedHashMap<>();
                for (var e : parts.entrySet()) {
                    Control c = e.getValue();
                    if (c == null || c.isDisposed() || !c.isVisible()) {
                        why[0] = e.getKey() + (c == null ? " has no control" : " is not showing");
                        return false;
                    }
                    Rectangle r = display.map(c.getParent(), null, c.getBounds());
                    if (r.width < 150 || r.height < 100) {
                        // e.g. the listing's own stack is created after the editor opens, and sized later
                        why[0] = e.getKey() + " is only " + r.width + "x" + r.height;
                        return false;
                    }
                    now.put(e.getKey(), r);
                }
                boolean still = now.equals(last);
                why[0] = "the layout still moves: " + now;
                last.clear();
                last.putAll(now);
                return still;
            });
        } catch (AssertionError e) {
            screenshot(window().getShell(), "debug-layout-failure.png");
            throw new AssertionError(e.getMessage() + ": " + why[0], e);
        }

        List<String> problems = new ArrayList<>();
        for (var e : last.entrySet()) {
            Rectangle r = e.getValue();
            if (!screen.contains(r.x, r.y) || !screen.contains(r.x + r.width - 1, r.y + r.height - 1)) {
                problems.add(e.getKey() + " " + r + " is not on the screen " + screen);
            }
        }
        List<String> names = new ArrayList<>(last.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (last.get(names.get(i)).intersects(last.get(names.get(j)))) {
                    problems.add(names.get(i) + " " + last.get(names.get(i)) + " overlaps " + names.get(j) + " "
                            + last.get(names.get(j)));
                }
            }
        }
        Rectangle d = last.get("diagram");
        Rectangle l = last.get("listing");
        if (!(d.x + d.width <= l.x || l.x + l.width <= d.x) || d.y >= l.y + l.height || l.y >= d.y + d.height) {
            problems.add("the listing " + l + " is not beside the diagram " + d);
        }
        for (IWorkbenchPartReference ref : page.getViewReferences()) {
            if (page.getPartState(ref) == IWorkbenchPage.STATE_MAXIMIZED) {
                problems.add(ref.getId() + " is maximized");
            }
        }
        for (IEditorReference ref : page.getEditorReferences()) {
            if (page.getPartState(ref) == IWorkbenchPage.STATE_MAXIMIZED) {
                problems.add(ref.getId() + " is maximized");
            }
        }
        screenshot(window().getShell(), "debug-layout-1600x1000.png");
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\nbounds: " + last);
    }

    /**
     * As a user starts: in the Design perspective with the example open, Debug. The platform switches to the
     * Debug perspective on the first suspend and opens the listing there; at that first stop (nothing resumed
     * since) the listing and the diagram are both showing, side by side, not stacked as tabs.
     */
    @Test
    void theFirstStopAfterDebugFromDesignShowsTheListingBesideTheDiagram() throws Exception {
        Display display = window().getShell().getDisplay();
        window().getShell().setBounds(display.getPrimaryMonitor().getClientArea());
        IWorkbenchPage page = window().getActivePage();
        page.closeAllEditors(false);
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId("dev.pinscope.app.perspective.design"));
        page.resetPerspective();
        // a fresh workspace: the Debug perspective is first built by the switch on this launch
        page.closePerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PERSPECTIVE), false, false);
        Path file = exampleFile(EXAMPLE);
        IEditorPart scenario = IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toUri()));
        page.activate(scenario);
        // the editor's Debug button (a launch job, as the user's click runs it)
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("dev.pinscope.debug.debugScenario", null);
        PinscopeDebugTarget[] target = new PinscopeDebugTarget[1];
        waitUntil("a suspended Pinscope target", 60_000, () -> {
            for (var l : org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
                if (l.getDebugTargets().length > 0 && l.getDebugTargets()[0] instanceof PinscopeDebugTarget pt && pt.isSuspended()) {
                    target[0] = pt;
                }
            }
            return target[0] != null;
        });
        PinscopeDebugTarget t = target[0];
        long firstStop = t.run().position();
        String[] why = {""};
        try {
            waitUntil("the Debug perspective shows the listing beside the diagram", 60_000, () -> {
                IWorkbenchPage p = window().getActivePage();
                if (!PERSPECTIVE.equals(p.getPerspective().getId())) {
                    why[0] = "still in " + p.getPerspective().getId();
                    return false;
                }
                IEditorPart listing = editor(p, PinscopeLaunch.LISTING_EDITOR_ID);
                IEditorPart diagram = editor(p, "dev.pinscope.diagram.editor");
                if (listing == null || diagram == null || !p.isPartVisible(listing) || !p.isPartVisible(diagram)) {
                    why[0] = "showing: listing " + (listing != null && p.isPartVisible(listing)) + ", diagram "
                            + (diagram != null && p.isPartVisible(diagram));
                    return false;
                }
                Control l = control(listing);
                Control d = control(diagram);
                if (l == null || d == null || !l.isVisible() || !d.isVisible()) {
                    why[0] = "a control is not showing";
                    return false;
                }
                Rectangle lr = display.map(l.getParent(), null, l.getBounds());
                Rectangle dr = display.map(d.getParent(), null, d.getBounds());
                why[0] = "listing " + lr + ", diagram " + dr;
                return lr.width >= 150 && dr.width >= 150 && !lr.intersects(dr);
            });
        } catch (AssertionError e) {
            screenshot(window().getShell(), "debug-first-stop-failure.png");
            throw new AssertionError(e.getMessage() + ": " + why[0], e);
        }
        assertEquals(firstStop, t.run().position(), "still the first stop");
        assertTrue(t.isSuspended());
        screenshot(window().getShell(), "debug-first-stop.png");
    }

    @Test
    void shiftF5IsStepBackWhileDebugging() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PERSPECTIVE));
        Path file = exampleFile(EXAMPLE);
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PATCH_V1"));
        t.thread(0).stepInto();
        t.thread(0).stepInto();
        page.activate(page.findView(IDebugUIConstants.ID_DEBUG_VIEW));
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        KeySequence shiftF5 = KeySequence.getInstance("Shift+F5");
        String[] bound = new String[1];
        // the debugging context becomes active with the suspended launch: then Shift+F5 has one meaning
        waitUntil("Shift+F5 is bound while debugging", 20_000, () -> {
            Binding b = bindings.getPerfectMatch(shiftF5);
            bound[0] = b == null ? null : b.getParameterizedCommand().getId();
            return "dev.pinscope.debug.stepBack".equals(bound[0]);
        });
        assertNotNull(bound[0], "a conflict would leave Shift+F5 unbound");
        long before = t.run().position();
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(bound[0], null);
        waitUntil("Step Back moved the run", 20_000, () -> t.run().position() == before - 1);
    }

    /** The showing editor of that kind (the one on top of its stack), else any. */
    private static IEditorPart editor(IWorkbenchPage page, String id) {
        IEditorPart any = null;
        for (IEditorReference r : page.getEditorReferences()) {
            IEditorPart e = r.getEditor(false);
            if (id.equals(r.getId()) && e != null) {
                if (page.isPartVisible(e)) {
                    return e;
                }
                any = e;
            }
        }
        return any;
    }

    /** The part's own control: the composite the workbench gave the part, which its contents fill. */
    private static Control control(IWorkbenchPart part) {
        if (part == null) {
            return null;
        }
        MPart model = part.getSite().getService(MPart.class);
        return model != null && model.getWidget() instanceof Control ctl ? ctl : null;
    }
}
