package dev.pinscope.debug.tests;

import static dev.pinscope.debug.tests.DebugTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.ui.RunOverlay;
import dev.pinscope.debug.internal.ui.TimelineView;
import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Vma;

/**
 * The Timeline and the diagram are linked both ways (issue 11 point 3), read from what the widgets show: a row
 * clicked in the Timeline makes the diagram draw what that step touched with the highlight outline (its actor's
 * box, the PUD leaf it faulted in or zapped, whose ghost stays), and an element selected on the diagram selects
 * the Timeline rows of the steps that touched it. The expected steps come from the engine's own replay of the
 * trace (slot kinds before and after each step), not from the debugger's history.
 */
class TimelineDiagramLinkTest {

    private static final long PUD_VADDR = 0x7f0000000000L;

    private Path file;
    private IWorkbenchPage page;

    @BeforeEach
    void setUp() throws Exception {
        // every view the lockstep check reads showing
        page = debugPerspectiveShowing(IDebugUIConstants.ID_DEBUG_VIEW, IDebugUIConstants.ID_VARIABLE_VIEW,
                PinscopeLaunch.SCHEDULER_VIEW_ID);
        file = exampleFile(EXAMPLE);
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp(page);
    }

    /** What the engine's replay says each step did to the PUD slot, and which steps read an entry. */
    private record Facts(List<Integer> actors, List<String> labels, TreeSet<Long> slotChanges, long fault, long zap) {
    }

    private static Facts facts(PinscopeDebugTarget t) {
        List<Integer> actors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        TreeSet<Long> changes = new TreeSet<>();
        long[] faultZap = { -1, -1 };
        synchronized (t) {
            t.run().scan(0, t.run().length(), v -> {
                actors.add(v.actor());
                labels.add(v.record().label());
                var before = v.snapshotBefore().slots();
                var after = v.snapshotAfter().slots();
                for (int i = 0; i < after.size(); i++) {
                    if (before.get(i).kind() != after.get(i).kind()) {
                        changes.add(v.index());
                        if (after.get(i).vaddr() == PUD_VADDR && after.get(i).level().equals("PUD")) {
                            if (after.get(i).kind() == KernelSnapshot.SlotKind.LEAF && faultZap[0] < 0) {
                                faultZap[0] = v.index();
                            } else if (before.get(i).kind() == KernelSnapshot.SlotKind.LEAF && faultZap[1] < 0) {
                                faultZap[1] = v.index();
                            }
                        }
                    }
                }
            });
        }
        return new Facts(actors, labels, changes, faultZap[0], faultZap[1]);
    }

    /**
     * Clicks Timeline row {@code row} as the user does, and waits until every view shows that position (the
     * lockstep check of LockstepTest: Debug view labels and frames, Variables, Timeline, Scheduler, overlay).
     */
    private void click(PinscopeDebugTarget t, TimelineView timeline, IScenarioDiagram diagram, int row) {
        Table table = timeline.table();
        table.setSelection(row);
        table.notifyListeners(SWT.Selection, new Event());
        waitUntil("the diagram shows the state after row " + row, 30_000,
                () -> diagram.getOverlay() instanceof RunOverlay o && o.state().position() == row);
        List<String> last = new ArrayList<>();
        try {
            waitUntil("every view shows row " + row, 60_000, () -> {
                last.clear();
                last.addAll(new ShownState(page, t, diagram).disagreements());
                return last.isEmpty();
            });
        } catch (AssertionError e) {
            throw new AssertionError("after a click on row " + row + " the views disagree: " + last, e);
        }
    }

    /** The names of the actors whose boxes the diagram draws highlighted, and the run's leaves drawn so. */
    private static Set<String> shownHighlighted(IScenarioDiagram diagram) {
        Set<String> out = new TreeSet<>();
        for (IScenarioDiagram.Highlight h : diagram.highlighted()) {
            assertTrue(h.width() > 0 && h.height() > 0, "a highlight is drawn somewhere: " + h);
            if (h.element() instanceof Actor a) {
                out.add(a.getName());
            } else if (h.element() instanceof Vma v) {
                out.add("VMA " + v.getName());
            } else if (h.element() == null) {
                out.add(h.level() + " leaf at 0x" + Long.toHexString(h.vaddr()));
            } else {
                out.add(String.valueOf(h.element()));
            }
        }
        return out;
    }

