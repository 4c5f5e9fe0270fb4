package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.ActorFigure;
import dev.pinscope.diagram.internal.figures.ElementFigure;
import dev.pinscope.diagram.internal.figures.EntryFigure;
import dev.pinscope.diagram.internal.figures.VmaFigure;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;

/** The debugger's hook: an overlay changes what is drawn, never the model. */
class OverlayTest extends EditorTestCase {

    @Test
    void overlayGhostsZappedLeavesHighlightsAndShowsLocksWithoutTouchingTheModel() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "o.pinscope", EditorFixture.small());
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        Scenario s = diagram.getScenario();
        Scenario before = EcoreUtil.copy(s);
        PageTableEntry zapped = s.getAddressSpace().getEntries().get(0);
        var vma = s.getAddressSpace().getVmas().get(0);
        Actor qemu = s.getActors().get(0);
        diagram.setOverlay(new IDiagramOverlay() {
            @Override
            public EntryState entryState(PageTableEntry entry) {
                return entry == zapped ? EntryState.ZAPPED : EntryState.PRESENT;
            }

            @Override
            public boolean isHighlighted(EObject element) {
                return element == vma;
            }

            @Override
            public String lockLabel(EObject element) {
                return element == s.getDevices().get(0) ? "memory_lock W: reset" : null;
            }

            @Override
            public String actorStatus(Actor actor) {
                return actor == qemu ? "follow_pfnmap_start F1_LOCK" : null;
            }

            @Override
            public List<TransientEntry> transientEntries() {
                return List.of(new TransientEntry(vma.getStart() + (8L << 20), PageLevel.PMD, 0));
            }
        });
        drain();
        assertEquals(IDiagramOverlay.EntryState.ZAPPED, ((EntryFigure) EditorFixture.part(editor, zapped).getFigure()).getState());
        assertEquals(IDiagramOverlay.EntryState.PRESENT,
                ((EntryFigure) EditorFixture.part(editor, s.getAddressSpace().getEntries().get(1)).getFigure()).getState());
        assertTrue(((ElementFigure) EditorFixture.part(editor, vma).getFigure()).isHighlighted());
        assertEquals("memory_lock W: reset", ((ElementFigure) EditorFixture.part(editor, s.getDevices().get(0)).getFigure()).getLock());
        assertEquals("follow_pfnmap_start F1_LOCK", ((ActorFigure) EditorFixture.part(editor, qemu).getFigure()).getStatus());
        EditorFixture.screenshot(editor.viewer().getControl(), "editor-overlay.png");
        assertTrue(EcoreUtil.equals(before, s), "the overlay never changes the model");
        assertFalse(editor.isDirty());

        diagram.setOverlay(null);
        drain();
        assertNull(diagram.getOverlay());
        assertFalse(((ElementFigure) EditorFixture.part(editor, vma).getFigure()).isHighlighted());
        assertSame(IDiagramOverlay.EntryState.PRESENT, ((EntryFigure) EditorFixture.part(editor, zapped).getFigure()).getState());
    }

    /**
     * Example 02's split step: the PUD leaf is gone, so its VMA says "no entry at start — ..." where the leaf
     * was, and the ghost drawn there is labelled who zapped it. The two texts must not cover each other,
     * nor any other text the diagram draws.
     */
    @Test
    void aGhostsLabelCoversNoTextOfTheDiagram() throws Exception {
        long vma0 = 0x7f00_0000_0000L;
        Scenario s = ScenarioBuilder.named("ghost label")
                .device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30)
                .barVma("bar0", vma0, 1L << 30, 0, 0)
                .pinner("qemu", vma0, 4L << 20)
                .walker("numa_maps", "bar0", 1)
                .build();
        ScenarioEditor editor = EditorFixture.open(dir, "ghost.pinscope", s);
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        var vma = diagram.getScenario().getAddressSpace().getVmas().get(0);
        diagram.setOverlay(new IDiagramOverlay() {
            @Override
            public List<Ghost> ghosts() {
                return List.of(new Ghost(vma0, PageLevel.PUD, EntryState.ZAPPED, "zapped by numa_maps, step 14"));
            }

            // as in the product at that step: the lock badge takes the VMA's bottom line, so every line of the
            // one-slot-high VMA is taken and the label must go beside it
            @Override
            public String lockLabel(EObject element) {
                return element == vma ? "mmap_lock R: qemu, numa_maps" : null;
            }

            @Override
            public long currentAddress() {
                return vma0;
            }
        });
        drain();
        dev.pinscope.testsupport.UiTestSupport.settle(() -> DiagramTexts.texts(editor).toString(), 10_000);
        EditorFixture.screenshot(editor.viewer().getControl(), "editor-ghost-label.png");
        VmaFigure vf = (VmaFigure) EditorFixture.part(editor, vma).getFigure();
        assertTrue(vf.getEmptyNote() != null && vf.getEmptyNote().startsWith("no entry at start"), "the VMA says it has no entry: " + vf.getEmptyNote());
        var ghostLabel = editor.diagramPart().overlayFigure().texts().stream()
                .filter(t -> t.shown().equals("PUD zapped by numa_maps, step 14")).findFirst();
        assertTrue(ghostLabel.isPresent(), "the ghost is labelled: " + editor.diagramPart().overlayFigure().texts());
        List<DiagramTexts.Placed> texts = DiagramTexts.texts(editor);
        StringBuilder overlaps = new StringBuilder();
        for (DiagramTexts.Placed t : texts) {
            if (!t.box().equals(ghostLabel.get()) && t.box().bounds().intersects(ghostLabel.get().bounds())) {
                overlaps.append("'").append(t.box().shown()).append("' (").append(t.owner()).append(") at ")
                        .append(t.box().bounds()).append("; ");
            }
        }
        assertEquals("", overlaps.toString(), "the ghost's label at " + ghostLabel.get().bounds() + " covers");
        // and drawn in full on the canvas
        var b = ghostLabel.get().bounds();
        int[] size = diagram.diagramSize();
        assertTrue(b.x >= 0 && b.y >= 0 && b.right() <= size[0] && b.bottom() <= size[1], b + " inside " + List.of(size[0], size[1]));
    }

    /**
     * A diagram with no free place near a ghost (its VMA one slot high, packed between others, many ghosts): the
     * labels still cover no text nor each other, and the diagram grows under them when it must.
     */
    @Test
    void manyGhostsLabelsCoverNoTextNorEachOther() throws Exception {
        long vma0 = 0x7f00_0000_0000L;
        var b = ScenarioBuilder.named("many ghosts").device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30);
        for (int i = 0; i < 4; i++) {
            b.barVma("bar0-" + i, vma0 + ((long) i << 21), 2L << 20, 0, (long) i << 21);
        }
        Scenario s = b.pinner("qemu", vma0, 8L << 20).build();
        ScenarioEditor editor = EditorFixture.open(dir, "ghosts.pinscope", s);
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        diagram.setOverlay(new IDiagramOverlay() {
            @Override
            public List<Ghost> ghosts() {
                List<Ghost> out = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    out.add(new Ghost(vma0 + ((long) i << 21), PageLevel.PMD, EntryState.ZAPPED, "zapped by reset, step " + (10 + i)));
                }
                for (int i = 0; i < 512; i += 64) {
                    out.add(new Ghost(vma0 + ((long) i << 12), PageLevel.PTE, EntryState.ZAPPED, "zapped by unmap_mapping_range, step " + i));
                }
                return out;
            }

            @Override
            public String lockLabel(EObject element) {
                return element instanceof dev.pinscope.model.scenario.Vma ? "mmap_lock R: qemu" : null;
            }
        });
        drain();
        dev.pinscope.testsupport.UiTestSupport.settle(() -> DiagramTexts.texts(editor).toString() + List.of(diagram.diagramSize()[1]), 10_000);
        DiagramTexts.render(editor, "editor-many-ghosts.png");
        List<DiagramTexts.Placed> texts = DiagramTexts.texts(editor);
        List<DiagramTexts.Placed> labels = texts.stream().filter(t -> t.owner().equals("run overlay")).toList();
        assertEquals(12, ghostsTold(labels), "every ghost is told of, alone or in a run of its kind: " + labels);
        StringBuilder overlaps = new StringBuilder();
        int[] size = diagram.diagramSize();
        for (DiagramTexts.Placed l : labels) {
            for (DiagramTexts.Placed t : texts) {
                if (t != l && t.box().bounds().intersects(l.box().bounds())) {
                    overlaps.append("'").append(l.box().shown()).append("' covers '").append(t.box().shown()).append("' (")
                            .append(t.owner()).append("); ");
                }
            }
            var r = l.box().bounds();
            assertEquals(l.box().full(), l.box().shown());
            assertTrue(r.x >= 0 && r.y >= 0 && r.right() <= size[0] && r.bottom() <= size[1], r + " inside " + List.of(size[0], size[1]));
        }
        assertEquals("", overlaps.toString());
    }

    /** A reset over hundreds of 4K pages: the ghosts side by side get one label for the run, covering no text. */
    @Test
    void hundredsOfGhostsSideBySideGetOneLabel() throws Exception {
        long vma0 = 0x7f00_0000_0000L;
        Scenario s = ScenarioBuilder.named("reset over 4K pages").device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30)
                .barVma("bar0", vma0, 2L << 20, 0, 0).pinner("qemu", vma0, 2L << 20).build();
        ScenarioEditor editor = EditorFixture.open(dir, "reset.pinscope", s);
        IScenarioDiagram diagram = Adapters.adapt(editor, IScenarioDiagram.class);
        diagram.setOverlay(new IDiagramOverlay() {
            @Override
            public List<Ghost> ghosts() {
                List<Ghost> out = new java.util.ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    out.add(new Ghost(vma0 + ((long) i << 12), PageLevel.PTE, EntryState.ZAPPED, "zapped by reset, step " + (5 + i)));
                }
                return out;
            }
        });
        drain();
        dev.pinscope.testsupport.UiTestSupport.settle(() -> DiagramTexts.texts(editor).toString() + List.of(diagram.diagramSize()[1]), 10_000);
        DiagramTexts.render(editor, "editor-hundreds-of-ghosts.png");
        List<DiagramTexts.Placed> texts = DiagramTexts.texts(editor);
        List<DiagramTexts.Placed> labels = texts.stream().filter(t -> t.owner().equals("run overlay")).toList();
        assertEquals(List.of("300 PTEs zapped by reset, steps 5\u2013304"), labels.stream().map(l -> l.box().full()).toList(),
                "the run of ghosts side by side gets one label");
        for (DiagramTexts.Placed l : labels) {
            for (DiagramTexts.Placed t : texts) {
                assertFalse(t != l && t.box().bounds().intersects(l.box().bounds()),
                        "'" + l.box().shown() + "' covers '" + t.box().shown() + "' (" + t.owner() + ")");
            }
        }
    }

    /** How many ghosts the run labels tell of: "4 PMDs zapped by reset, steps 10–13" tells of 4, a ghost's own label of 1. */
    private static int ghostsTold(List<DiagramTexts.Placed> labels) {
        int n = 0;
        for (DiagramTexts.Placed l : labels) {
            var m = java.util.regex.Pattern.compile("(\\d+) (PUD|PMD|PTE)s zapped .*").matcher(l.box().full());
            n += m.matches() ? Integer.parseInt(m.group(1)) : l.box().full().contains(" zapped by ") ? 1 : 0;
        }
        return n;
    }
}
