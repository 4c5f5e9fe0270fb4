package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeEventBreakpoint;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeLineBreakpoint;
import dev.pinscope.debug.internal.core.model.PinscopeThread;
import dev.pinscope.debug.internal.ui.PinscopeModelPresentation;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Listing;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.model.examples.Examples;

/** The debug model over the engine, driven through the Eclipse debug API as the Debug view drives it. */
class DebuggerTest {

    /** The example's pinner maps 1G at 0x7f0000000000 = 262144 4K pages. */
    static final String VADDR = "0x7f0000000000";

    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        noPerspectivePrompts();
        removeAllBreakpoints();
        file = exampleFile(EXAMPLE);
    }

    @AfterEach
    void tearDown() throws Exception {
        terminateAll();
        removeAllBreakpoints();
    }

    private PinscopeDebugTarget launch(String policy) throws Exception {
        ILaunch launch = PinscopeLaunch.debug(file, policy);
        PinscopeDebugTarget t = targetOf(launch);
        assertTrue(t.isSuspended(), "stops before the first step");
        assertEquals(0, t.run().position());
        return t;
    }

    /** The F2 call line: {@code ret = follow_pfnmap_start(&args);  /* F2 *\/} in follow_fault_pfn(). */
    static int f2Line(Listing listing) {
        return listing.lines().stream().filter(l -> l.text().contains("/* F2 */")).mapToInt(Listing.Line::number)
                .findFirst().orElseThrow();
    }

    @Test
    void launchTypeContract() throws Exception {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType("dev.pinscope.debug.launchType");
        assertNotNull(type);
        assertEquals("Pinscope Scenario", type.getName());
        assertTrue(type.supportsMode(ILaunchManager.RUN_MODE) && type.supportsMode(ILaunchManager.DEBUG_MODE));
        var wc = PinscopeLaunch.newConfiguration(file, "PRE_PATCH", "round-robin");
        assertEquals(file.toAbsolutePath().toString(), wc.getAttribute("dev.pinscope.debug.file", ""));
        assertEquals("PRE_PATCH", wc.getAttribute("dev.pinscope.debug.policy", ""));
        assertEquals("round-robin", wc.getAttribute("dev.pinscope.debug.scheduler", ""));
        assertEquals(-1, wc.getAttribute("dev.pinscope.debug.loopStart", 0));
    }

    /**
     * Steps the threads one at a time, in the scenario's schedule order, through the debug API until the
     * pinner returns: the reported bug (-EINVAL) before the patch, success with the v1 retry.
     */
    @Test
    void steppingToTheEndGivesEinvalBeforeThePatchAndOkWithIt() throws Exception {
        for (String policy : List.of("PRE_PATCH", "PATCH_V1")) {
            PinscopeDebugTarget t = launch(policy);
            PinscopeThread qemu = t.thread("qemu");
            assertTrue(qemu.getName().startsWith("qemu (pinner)"), qemu.getName());
            int steps = 0;
            while (qemu.view().status() != ActorView.Status.FINISHED) {
                int next = t.preloadedSchedule().get((int) t.run().position());
                IThread th = t.getThreads()[next];
                assertTrue(th.canStepInto(), th.getName() + " can step");
                th.stepInto();
                assertTrue(th.isSuspended());
                assertTrue(++steps < 10_000, "the pinner returns");
            }
            Errno expected = policy.equals("PRE_PATCH") ? Errno.EINVAL : Errno.OK;
            assertEquals(expected, qemu.view().result(), policy);
            assertEquals(expected, t.run().result(0), policy);
            String label = new PinscopeModelPresentation().getText(qemu);
            assertTrue(label.contains(expected == Errno.OK ? "finished: 0 (262144 pages pinned)" : "finished: -EINVAL"), label);
            assertFalse(qemu.canStepInto(), "a finished actor cannot step");
            // no call stack left, only its final frame: what vfio_pin_map_dma() returned, and the kernel state
            IStackFrame[] end = qemu.getStackFrames();
            assertEquals(1, end.length, "a finished actor shows its final frame");
            assertEquals("vfio_pin_map_dma() returned " + expected.kernelName()
                    + (expected == Errno.OK ? " (262144 pages pinned)" : ""), end[0].getName());
            assertEquals(expected.kernelName(), value(end[0], "return value"));
            assertEquals(Long.toString(qemu.view().pinnedPages()), value(end[0], "pinned pages"));
            assertEquals("returned " + expected.kernelName() + (expected == Errno.OK ? " (262144 pages pinned)" : ""),
                    value(end[0], "kernel", "results", "qemu"));
            assertFalse(end[0].canStepInto(), "nothing to step from the final frame");
            t.terminate();
            assertTrue(t.isTerminated());
        }
    }

    /** A breakpoint on the F2 call line stops as F2 begins; the stack and variables are the kernel's. */
    @Test
    void breakpointOnTheF2LineShowsTheStackAndVariables() throws Exception {
        PinscopeDebugTarget t = launch("PATCH_V1");
        Listing listing = t.simulation().listing();
        int f2 = f2Line(listing);
        PinscopeLineBreakpoint bp = new PinscopeLineBreakpoint(listing, f2);
        assertTrue(t.resumeAndWait(20_000), "suspends");
        PinscopeThread qemu = t.thread("qemu");
        assertArrayEquals(new Object[] { bp }, qemu.getBreakpoints(), "suspended by the F2 breakpoint");
        assertTrue(t.stopReason().startsWith("breakpoint"), t.stopReason());

        IStackFrame[] frames = qemu.getStackFrames();
        List<String> functions = Arrays.stream(frames).map(f -> {
            try {
                return f.getName().substring(0, f.getName().indexOf('('));
            } catch (Exception e) {
                return "?";
            }
        }).toList();
        assertEquals(List.of("follow_pfnmap_start", "follow_fault_pfn", "vaddr_get_pfns", "vfio_pin_pages_remote",
                "vfio_pin_map_dma"), functions);
        assertEquals(f2, frames[1].getLineNumber(), "the caller stands on the F2 line");
        assertEquals(listing.linesFor("F2_READ").get(0), frames[0].getLineNumber(), "F2 starts with the lockless read");
        assertTrue(frames[0].getName().endsWith("[F2_READ]"), frames[0].getName());

        assertEquals(VADDR, value(frames[0], "address"));
        assertEquals(VADDR, value(frames[2], "vaddr"));
        assertEquals("bar0", value(frames[2], "vma"));
        assertEquals("held (read)", value(frames[2], "mmap_lock"));
        assertEquals("false", value(frames[1], "unlocked"));
        assertEquals("held R by qemu", value(frames[0], "kernel", "locks", "mmap_lock"));
        String pud = value(frames[0], "kernel", "page tables", "PUD @ " + VADDR);
        assertTrue(pud.startsWith("leaf pfn 0x"), "fixup_user_fault installed the PUD leaf: " + pud);
        assertEquals("D0, memory enabled", value(frames[0], "kernel", "devices", "0000:01:00.0"));

        // the run continues: the walker splits the PUD, F2 fails, the v1 retry reinstalls it and hits F2 again
        assertTrue(t.resumeAndWait(20_000));
        assertArrayEquals(new Object[] { bp }, qemu.getBreakpoints(), "F2 is reached again after the retry");
        assertTrue(t.run().records(0, t.run().position()).stream().anyMatch(r -> "RETRY".equals(r.label())),
                "the retry was taken on the way");
        bp.delete();
        assertTrue(t.resumeAndWait(20_000));
        assertEquals(Errno.OK, qemu.view().result());
    }

    /** Step Return leaves follow_pfnmap_start(); Step Over stays in follow_fault_pfn(); the walker never moves. */
    @Test
    void stepReturnAndStepOverFollowTheCallStack() throws Exception {
        PinscopeDebugTarget t = launch("PATCH_V1");
        var bp = new PinscopeLineBreakpoint(t.simulation().listing(), f2Line(t.simulation().listing()));
        assertTrue(t.resumeAndWait(20_000));
        bp.delete();
        PinscopeThread qemu = t.thread("qemu");
        long walkerSteps = countSteps(t, "numa_maps");
        assertEquals(5, qemu.getStackFrames().length);
        assertTrue(qemu.canStepReturn());
        long before = t.run().position();
        qemu.stepReturn();
        assertEquals(4, qemu.getStackFrames().length, "back in follow_fault_pfn()");
        assertTrue(qemu.getTopStackFrame().getName().startsWith("follow_fault_pfn()"), qemu.getTopStackFrame().getName());
        assertTrue(t.run().position() >= before + 2, "F2's read and lock ran");
        assertEquals("held by qemu", value(qemu.getTopStackFrame(), "kernel", "locks", "pud_lock (mm->page_table_lock)")
                .replace("held W by", "held by"));
        before = t.run().position();
        qemu.stepOver();
        assertTrue(qemu.getStackFrames().length <= 4, "step over never stops deeper");
        assertTrue(t.run().position() > before);
        assertEquals(walkerSteps, countSteps(t, "numa_maps"), "stepping qemu never moves the walker");
    }

    private static long countSteps(PinscopeDebugTarget t, String actor) {
        return t.run().records(0, t.run().position()).stream().filter(r -> r.actorName().equals(actor)).count();
    }

    /** Step Back replays the trace: values return, and "changed" marks what the last step changed. */
    @Test
    void stepBackRestoresEarlierValues() throws Exception {
        PinscopeDebugTarget t = launch("PRE_PATCH");
        new PinscopeLineBreakpoint(t.simulation().listing(), f2Line(t.simulation().listing()));
        assertTrue(t.resumeAndWait(20_000));
        PinscopeThread qemu = t.thread("qemu");
        PinscopeThread walker = t.thread("numa_maps");
        long atBreakpoint = t.run().position();
        String pudBefore = value(qemu.getTopStackFrame(), "kernel", "page tables", "PUD @ " + VADDR);
        String retBefore = value(qemu.getStackFrames()[2], "ret");

        // the walker runs until it has split the PUD leaf
        int guard = 0;
        while (value(qemu.getTopStackFrame(), "kernel", "page tables", "PUD @ " + VADDR).startsWith("leaf")) {
            walker.stepInto();
            assertTrue(++guard < 100, "the walker splits the leaf");
        }
        var pudVar = variable(qemu.getTopStackFrame(), "kernel", "page tables", "PUD @ " + VADDR);
        assertTrue(pudVar.hasValueChanged(), "the split is flagged as changed by the last step");
        assertTrue(variable(qemu.getTopStackFrame(), "kernel").hasValueChanged());
        assertFalse(variable(qemu.getTopStackFrame(), "address").hasValueChanged(), "the pinner did not move");

        // back, step by step, to the breakpoint: the leaf is there again
        while (t.run().position() > atBreakpoint) {
            t.stepBack();
        }
        assertEquals(pudBefore, value(qemu.getTopStackFrame(), "kernel", "page tables", "PUD @ " + VADDR));
        assertEquals(retBefore, value(qemu.getStackFrames()[2], "ret"));
        assertTrue(qemu.getTopStackFrame().getName().endsWith("[F2_READ]"));

        // forward to the end (-EINVAL), then Run Back lands on the breakpoint's position again
        assertTrue(t.resumeAndWait(20_000));
        assertEquals(Errno.EINVAL, qemu.view().result());
        t.runBackToBreakpoint();
        assertEquals(atBreakpoint, t.run().position(), "Run Back stops where the F2 breakpoint was hit");
        assertNull(qemu.view().result(), "the pinner runs again");
        t.stepBack();
        assertEquals(atBreakpoint - 1, t.run().position());
    }

    /** Event breakpoints: "entry zapped" stops at the walker's split, "pinner finished" at the return. */
    @Test
    void eventBreakpointsStopAtKernelEvents() throws Exception {
        PinscopeDebugTarget t = launch("PRE_PATCH");
        var zapped = new PinscopeEventBreakpoint(PinscopeEventBreakpoint.Event.ENTRY_ZAPPED);
        var finished = new PinscopeEventBreakpoint(PinscopeEventBreakpoint.Event.PINNER_FINISHED);
        assertTrue(t.resumeAndWait(20_000));
        PinscopeThread walker = t.thread("numa_maps");
        assertArrayEquals(new Object[] { zapped }, walker.getBreakpoints(), "the walker's split zaps the PUD leaf");
        assertTrue(t.state().lastStep().event().toLowerCase().contains("split"), t.state().lastStep().event());
        assertTrue(t.resumeAndWait(20_000));
        assertArrayEquals(new Object[] { finished }, t.thread("qemu").getBreakpoints());
        assertEquals(Errno.EINVAL, t.thread("qemu").view().result());
        t.terminate();
        zapped.delete();
        finished.delete();

        // with the v1 patch F2 fails after the split and vaddr_get_pfns() takes its goto retry
        PinscopeDebugTarget v1 = launch("PATCH_V1");
        var retry = new PinscopeEventBreakpoint(PinscopeEventBreakpoint.Event.RETRY_TAKEN);
        assertTrue(v1.resumeAndWait(20_000));
        assertArrayEquals(new Object[] { retry }, v1.thread("qemu").getBreakpoints());
        assertEquals("RETRY", v1.state().lastStep().label());
        retry.delete();

        var lock = new PinscopeEventBreakpoint(PinscopeEventBreakpoint.Event.LOCK_ACQUIRED);
        assertTrue(v1.resumeAndWait(20_000));
        assertArrayEquals(new Object[] { lock }, v1.thread("qemu").getBreakpoints());
        var st = v1.state();
        boolean newHolder = st.now().locks().stream().anyMatch(l -> {
            var was = st.previous().locks().stream().filter(p -> p.name().equals(l.name())).findFirst().orElse(null);
            int holdersNow = l.readers().size() + (l.writer() == null ? 0 : 1);
            int holdersBefore = was == null ? 0 : was.readers().size() + (was.writer() == null ? 0 : 1);
            return holdersNow > holdersBefore;
        });
        assertTrue(newHolder, "the last step took a lock: " + st.lastStep());
    }

    /** A livelock lasso from the explorer: Resume replays the stem and loop, then repeats the loop. */
    @Test
    void preloadedLassoReplaysAndRepeatsTheLoop() throws Exception {
        Path livelock = exampleFile("04-adversarial-livelock");
        Simulation sim = Simulation.compile(Examples.load("04-adversarial-livelock").scenario(),
                SimulationOptions.defaults().withPolicy(Policy.PATCH_V1)).orThrow();
        ExplorationReport report = sim.explore(ExploreOptions.defaults(), null);
        assertFalse(report.livelocks().isEmpty(), "PATCH_V1 livelocks against the adversarial walker");
        ExplorationReport.Lasso lasso = report.livelocks().get(0);
        List<String> schedule = new ArrayList<>(lasso.stem());
        schedule.addAll(lasso.loop());

        ILaunch launch = PinscopeLaunch.launchWitness(livelock, "PATCH_V1", 3, schedule, lasso.stem().size());
        PinscopeDebugTarget t = targetOf(launch);
        assertTrue(t.isSuspended());
        if (!lasso.stem().isEmpty()) {
            assertEquals("stem", t.phaseOf(0));
        }
        assertEquals("loop", t.phaseOf(lasso.stem().size()));

        t.resume();
        waitUntil("the run has gone three times round the loop", 20_000,
                () -> t.run().length() > schedule.size() + 3L * lasso.loop().size());
        t.suspend();
        waitUntil("suspended", 20_000, t::isSuspended);
        long len = t.run().length();
        assertTrue(len > schedule.size(), "repeats past the witness");
        for (long i = 0; i < len; i++) {
            String expected = i < schedule.size() ? schedule.get((int) i)
                    : lasso.loop().get((int) ((i - schedule.size()) % lasso.loop().size()));
            assertEquals(expected, t.simulation().actorNames().get(t.run().actorOf(i)), "step " + i);
        }
        assertNull(t.thread("qemu").view().result(), "the pinner never returns in the loop");
        assertFalse(t.isTerminated());
    }

    @Test
    void runModeRunsToTheEndWithoutStopping() throws Exception {
        Listing listing = Simulation.compile(Examples.load(EXAMPLE).scenario(), SimulationOptions.defaults())
                .orThrow().listing();
        new PinscopeLineBreakpoint(listing, f2Line(listing));
        var wc = PinscopeLaunch.newConfiguration(file, "PRE_PATCH", PinscopeLaunch.SCHEDULER_SCRIPT);
        ILaunch launch = wc.launch(ILaunchManager.RUN_MODE, null);
        PinscopeDebugTarget t = targetOf(launch);
        waitUntil("the run ends", 20_000, t::isTerminated);
        assertEquals(Errno.EINVAL, t.run().result(0));
        assertNotEquals(0, t.run().length());
    }

    @Test
    void badConfigurationsAreReportedNotThrownAsStackTraces() throws Exception {
        var wc = PinscopeLaunch.newConfiguration(file, "NO_SUCH_POLICY", PinscopeLaunch.SCHEDULER_SCRIPT);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.eclipse.core.runtime.CoreException.class,
                () -> wc.launch(ILaunchManager.DEBUG_MODE, null));
        assertTrue(e.getMessage().contains("NO_SUCH_POLICY"), e.getMessage());
        var wc2 = PinscopeLaunch.newConfiguration(file, null, PinscopeLaunch.SCHEDULER_SCRIPT);
        wc2.setAttribute(PinscopeLaunch.ATTR_PRELOADED_SCHEDULE, List.of("qemu", "ghost"));
        var e2 = org.junit.jupiter.api.Assertions.assertThrows(org.eclipse.core.runtime.CoreException.class,
                () -> wc2.launch(ILaunchManager.DEBUG_MODE, null));
        assertTrue(e2.getMessage().contains("ghost"), e2.getMessage());
    }
}
