package dev.pinscope.diagram.internal.parts;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.TextMetrics;
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
    private TextMetrics metrics = TextMetrics.APPROXIMATE;
    private java.util.function.Consumer<String> status = m -> {
    };
    private String lastStatus;
    private int centreWidth;

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
            layout = DiagramLayout.compute(scenario, stale, metrics, centreWidth);
            stale = null;
        }
        return layout;
    }

    /** Centre a diagram narrower than {@code width} (0: leave it at the left). */
    public void setCentreWidth(int width) {
        if (width != centreWidth) {
            centreWidth = width;
            invalidateLayout();
        }
    }

    /** Where refusals are reported besides the cursor: the editor's status line. */
    public void setStatusLine(java.util.function.Consumer<String> status) {
        this.status = status;
    }

    /** Shows {@code message} as the status line's error, or clears it with null. */
    public void status(String message) {
        if (!java.util.Objects.equals(message, lastStatus)) {
            lastStatus = message;
            status.accept(message);
        }
    }

    /** The last message given to {@link #status(String)} (for tests). */
    public String lastStatus() {
        return lastStatus;
    }

    /** The fonts the figures draw with, so the layout can size boxes and place labels to fit them. */
    public void setMetrics(TextMetrics metrics) {
        this.metrics = metrics;
        invalidateLayout();
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
