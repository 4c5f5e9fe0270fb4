package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeLineBreakpoint;
import dev.pinscope.debug.internal.ui.SchedulerView;
import dev.pinscope.debug.internal.ui.TimelineView;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.engine.ActorView;

/**
 * Lockstep: after every debug action, every view displays the engine's state at the run's position. Over
 * 60 mixed actions on examples 02, 04 and 13 (steps into/over/return of any actor, Step Back, Run Back,
 * Resume to a breakpoint or the end, Resume then Suspend, Timeline clicks, Scheduler picks, new launches)
 * each view's widgets are read and compared with a fresh replay of the engine trace ({@link ShownState}).
 */
class LockstepTest {

    private static final String[] EXAMPLES = { "02-numa-maps-split-w1", "04-adversarial-livelock", "13-4k-only-small" };
    private static final int ACTIONS_PER_EXAMPLE = 22;

    private final List<String> log = new ArrayList<>();
    private int actions;

    @BeforeEach
    void setUp() throws Exception {
        terminateAll();
        IWorkbenchPage page = debugPerspective();
        page.showView(TimelineView.ID);
        page.showView(SchedulerView.ID);
        settle(300);
    }

    @AfterEach
    void tearDown() throws Exception {
        terminateAll();
        removeAllBreakpoints();
        settle(300);
    }

    @Test
    void everyViewShowsTheEnginesStepAfterEveryAction() throws Exception {
        Random random = new Random(11);
        IWorkbenchPage page = window().getActivePage();
        for (String example : EXAMPLES) {
            Path file = exampleFile(example);
            IEditorPart editor = IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toUri()));
            IScenarioDiagram diagram = ShownState.diagramOf(editor);
            page.activate(editor);
            ILaunch launch = PinscopeLaunch.debug(file, "PATCH_V1");
            PinscopeDebugTarget t = targetOf(launch);
            ShownState shown = new ShownState(page, t, diagram);
            new PinscopeLineBreakpoint(t.simulation().listing(), DebuggerTest.f2Line(t.simulation().listing()));
            check(shown, example + ": new launch");
            for (int i = 0; i < ACTIONS_PER_EXAMPLE; i++) {
                String what = act(t, random);
                check(shown, example + ": " + what);
            }
            screenshot(window().getShell(), "lockstep-" + example + ".png");
            removeAllBreakpoints();
        }
        assertTrue(actions >= 60, actions + " actions");
    }

    private String act(PinscopeDebugTarget t, Random random) throws Exception {
        actions++;
        List<Integer> runnable = new ArrayList<>();
        for (ActorView a : t.state().actors()) {
            if (a.status() == ActorView.Status.RUNNABLE) {
                runnable.add(a.index());
            }
        }
        int kind = random.nextInt(10);
        if (runnable.isEmpty() && kind < 5) {
            kind = 5;
        }
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        switch (kind) {
            case 0, 1 -> {
                int a = runnable.get(random.nextInt(runnable.size()));
                t.thread(a).stepInto();
                return "Step Into " + t.simulation().actorNames().get(a);
            }
            case 2 -> {
                int a = runnable.get(random.nextInt(runnable.size()));
                t.thread(a).stepOver();
                return "Step Over " + t.simulation().actorNames().get(a);
            }
            case 3 -> {
                int a = runnable.get(random.nextInt(runnable.size()));
                if (t.thread(a).canStepReturn()) {
                    t.thread(a).stepReturn();
                    return "Step Return " + t.simulation().actorNames().get(a);
                }
                t.thread(a).stepInto();
                return "Step Into " + t.simulation().actorNames().get(a);
            }
            case 4 -> {
                SchedulerView view = (SchedulerView) window().getActivePage().findView(SchedulerView.ID);
                int a = runnable.get(random.nextInt(runnable.size()));
                Table table = view.table();
                table.setSelection(a);
                table.notifyListeners(SWT.DefaultSelection, new Event());
                return "Scheduler pick " + t.simulation().actorNames().get(a);
            }
            case 5 -> {
                if (t.run().position() == 0) {
                    return resume(t);
                }
                handlers.executeCommand("dev.pinscope.debug.stepBack", null);
                return "Step Back";
            }
            case 6 -> {
                TimelineView view = (TimelineView) window().getActivePage().findView(TimelineView.ID);
                Table table = view.table();
                int row = random.nextInt(table.getItemCount());
                table.setSelection(row);
                table.notifyListeners(SWT.Selection, new Event());
                return "Timeline click on row " + row;
            }
            case 7 -> {
                if (t.run().position() == 0) {
                    return resume(t);
                }
                handlers.executeCommand("dev.pinscope.debug.runBack", null);
                return "Run Back to Previous Breakpoint";
            }
            case 8 -> {
                t.resume();
                t.suspend();
                waitUntil("the run suspends", 30_000, t::isSuspended);
                return "Resume, then Suspend";
            }
            default -> {
                return resume(t);
            }
        }
    }

    private static String resume(PinscopeDebugTarget t) throws Exception {
        assertTrue(t.resumeAndWait(60_000), "Resume comes back suspended");
        return "Resume (to " + t.stopReason() + ")";
    }

    private void check(ShownState shown, String action) throws Exception {
        log.add(action);
        // the views catch up through label jobs and async UI runnables: on a loaded 2-core machine the first
        // labels of a new launch took more than 10 s; the wait ends as soon as everything agrees
        long end = System.currentTimeMillis() + 60_000;
        List<String> wrong = shown.disagreements();
        while (!wrong.isEmpty() && System.currentTimeMillis() < end) {
            settle(50);
            wrong = shown.disagreements();
        }
        if (!wrong.isEmpty()) {
            screenshot(window().getShell(), "lockstep-failure.png");
            fail("after '" + action + "' (action " + actions + "; before: "
                    + log.subList(Math.max(0, log.size() - 6), log.size() - 1) + ") the views disagree with the engine:\n  "
                    + String.join("\n  ", wrong));
        }
    }

    static boolean noLaunches() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunches().length == 0;
    }
}
