package dev.pinscope.diagram;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Scenario;

/**
 * What the scenario editor offers other bundles. Obtain it from an open editor with
 * {@code Adapters.adapt(editorPart, IScenarioDiagram.class)}. All methods must be called on the UI
 * thread.
 */
public interface IScenarioDiagram {

    /** The scenario being edited (the live model; read it, never change it behind the editor). */
    Scenario getScenario();

    /** Lays {@code overlay} over the diagram, or removes the current one with {@code null}. */
    void setOverlay(IDiagramOverlay overlay);

    /** The overlay currently shown, or {@code null}. */
    IDiagramOverlay getOverlay();

    /** Repaints the diagram after the overlay's answers changed (e.g. after a debugger step). */
    void overlayChanged();

    /**
     * Something the diagram draws emphasised: the figure of {@code element}, or ({@code element} null) a leaf of
     * the run at {@code vaddr}/{@code level} that is no element (faulted in, or a ghost). The bounds are where it
     * is drawn, in diagram coordinates.
     */
    record Highlight(EObject element, long vaddr, PageLevel level, int x, int y, int width, int height) {
    }

    /**
     * What the diagram draws with the highlight outline right now, read from its figures (not from the overlay),
     * in drawing order: elements first, then the run's own leaves.
     */
    List<Highlight> highlighted();

    /**
     * A text the diagram draws: who draws it ({@code "run overlay"} for the debugger's labels, else the element's
     * class and name, a link, a lane title...), what it says in full, what is drawn (shorter when elided; the
     * tooltip then has the full text) and where, in diagram coordinates.
     */
    record DrawnText(String owner, String text, String shown, int x, int y, int width, int height) {
    }

    /**
     * Every text the diagram draws right now, read from its figures as they paint them, the run overlay's labels
     * last; with {@link #diagramSize()} it lets a test check that no text covers another.
     */
    List<DrawnText> drawnTexts();

    /** The width and height of the whole drawn diagram (the overlay's labels included), in diagram coordinates. */
    int[] diagramSize();

    /** Selects {@code element}'s figure and scrolls it into view; false if it has no figure. */
    boolean reveal(EObject element);
}
