package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.draw2d.FigureCanvas;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.layout.EntryRun;
import dev.pinscope.diagram.internal.parts.ElementEditPart;
import dev.pinscope.model.builder.StressScenarios;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Scenario;

/**
 * 10,000 VMAs with 100,000 leaves open, draw leaves as runs, scroll to the far end and take an
 * edit. Prints the measured times (the note in the report comes from this run); asserts only what a
 * user would notice: it opens, it is aggregated, the far end can be reached.
 */
class LargeScenarioTest extends EditorTestCase {

    @Test
    void tenThousandVmasAndAHundredThousandLeavesOpenAndScroll() throws Exception {
        Path file = dir.resolve("large.pinscope");
        assertTrue(Scenarios.save(StressScenarios.barVmasWithPtes(10_000, 10), file).ok());
        long t0 = System.nanoTime();
        ScenarioEditor editor = EditorFixture.openFile(file);
        long opened = System.nanoTime();
        Scenario s = editor.getScenario();
        assertEquals(10_000, s.getAddressSpace().getVmas().size());
        assertEquals(100_000, s.getAddressSpace().getEntries().size());
        assertTrue(EditorFixture.layout(editor).isAggregated(), "leaves are drawn as runs");
        long parts = editor.viewer().getEditPartRegistry().values().stream().filter(p -> p instanceof ElementEditPart).count();
        assertTrue(parts <= 20_003, "one part per VMA and per run, not per leaf: " + parts);
        assertTrue(editor.viewer().getEditPartRegistry().values().stream()
                .anyMatch(p -> p instanceof ElementEditPart e && e.getModel() instanceof EntryRun r && r.count() == 10));

        FigureCanvas canvas = (FigureCanvas) editor.viewer().getControl();
        long s0 = System.nanoTime();
        int steps = 0;
        int width = canvas.getContents().getBounds().width;
        for (int x = 0; x < width; x += width / 20) {
            canvas.scrollTo(x, 0);
            canvas.update();
            steps++;
        }
        var last = s.getAddressSpace().getVmas().get(9_999);
        editor.reveal(last);
        drain();
        long scrolled = System.nanoTime();
        assertTrue(canvas.getViewport().getViewLocation().x > width / 2, "scrolled to the far end");

        long e0 = System.nanoTime();
        var p = (dev.pinscope.diagram.internal.properties.EmfPropertySource) dev.pinscope.diagram.internal.properties.EmfPropertySource
                .of(editor.domain(), last);
        p.setPropertyValue(p.idOf("name"), "last");
        drain();
        long edited = System.nanoTime();
        long[] renameRelayout = editor.diagramPart().lastRelayout();
        // an edit inside one VMA in the middle: its last leaf moves two pages on
        var middle = s.getAddressSpace().getVmas().get(5_000);
        var leaf = s.getAddressSpace().getEntries().stream().filter(x -> x.getVaddr() == middle.getStart() + 9 * 4096L).findFirst().orElseThrow();
        var others = EditorFixture.layout(editor).bounds(s.getAddressSpace().getVmas().get(7_000));
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long mc0 = threads.getCurrentThreadCpuTime();
        long m0 = System.nanoTime();
        editor.getCommandStack().execute(dev.pinscope.diagram.internal.commands.EmfCommand.of(
                dev.pinscope.diagram.internal.commands.ChangeAddressCommand.placeEntry(editor.domain(), s, leaf, leaf.getVaddr() + 2 * 4096L,
                        PageLevel.PTE)));
        long executedCpu = (threads.getCurrentThreadCpuTime() - mc0) / 1_000_000; // the command, relayout, outline
        var before = editor.validation();
        canvas.update(); // what the user waits for: the window repainted
        long paintedCpu = (threads.getCurrentThreadCpuTime() - mc0) / 1_000_000;
        drain();
        long moved = System.nanoTime();
        long movedCpu = (threads.getCurrentThreadCpuTime() - mc0) / 1_000_000;
        // validation is deferred by 600 ms; on a loaded machine its timer can fire inside the drain
        boolean validatedMeanwhile = editor.validation() != before;
        long[] moveRelayout = editor.diagramPart().lastRelayout();
        assertEquals(middle.getStart() + 11 * 4096L, leaf.getVaddr());
        assertEquals(others, EditorFixture.layout(editor).bounds(s.getAddressSpace().getVmas().get(7_000)), "VMAs elsewhere stay put");
        long v0 = System.nanoTime();
        editor.validateNow();
        long validated = System.nanoTime();
        long[] b = editor.lastOpenBreakdown();
        String report = String.format("large scenario (10,000 VMAs, 100,000 PTEs, %d KB): open %d ms (read+parse %d ms, diagram %d ms, "
                + "validation %d ms, rest = outline/paint), %d scroll repaints %d ms, "
                + "rename of a VMA + relayout %d ms (layout %d ms, figures %d ms, %d parts refreshed; CPU: layout %d ms, figures %d ms), "
                + "moving a leaf inside one VMA + relayout %d ms (%d ms CPU until repainted: command, relayout and outline %d ms; "
                + "%d ms CPU until idle%s; layout %d ms, figures %d ms, %d parts refreshed; CPU: layout %d ms, figures %d ms), "
                + "validation %d ms, %d element edit parts%n",
                Files.size(file) / 1024, (opened - t0) / 1_000_000, b[0], b[1], b[2], steps, (scrolled - s0) / 1_000_000,
                (edited - e0) / 1_000_000, renameRelayout[0], renameRelayout[1], renameRelayout[2], renameRelayout[3], renameRelayout[4],
                (moved - m0) / 1_000_000, paintedCpu, executedCpu, movedCpu, validatedMeanwhile ? ", the deferred validation included" : "",
                moveRelayout[0], moveRelayout[1], moveRelayout[2], moveRelayout[3], moveRelayout[4],
                (validated - v0) / 1_000_000, parts);
        System.out.print(report);
        Path out = Path.of(System.getProperty("pinscope.screenshots", "target/screenshots")).getParent().resolve("large-scenario.txt");
        Files.writeString(out, report);
        EditorFixture.screenshot(canvas, "editor-large.png");
    }
}
