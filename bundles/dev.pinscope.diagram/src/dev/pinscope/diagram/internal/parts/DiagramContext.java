package dev.pinscope.diagram.internal.parts;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.model.scenario.Scenario;

/**
 * What every edit part of one editor shares: the editing domain its commands run on, the current
 * layout, the validation problems per element and the runtime overlay.
 */
public final class DiagramContext {

    private final AdapterFactoryEditingDomain domain;
    private final Scenario scenario;
    private DiagramLayout layout;
    private Map<EObject, List<String>> problems = Map.of();
    private IDiagramOverlay overlay;

    public DiagramContext(AdapterFactoryEditingDomain domain, Scenario scenario) {
        this.domain = domain;
        this.scenario = scenario;
    }

    public AdapterFactoryEditingDomain domain() {
        return domain;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The layout of the model as it is now (recomputed lazily after a change). */
    public DiagramLayout layout() {
        if (layout == null) {
            layout = DiagramLayout.compute(scenario, stale);
            stale = null;
        }
        return layout;
    }

    public void invalidateLayout() {
        if (layout != null) {
            stale = layout;
        }
        layout = null;
    }

    public boolean isLayoutValid() {
        return layout != null;
    }

    private DiagramLayout stale;

    public List<String> problems(Object element) {
        return element instanceof EObject o ? problems.getOrDefault(o, List.of()) : List.of();
    }

    public void setProblems(Map<EObject, List<String>> problems) {
        this.problems = problems;
    }

    public IDiagramOverlay overlay() {
        return overlay;
    }

    public void setOverlay(IDiagramOverlay overlay) {
        this.overlay = overlay;
    }
}
