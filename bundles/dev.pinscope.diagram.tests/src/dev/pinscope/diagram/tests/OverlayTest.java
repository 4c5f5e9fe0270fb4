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
}
