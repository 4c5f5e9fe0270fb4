package dev.pinscope.diagram.internal.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.emf.ecore.EObject;

import dev.pinscope.diagram.internal.figures.LinkFigure;
import dev.pinscope.diagram.internal.figures.OverlayFigure;
import dev.pinscope.diagram.internal.figures.TextBox;
import dev.pinscope.diagram.internal.layout.AxisLabels;

/**
 * Every text the diagram draws, with who draws it, in diagram coordinates: the elements' own lines and badges,
 * the links' labels, the axis's titles and ticks, the legend and the run overlay's labels. The overlay places its
 * labels clear of these, and {@code IScenarioDiagram#drawnTexts()} hands them to other bundles' tests.
 */
public final class DrawnTexts {

    /** A text somewhere on the diagram and who draws it (an element's class and name, "link ...", "run overlay"). */
    public record Placed(String owner, TextBox box) {
    }

    private DrawnTexts() {
    }

    /** What the diagram draws under the run overlay: everything but the overlay's own labels. */
    public static List<Placed> underOverlay(ScenarioEditPart diagram) {
        List<Placed> out = new ArrayList<>();
        List<ElementEditPart> elements = new ArrayList<>();
        collect(diagram, elements);
        for (ElementEditPart p : elements) {
            for (TextBox t : p.elementFigure().texts()) {
                out.add(new Placed(name(p), t));
            }
        }
        for (ElementEditPart p : elements) {
            for (Object c : p.getSourceConnections()) {
                LinkEditPart l = (LinkEditPart) c;
                LinkFigure f = (LinkFigure) l.getFigure();
                if (f.label().isVisible() && !f.getLabelText().isEmpty()) {
                    out.add(new Placed("link " + l.link().kind() + " from " + name(p), new TextBox(TextBox.Role.LABEL,
                            f.getLabelText(), f.getLabelText(), f.label().getBounds().getCopy())));
                }
            }
        }
        AxisLabels a = diagram.context().layout().axisLabels();
        for (AxisLabels.Text t : a.fixedTexts()) {
            out.add(new Placed("lane title", new TextBox(TextBox.Role.LABEL, t.text(), t.text(), t.bounds())));
        }
        for (AxisLabels.Text t : a.gapSizes()) {
            out.add(new Placed("gap size", new TextBox(TextBox.Role.LABEL, t.text(), t.text(), t.bounds())));
        }
        for (int k = 0; k < a.tickCount(); k++) {
            out.add(new Placed("tick label", new TextBox(TextBox.Role.LABEL, a.tickText(k), a.tickText(k), a.tickBounds(k))));
        }
        for (TextBox t : diagram.lanesFigure().legend()) {
            out.add(new Placed("legend", t));
        }
        return out;
    }

    /** Everything the diagram draws, the run overlay's labels last. */
    public static List<Placed> all(ScenarioEditPart diagram) {
        List<Placed> out = underOverlay(diagram);
        OverlayFigure overlay = diagram.overlayFigure();
        for (TextBox t : overlay.texts()) {
            out.add(new Placed(OVERLAY, t));
        }
        return out;
    }

    /** The owner of the run overlay's labels. */
    public static final String OVERLAY = "run overlay";

    /** The element figures' boxes (VMAs, leaves, devices, actors), in diagram coordinates. */
    public static List<Rectangle> elementBoxes(ScenarioEditPart diagram) {
        List<ElementEditPart> elements = new ArrayList<>();
        collect(diagram, elements);
        return elements.stream().map(p -> p.getFigure().getBounds().getCopy()).toList();
    }

    private static void collect(EditPart p, List<ElementEditPart> out) {
        for (Object c : p.getChildren()) {
            if (c instanceof ElementEditPart ep) {
                out.add(ep);
            }
            collect((EditPart) c, out);
        }
    }

    private static String name(EditPart p) {
        if (p.getModel() instanceof EObject o) {
            var f = o.eClass().getEStructuralFeature("name");
            return o.eClass().getName() + (f == null ? "" : " " + o.eGet(f));
        }
        return String.valueOf(p.getModel());
    }
}