    @Test
    void aTimelineRowHighlightsWhatItsStepTouchedAndADiagramElementSelectsTheRowsThatTouchedIt() throws Exception {
        IEditorPart editor = org.eclipse.ui.ide.IDE.openEditorOnFileStore(page,
                org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(file.toUri()));
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        assertNotNull(diagram);
        TimelineView timeline = (TimelineView) page.showView(TimelineView.ID);
        PinscopeDebugTarget t = targetOf(PinscopeLaunch.debug(file, "PATCH_V1"));
        // the example's schedule: qemu up to F2, the numa_maps walk clears the PUD leaf, qemu retries and pins
        assertTrue(t.resumeAndWait(60_000));
        long length = t.run().length();
        waitUntil("the Timeline lists every step", 30_000, () -> timeline.table().getItemCount() == length + 1
                && diagram.getOverlay() instanceof RunOverlay o && o.state().position() == length);
        Facts f = facts(t);
        int qemu = t.simulation().actorNames().indexOf("qemu");
        int walker = t.simulation().actorNames().indexOf("numa_maps");
        assertTrue(f.fault() >= 0 && f.zap() > f.fault(), "qemu faults the PUD leaf in, numa_maps clears it: " + f);
        assertEquals(walker, f.actors().get((int) f.zap()));
        String leaf = "PUD leaf at 0x" + Long.toHexString(PUD_VADDR);

        // Timeline -> diagram: the zap row: numa_maps' box and the ghost of the leaf it cleared
        click(t, timeline, diagram, (int) f.zap() + 1);
        assertEquals(Set.of("numa_maps", leaf), shownHighlighted(diagram));
        IDiagramOverlay.Ghost ghost = diagram.getOverlay().ghosts().get(0);
        assertEquals(PUD_VADDR, ghost.vaddr());
        assertTrue(ghost.label().startsWith("zapped by numa_maps, step " + (f.zap() + 1)), ghost.label());
        assertEquals(List.of((int) f.zap() + 1), rows(timeline.selectedRows()), "the clicked row stays selected");
        screenshot(window().getShell(), "timeline-link-zap-row.png");

        // the fault row: qemu's box and the freshly faulted-in leaf, not the walker
        click(t, timeline, diagram, (int) f.fault() + 1);
        assertEquals(Set.of("qemu", leaf), shownHighlighted(diagram));

        // a qemu step that neither changed a slot nor read an entry: only qemu's box
        long plain = -1;
        for (int i = 0; i < f.actors().size() && plain < 0; i++) {
            if (f.actors().get(i) == qemu && !f.slotChanges().contains((long) i) && !isRead(f.labels().get(i))) {
                plain = i;
            }
        }
        assertTrue(plain >= 0);
        click(t, timeline, diagram, (int) plain + 1);
        assertEquals(Set.of("qemu"), shownHighlighted(diagram));

        // diagram -> Timeline: back at the end, select the walker's box: exactly the walker's rows
        click(t, timeline, diagram, (int) length);
        Actor numaMaps = diagram.getScenario().getActors().stream().filter(a -> a.getName().equals("numa_maps"))
                .findFirst().orElseThrow();
        assertTrue(diagram.reveal(numaMaps));
        List<Integer> walkerRows = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            if (f.actors().get(i) == walker) {
                walkerRows.add(i + 1);
            }
        }
        waitUntil("the Timeline selects the walker's rows", 10_000,
                () -> rows(timeline.selectedRows()).equals(walkerRows));
        for (int row : timeline.selectedRows()) {
            assertEquals("numa_maps", timeline.table().getItem(row).getText(1), "row " + row + "'s actor");
        }
        assertTrue(timeline.getContentDescription().contains("touched numa_maps"), timeline.getContentDescription());

        // the VMA: every step that faulted in, zapped or split a leaf in it, or read an entry there
        Vma bar0 = diagram.getScenario().getAddressSpace().getVmas().get(0);
        assertTrue(diagram.reveal(bar0));
        Set<Integer> vmaRows = new TreeSet<>();
        for (int i = 0; i < length; i++) {
            if (f.slotChanges().contains((long) i) || isRead(f.labels().get(i))) {
                vmaRows.add(i + 1);
            }
        }
        assertTrue(vmaRows.contains((int) f.fault() + 1) && vmaRows.contains((int) f.zap() + 1));
        waitUntil("the Timeline selects the rows that touched bar0", 10_000,
                () -> new TreeSet<>(rows(timeline.selectedRows())).equals(vmaRows));
        for (int row : timeline.selectedRows()) {
            String label = timeline.table().getItem(row).getText(4);
            assertTrue(isRead(label) || f.slotChanges().contains((long) row - 1), "row " + row + " [" + label + "]");
        }
        assertTrue(timeline.getContentDescription().contains(vmaRows.size() + " steps of the first " + length
                + " touched VMA bar0"), timeline.getContentDescription());
        screenshot(window().getShell(), "timeline-link-vma-selected.png");

        // a single click on one of those rows is a jump again, and the linked selection gives way
        click(t, timeline, diagram, (int) f.zap() + 1);
        assertEquals(List.of((int) f.zap() + 1), rows(timeline.selectedRows()));
        assertFalse(editor.isDirty(), "linking never edits the scenario");
    }

    private static boolean isRead(String label) {
        return "F1_READ".equals(label) || "F2_READ".equals(label);
    }

    private static List<Integer> rows(int[] selected) {
        return java.util.Arrays.stream(selected).sorted().boxed().collect(Collectors.toList());
    }
}
