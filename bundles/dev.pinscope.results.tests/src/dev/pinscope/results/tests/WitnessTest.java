package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ResultsView;
import dev.pinscope.results.internal.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Double-click in the Results view: a shortest witness or a livelock lasso opens in the debugger at step 0. */
class WitnessTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() throws Exception {
        for (ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (l.canTerminate()) {
                l.terminate();
            }
            DebugPlugin.getDefault().getLaunchManager().removeLaunch(l);
        }
        Fixture.reset();
    }

    @org.junit.jupiter.api.BeforeEach
    void productSwitchesToDebugWithoutAsking() {
        // the product's plugin_customization.ini; were it missing, a modal prompt would hang this test
        assertEquals("always", org.eclipse.core.runtime.Platform.getPreferencesService().getString(
                "org.eclipse.debug.ui", "org.eclipse.debug.ui.switch_perspective_on_suspend", "", null));
    }

    private ResultsView compare(String example) throws Exception {
        Path file = Fixture.save(Fixture.example(example), tmp, example + ".pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        return Fixture.waitForResults(60_000);
    }

    private static PinscopeDebugTarget target(ILaunch launch) {
        assertNotNull(launch, "the row opened a launch");
        Fixture.waitUntil("a debug target", 20_000, () -> launch.getDebugTargets().length == 1);
        PinscopeDebugTarget t = (PinscopeDebugTarget) launch.getDebugTargets()[0];
        Fixture.waitUntil("suspended", 20_000, t::isSuspended);
        return t;
    }

    private static List<String> actors(PinscopeDebugTarget t, long from, long to) {
        List<String> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(t.simulation().actorNames().get(t.run().actorOf(i)));
        }
        return out;
    }

    @Test
    void aResultOpensItsShortestWitnessAtStepZeroAndReplaysIt() throws Exception {
        ResultsView v = compare("02-numa-maps-split-w1");
        TreeItem einval = Fixture.rowsOfKind(v, "result").stream()
                .filter(r -> r.getParentItem().getText(0).startsWith("PRE_PATCH") && r.getText(2).equals("-EINVAL"))
                .findFirst().orElseThrow();
        Rows.ResultRow row = (Rows.ResultRow) einval.getData();
        List<String> witness = row.entry().witness();

        ILaunch launch = v.open(row);
        PinscopeDebugTarget t = target(launch);
        // named after scenario, policy and finding, not after a temporary file
        assertEquals("02-numa-maps-split-w1 \u00b7 PRE_PATCH \u00b7 witness -EINVAL", launch.getLaunchConfiguration().getName());
        // the first suspended frame: step 0, the pinner about to run the first line of the PRE_PATCH listing
        assertEquals(0, t.state().position());
        assertEquals("PRE_PATCH", t.simulation().policy().name());
        IStackFrame top = t.thread("qemu").getTopStackFrame();
        StepRecord first = t.simulation().newRun().peek(t.simulation().actorIndex("qemu"));
        assertEquals(first.line(), top.getLineNumber());
        assertTrue(top.getName().startsWith(first.function() + "()"), top.getName());
        assertEquals(witness.size(), t.preloadedSchedule().size(), "the schedule is preloaded");
        assertEquals(-1, t.loopStart());

        // Resume replays the witness: the pinner fails with -EINVAL exactly at its end (§10 row 2, pre-patch)
        assertTrue(t.resumeAndWait(20_000));
        assertTrue(t.run().length() >= witness.size());
        assertEquals(witness, actors(t, 0, witness.size()));
        t.goTo(witness.size());
        assertEquals(Errno.EINVAL, t.thread("qemu").view().result());
        t.goTo(witness.size() - 1);
        assertNull(t.thread("qemu").view().result(), "one step earlier the pinner has not returned");
        // and Step Back works
        t.stepBack();
        assertEquals(witness.size() - 2, t.state().position());
    }

    @Test
    void aLivelockOpensItsLassoWithStemAndLoopMarkedAndTheLoopRepeats() throws Exception {
        ResultsView v = compare("04-adversarial-livelock");
        TreeItem item = Fixture.rowsOfKind(v, "LIVELOCK").stream()
                .filter(r -> r.getParentItem().getText(0).startsWith("PATCH_V1")).findFirst().orElseThrow();
        Rows.LassoRow row = (Rows.LassoRow) item.getData();
        ExplorationReport.Lasso lasso = row.lasso();
        List<String> schedule = new ArrayList<>(lasso.stem());
        schedule.addAll(lasso.loop());

        PinscopeDebugTarget t = target(v.open(row));
        assertEquals(0, t.state().position());
        IStackFrame top = t.thread("qemu").getTopStackFrame();
        StepRecord first = t.simulation().newRun().peek(t.simulation().actorIndex("qemu"));
        assertTrue(top.getName().startsWith(first.function() + "()"), top.getName());
        assertEquals(lasso.stem().size(), t.loopStart());
        assertEquals(schedule.size(), t.preloadedSchedule().size());

        // Resume: stem, loop, then the loop again and again — the pinner never returns
        t.resume();
        Fixture.waitUntil("three times round the loop", 20_000,
                () -> t.run().length() > schedule.size() + 3L * lasso.loop().size());
        t.suspend();
        Fixture.waitUntil("suspended", 20_000, t::isSuspended);
        long len = t.run().length();
        assertEquals(schedule, actors(t, 0, schedule.size()));
        for (long i = schedule.size(); i < len; i++) {
            assertEquals(lasso.loop().get((int) ((i - schedule.size()) % lasso.loop().size())),
                    t.simulation().actorNames().get(t.run().actorOf(i)), "step " + i);
        }
        assertNull(t.thread("qemu").view().result(), "the pinner never returns in the loop");

        // the Timeline marks the stem and the loop
        Fixture.page().showView(PinscopeLaunch.TIMELINE_VIEW_ID);
        drain();
        Table timeline = findTable(Fixture.page().getWorkbenchWindow().getShell(), "Phase");
        assertNotNull(timeline, "the Timeline's table");
        int phase = columnIndex(timeline, "Phase");
        Fixture.waitUntil("the Timeline shows the run", 20_000, () -> timeline.getItemCount() == len + 1);
        if (!lasso.stem().isEmpty()) {
            assertEquals("stem", timeline.getItem(1).getText(phase));
            assertEquals("stem", timeline.getItem(lasso.stem().size()).getText(phase));
        }
        assertEquals("loop", timeline.getItem(lasso.stem().size() + 1).getText(phase));
        assertEquals("loop", timeline.getItem(schedule.size() + 1).getText(phase), "the repeated loop too");
        assertFalse(t.isTerminated());
        timeline.setTopIndex(Math.max(0, lasso.stem().size() - 3));
        Fixture.screenshot(Fixture.page().getWorkbenchWindow().getShell(), "lasso-in-debugger.png");
    }

    private static Table findTable(Control c, String column) {
        if (c instanceof Table t && !t.isDisposed() && t.isVisible() && columnIndex(t, column) >= 0) {
            return t;
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                Table t = findTable(child, column);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    private static int columnIndex(Table t, String name) {
        TableColumn[] cols = t.getColumns();
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].getText().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
