package dev.pinscope.diagram;

import org.eclipse.emf.ecore.EObject;

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

    /** Selects {@code element}'s figure and scrolls it into view; false if it has no figure. */
    boolean reveal(EObject element);
}
