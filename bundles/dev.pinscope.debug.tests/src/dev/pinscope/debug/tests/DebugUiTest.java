package dev.pinscope.debug.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeLineBreakpoint;
import dev.pinscope.debug.internal.ui.ListingEditor;
import dev.pinscope.debug.internal.ui.ListingEditorInput;
import dev.pinscope.debug.internal.ui.ListingToggleBreakpointsTarget;
import dev.pinscope.debug.internal.ui.RunOverlay;
import dev.pinscope.debug.internal.ui.SchedulerView;
import dev.pinscope.debug.internal.ui.TimelineView;
import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.engine.Listing;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.model.scenario.Actor;

/** The debugger's views in the workbench: Debug perspective, listing editor, Timeline, Scheduler, diagram. */
class DebugUiTest {

    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        IWorkbenchPage page = debugPerspective();
        file = exampleFile(EXAMPLE);
        // no listing editor left over from an earlier test's source display
        settle(300);
        closeListingEditors(page);
    }

    private static void closeListingEditors(IWorkbenchPage page) {
        for (IEditorReference r : page.getEditorReferences()) {
            if (PinscopeLaunch.LISTING_EDITOR_ID.equals(r.getId())) {
                page.closeEditors(new IEditorReference[] { r }, false);
            }
        }
        drain();
    }

    private static void activate(IWorkbenchPage page, IEditorPart editor) {
        page.activate(editor);
        waitUntil("the scenario editor is active", 10_000, () -> {
            if (page.getActiveEditor() != editor) {
                page.activate(editor);
                return false;
            }
            return true;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        terminateAll();
        removeAllBreakpoints();
        settle(300);
    }

    @Test
    void debugPerspectiveHasTimelineAndScheduler() {
        IWorkbenchPage page = window().getActivePage();
        assertNotNull(page.findView(PinscopeLaunch.TIMELINE_VIEW_ID), "Timeline in the Debug perspective");
        assertNotNull(page.findView(PinscopeLaunch.SCHEDULER_VIEW_ID), "Scheduler in the Debug perspective");
        assertNotNull(page.findView("org.eclipse.debug.ui.DebugView"));
        // at 1600x1000, without maximizing: Debug, Variables, Timeline and Scheduler all showing at once
        page.resetPerspective();
        settle(300);
        for (String id : new String[] { IDebugUIConstants.ID_DEBUG_VIEW, IDebugUIConstants.ID_VARIABLE_VIEW,
                PinscopeLaunch.TIMELINE_VIEW_ID, PinscopeLaunch.SCHEDULER_VIEW_ID }) {
            assertTrue(page.isPartVisible(page.findView(id)), id + " is showing");
        }
    }

    /** Suspending shows the policy's listing with the instruction pointer; the ruler toggles breakpoints. */
    @Test
    void listingEditorShowsTheCurrentLineAndBreakpoints() throws Exception {
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PATCH_V1"));
        Listing listing = t.simulation().listing();
        int f2 = DebuggerTest.f2Line(listing);
        PinscopeLineBreakpoint bp = ListingToggleBreakpointsTarget.toggle(listing, f2);
        assertNotNull(bp);
        assertTrue(t.resumeAndWait(20_000));
        ListingEditor[] editor = new ListingEditor[1];
        waitUntil("the listing editor opens at the frame", 20_000, () -> {
            IEditorPart e = window().getActivePage().getActiveEditor();
            if (e instanceof ListingEditor le && le.getEditorInput().equals(new ListingEditorInput(listing))) {
                editor[0] = le;
                return true;
            }
            return false;
        });
        ListingEditor le = editor[0];
        assertEquals(new ListingEditorInput(listing), le.getEditorInput());
        assertFalse(le.isEditable(), "read-only");
        assertEquals("listing PATCH_V1.c", le.getEditorInput().getName());
        var doc = le.getDocumentProvider().getDocument(le.getEditorInput());
        assertEquals(listing.lines().size(), doc.getNumberOfLines() - 1);
        IAnnotationModel model = le.getDocumentProvider().getAnnotationModel(le.getEditorInput());
        waitUntil("the instruction pointer and the breakpoint are annotated", 10_000, () -> {
            boolean ip = false;
            boolean breakpoint = false;
            for (var it = model.getAnnotationIterator(); it.hasNext();) {
                var a = it.next();
                ip |= a.getType().startsWith("org.eclipse.debug.ui.currentIP")
                        || a.getType().startsWith("org.eclipse.debug.ui.secondaryIP");
                if (a instanceof MarkerAnnotation ma && ma.getMarker().equals(bp.getMarker())) {
                    breakpoint = model.getPosition(a).getOffset() == lineOffset(doc, f2);
                }
            }
            return ip && breakpoint;
        });
        new dev.pinscope.debug.internal.core.breakpoints.PinscopeEventBreakpoint(
                dev.pinscope.debug.internal.core.breakpoints.PinscopeEventBreakpoint.Event.RETRY_TAKEN);
        window().getActivePage().showView("org.eclipse.debug.ui.BreakpointView");
        screenshot(window().getShell(), "breakpoints.png");
        // toggling again removes it
        assertNull(ListingToggleBreakpointsTarget.toggle(listing, f2));
        assertFalse(bp.getMarker().exists());
        screenshot(window().getShell(), "listing-editor.png");
    }

    private static int lineOffset(org.eclipse.jface.text.IDocument doc, int line) {
        try {
            return doc.getLineOffset(line - 1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Clicking a Timeline row moves the run to that step. */
    @Test
    void timelineJumpLandsOnTheClickedStep() throws Exception {
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PRE_PATCH"));
        assertTrue(t.resumeAndWait(20_000));
        assertEquals(Errno.EINVAL, t.thread("qemu").view().result());
        TimelineView view = (TimelineView) window().getActivePage().showView(TimelineView.ID);
        waitUntil("the timeline lists every step", 10_000,
                () -> view.table().getItemCount() == t.run().length() + 1);
        int row = 7;
        view.jump(row);
        waitUntil("the run moved", 10_000, () -> t.run().position() == row);
        var last = t.state().lastStep();
        assertEquals(row - 1, last.index());
        waitUntil("the timeline follows", 10_000, () -> view.table().getSelectionIndex() == row);
        TableItem item = view.table().getItem(row);
        assertEquals(Integer.toString(row), item.getText(0));
        assertEquals(t.run().record(row - 1).actorName(), item.getText(1));
        assertEquals(t.run().record(row - 1).function(), item.getText(2));
        assertEquals(Integer.toString(t.run().record(row - 1).line()), item.getText(3));
        assertNull(t.thread("qemu").view().result(), "back before the pinner returned");
    }

    /** With the interactive scheduler the Scheduler view decides who moves next; Resume waits for a pick. */
    @Test
    void schedulerViewChoiceDecidesTheNextStep() throws Exception {
        var wc = PinscopeLaunch.newConfiguration(file, "PATCH_V1", PinscopeLaunch.SCHEDULER_INTERACTIVE);
        PinscopeDebugTarget t = targetOf(wc.launch(ILaunchManager.DEBUG_MODE, null));
        SchedulerView view = (SchedulerView) window().getActivePage().showView(SchedulerView.ID);
        waitUntil("the scheduler lists the actors", 10_000, () -> view.table().getItemCount() == 2);
        assertEquals("numa_maps", view.table().getItem(1).getText(0));
        assertEquals("runnable", view.table().getItem(1).getText(2));

        view.choose(1);
        assertEquals(1, t.run().position());
        assertEquals("numa_maps", t.run().record(0).actorName(), "the user's pick moved first");
        view.choose(0);
        view.choose(0);
        assertEquals("qemu", t.run().record(1).actorName());
        assertEquals("qemu", t.run().record(2).actorName());

        // Resume moves nobody in interactive mode: the user picks every step
        assertTrue(t.resumeAndWait(10_000));
        assertEquals(3, t.run().position());
        waitUntil("the view shows the new state", 10_000,
                () -> view.table().getItemCount() == 2 && view.table().getItem(0).getText(3).contains(":"));
    }

    private IEditorPart scenarioEditor(IWorkbenchPage page) throws Exception {
        IEditorPart diagramEditor = Arrays.stream(page.getEditorReferences())
                .filter(r -> DiagramIds.EDITOR_ID.equals(r.getId())).map(r -> r.getEditor(true))
                .filter(e -> e != null && e.getEditorInput().getName().equals(EXAMPLE + ".pinscope")).findFirst()
                .orElse(null);
        if (diagramEditor == null) {
            diagramEditor = org.eclipse.ui.ide.IDE.openEditorOnFileStore(page,
                    org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(file.toUri()));
        }
        return diagramEditor;
    }

    /** The Debug button's drop-down debugs the editor's scenario under another policy. */
    @Test
    void debugUnderAnotherPolicyFromTheEditor() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        IEditorPart editor = scenarioEditor(page);
        activate(page, editor);
        var commands = PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class);
        var command = org.eclipse.core.commands.ParameterizedCommand.generateCommand(
                commands.getCommand("dev.pinscope.debug.debugScenario"),
                java.util.Map.of("dev.pinscope.debug.policyParameter", "PRE_PATCH"));
        PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand(command, null);
        waitUntil("a PRE_PATCH launch", 20_000, () -> Arrays.stream(org.eclipse.debug.core.DebugPlugin.getDefault()
                .getLaunchManager().getLaunches()).anyMatch(l -> l.getDebugTargets().length > 0));
        ILaunch launch = org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches()[0];
        PinscopeDebugTarget t = targetOf(launch);
        assertEquals("PRE_PATCH", t.simulation().policy().name());
        assertEquals("PRE_PATCH", launch.getLaunchConfiguration().getAttribute(PinscopeLaunch.ATTR_POLICY, ""));
        assertTrue(t.resumeAndWait(20_000));
        assertEquals(Errno.EINVAL, t.thread("qemu").view().result());
    }

    /** While suspended the diagram shows the run; the design model is never touched. */
    @Test
    void diagramAnimatesFromDebugEvents() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        IEditorPart diagramEditor = scenarioEditor(page);
        IScenarioDiagram diagram = Adapters.adapt(diagramEditor, IScenarioDiagram.class);
        assertNotNull(diagram);

        // Debug from the editor (what the toolbar button and the context menu do)
        activate(page, diagramEditor);
        PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand("dev.pinscope.debug.debugScenario", null);
        waitUntil("a Pinscope launch", 20_000, () -> Arrays.stream(org.eclipse.debug.core.DebugPlugin.getDefault()
                .getLaunchManager().getLaunches()).anyMatch(l -> l.getDebugTargets().length > 0));
        ILaunch launch = Arrays.stream(org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches())
                .filter(l -> l.getDebugTargets().length > 0).findFirst().orElseThrow();
        PinscopeDebugTarget t = targetOf(launch);
        waitUntil("the overlay is laid", 10_000, () -> diagram.getOverlay() instanceof RunOverlay);

        new PinscopeLineBreakpoint(t.simulation().listing(), DebuggerTest.f2Line(t.simulation().listing()));
        assertTrue(t.resumeAndWait(20_000));
        Actor qemu = diagram.getScenario().getActors().stream().filter(a -> a.getName().equals("qemu")).findFirst()
                .orElseThrow();
        waitUntil("the overlay shows qemu in F2", 10_000, () -> {
            IDiagramOverlay o = diagram.getOverlay();
            return o != null && "follow_pfnmap_start F2_READ".equals(o.actorStatus(qemu));
        });
        IDiagramOverlay o = diagram.getOverlay();
        assertEquals(1, o.transientEntries().size(), "the faulted-in PUD leaf");
        assertEquals(0x7f0000000000L, o.transientEntries().get(0).vaddr());
        assertTrue(o.lockLabel(diagram.getScenario().getAddressSpace().getVmas().get(0)).contains("mmap_lock R: qemu"),
                o.lockLabel(diagram.getScenario().getAddressSpace().getVmas().get(0)));
        assertEquals(0x7f0000000000L, o.currentAddress());
        assertTrue(o.isUnread(o.transientEntries().get(0)), "faulted in by fixup_user_fault, F2 has not read it yet");
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        page.showView(SchedulerView.ID);
        page.activate(diagramEditor);
        waitUntil("timeline filled", 10_000, () -> timeline.table().getItemCount() == t.run().length() + 1);
        screenshot(window().getShell(), "debugger-diagram.png");
        // show vaddr_get_pfns()'s locals in the Variables view, as a user clicking that frame would
        IDebugView debugView = (IDebugView) page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        IStackFrame vgp = t.thread("qemu").getStackFrames()[2];
        debugView.getViewer().setSelection(new TreeSelection(new TreePath(new Object[] { launch, t, t.thread("qemu"), vgp })), true);
        screenshot(window().getShell(), "debugger.png");

        // the walker splits the PUD: the transient leaf disappears from the overlay
        var walker = t.thread("numa_maps");
        while (!t.state().now().slots().stream().noneMatch(s -> s.kind() == dev.pinscope.engine.KernelSnapshot.SlotKind.LEAF)) {
            walker.stepInto();
        }
        waitUntil("the split is drawn", 10_000, () -> diagram.getOverlay().transientEntries().isEmpty());
        assertTrue(diagram.getOverlay().actorStatus(qemu).startsWith("follow_pfnmap_start"));
        long zapStep = t.run().position();
        var ghost = new IDiagramOverlay.Ghost(0x7f0000000000L, dev.pinscope.model.scenario.PageLevel.PUD,
                IDiagramOverlay.EntryState.ZAPPED, "zapped by numa_maps, step " + zapStep);
        assertEquals(java.util.List.of(ghost), diagram.getOverlay().ghosts());
        page.activate(diagramEditor);
        screenshot(window().getShell(), "debugger-after-split.png");
        // the ghost stays while later steps are shown, and goes when the user steps back before the zap
        t.thread("qemu").stepInto();
        waitUntil("the next step is drawn", 10_000, () -> ((RunOverlay) diagram.getOverlay()).state().position() == zapStep + 1);
        assertEquals(java.util.List.of(ghost), diagram.getOverlay().ghosts());
        t.goTo(zapStep - 1);
        waitUntil("back before the zap", 10_000, () -> ((RunOverlay) diagram.getOverlay()).state().position() == zapStep - 1);
        assertTrue(diagram.getOverlay().ghosts().isEmpty());
        assertEquals(1, diagram.getOverlay().transientEntries().size());
        assertFalse(diagramEditor.isDirty(), "animation never edits the scenario");

        t.terminate();
        waitUntil("the overlay is removed", 10_000, () -> diagram.getOverlay() == null);
        assertFalse(diagramEditor.isDirty());
        assertTrue(Arrays.stream(page.getEditorReferences()).map(IEditorReference::getId)
                .anyMatch(PinscopeLaunch.LISTING_EDITOR_ID::equals), "the listing editor was opened");
        assertTrue(bpMarkersOnRoot() >= 1);
    }

    /** A new launch is the one every view shows; the terminated Pinscope launch before it is removed. */
    @Test
    void aNewLaunchIsShownAndTerminatedOnesAreRemoved() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
        ILaunch first = PinscopeLaunch.debug(file, "PATCH_V1");
        PinscopeDebugTarget a = targetOf(first);
        assertTrue(a.resumeAndWait(20_000));
        ILaunch second = PinscopeLaunch.debug(file, "PRE_PATCH");
        PinscopeDebugTarget b = targetOf(second);
        waitUntil("the Timeline shows the new run", 10_000, () -> timeline.target() == b);
        assertTrue(Arrays.asList(org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches())
                .contains(first), "a live launch stays");
        b.terminate();
        ILaunch third = PinscopeLaunch.debug(file, "BOUNDED");
        targetOf(third);
        var launches = Arrays.asList(org.eclipse.debug.core.DebugPlugin.getDefault().getLaunchManager().getLaunches());
        assertFalse(launches.contains(second), "the terminated launch was removed");
        assertTrue(launches.contains(first) && launches.contains(third));
    }

    /** The overlay is drawn on the editor of the file the run read, not on another file of the same name. */
    @Test
    void overlayOnlyOnTheRunsOwnFile() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        Path copy = exampleFile(EXAMPLE);
        assertEquals(file.getFileName(), copy.getFileName());
        IEditorPart own = org.eclipse.ui.ide.IDE.openEditorOnFileStore(page,
                org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(file.toUri()));
        IEditorPart other = org.eclipse.ui.ide.IDE.openEditorOnFileStore(page,
                org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(copy.toUri()));
        assertTrue(own != other);
        IScenarioDiagram ownDiagram = Adapters.adapt(own, IScenarioDiagram.class);
        IScenarioDiagram otherDiagram = Adapters.adapt(other, IScenarioDiagram.class);
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PATCH_V1"));
        t.thread("qemu").stepInto();
        waitUntil("the run's own editor shows the overlay", 10_000, () -> ownDiagram.getOverlay() instanceof RunOverlay);
        settle(300);
        assertNull(otherDiagram.getOverlay(), "no overlay on " + copy);
        page.closeEditors(page.getEditorReferences(), false);
    }

    private static int bpMarkersOnRoot() throws Exception {
        IMarker[] m = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
                .findMarkers(PinscopeLineBreakpoint.MARKER_TYPE, true, 0);
        return m.length;
    }
}
