package dev.pinscope.debug.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.testsupport.UiTestSupport;

/** Helpers shared by the debugger tests: example files, waiting on the UI thread, variables by path. */
final class DebugTestSupport {

    static final String EXAMPLE = "02-numa-maps-split-w1";

    private DebugTestSupport() {
    }

    /** A shipped example written to a temporary .pinscope file (the launch contract takes a path). */
    static Path exampleFile(String id) throws Exception {
        LoadResult r = Examples.load(id);
        assertTrue(r.ok(), r.firstProblem());
        Path dir = Files.createTempDirectory("pinscope-debug-test");
        Path f = dir.resolve(id + ".pinscope");
        assertTrue(Scenarios.save(r.scenario(), f).ok());
        return f;
    }

    /** Debug launches must not stop on a "switch perspective?" prompt in tests. */
    static void noPerspectivePrompts() {
        var prefs = InstanceScope.INSTANCE.getNode("org.eclipse.debug.ui");
        prefs.put("org.eclipse.debug.ui.switch_perspective_on_suspend", "always");
        prefs.put("org.eclipse.debug.ui.switch_to_perspective", "always");
    }

    /**
     * The state every workbench debugger test starts from: no perspective prompts, no breakpoints, the window
     * filling the screen (no window manager under Xvfb: sized by hand), the Debug perspective. Returns its page.
     */
    static IWorkbenchPage debugPerspective() throws Exception {
        noPerspectivePrompts();
        removeAllBreakpoints();
        window().getShell().setBounds(window().getShell().getDisplay().getPrimaryMonitor().getClientArea());
        IWorkbenchPage page = window().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId("dev.pinscope.app.perspective.debug"));
        return page;
    }

    static PinscopeDebugTarget targetOf(ILaunch launch) {
        assertEquals(1, launch.getDebugTargets().length, "one target per launch");
        return (PinscopeDebugTarget) launch.getDebugTargets()[0];
    }

    static void waitUntil(String what, long timeoutMillis, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting until " + what);
            }
            Display d = Display.getCurrent();
            if (d != null) {
                if (!d.readAndDispatch()) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            } else {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        drain();
    }

    /** The variable at a path of names, e.g. "kernel", "locks", "mmap_lock". */
    static IVariable variable(IStackFrame frame, String... path) throws Exception {
        IVariable[] vars = frame.getVariables();
        IVariable found = null;
        for (String name : path) {
            found = null;
            for (IVariable v : vars) {
                if (v.getName().equals(name)) {
                    found = v;
                }
            }
            if (found == null) {
                fail("no variable " + name + " in " + Arrays.stream(vars).map(v -> {
                    try {
                        return v.getName();
                    } catch (Exception e) {
                        return "?";
                    }
                }).toList() + " (path " + List.of(path) + ")");
            }
            vars = found.getValue().getVariables();
        }
        return found;
    }

    static String value(IStackFrame frame, String... path) throws Exception {
        return variable(frame, path).getValue().getValueString();
    }

    static void removeAllBreakpoints() throws Exception {
        var mgr = DebugPlugin.getDefault().getBreakpointManager();
        mgr.removeBreakpoints(mgr.getBreakpoints(), true);
    }

    static void terminateAll() throws Exception {
        for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (l.canTerminate()) {
                l.terminate();
            }
            DebugPlugin.getDefault().getLaunchManager().removeLaunch(l);
        }
        drain();
    }

    /**
     * The Debug perspective in its own layout with the given views showing, whatever earlier tests left (one may
     * have left Breakpoints over Variables, whose tree is then never filled).
     */
    static IWorkbenchPage debugPerspectiveShowing(String... viewIds) throws Exception {
        IWorkbenchPage page = debugPerspective();
        page.resetPerspective();
        for (String id : viewIds) {
            page.showView(id);
        }
        settle(300);
        return page;
    }

    /** After a test: no launch, no breakpoint and no editor left for the next one. */
    static void cleanUp(IWorkbenchPage page) throws Exception {
        terminateAll();
        removeAllBreakpoints();
        page.closeEditors(page.getEditorReferences(), false);
        settle(200);
    }

    static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    static boolean hasBreakpoint(IBreakpoint[] bps, IBreakpoint b) {
        return Arrays.asList(bps).contains(b);
    }

    /** Runs the event loop for a while so the asynchronous viewers (Debug, Variables) finish updating. */
    static void settle(long millis) {
        long end = System.currentTimeMillis() + millis;
        Display d = Display.getCurrent();
        while (System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static Path screenshot(Shell shell, String name) throws Exception {
        settle(1500);
        return UiTestSupport.screenshot(shell, name);
    }
}
