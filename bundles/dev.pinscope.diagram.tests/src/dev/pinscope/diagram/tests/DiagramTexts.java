package dev.pinscope.diagram.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.figures.ElementFigure;
import dev.pinscope.diagram.internal.figures.LinkFigure;
import dev.pinscope.diagram.internal.figures.TextBox;
import dev.pinscope.diagram.internal.layout.AxisLabels;
import dev.pinscope.diagram.internal.parts.ElementEditPart;
import dev.pinscope.diagram.internal.parts.LinkEditPart;

/**
 * Reads what an open diagram draws: every text with its box (element figures, link labels, tick
 * labels, lane titles, legend), every node box and every link's polyline, in diagram coordinates;
 * and renders the whole diagram to a PNG.
 */
final class DiagramTexts {

    /** A text somewhere on the diagram, with who draws it. */
    record Placed(String owner, TextBox box) {
    }

    private DiagramTexts() {
    }

    static List<ElementEditPart> elementParts(ScenarioEditor e) {
        List<ElementEditPart> out = new ArrayList<>();
        collect(e.diagramPart(), out);
        return out;
    }

    private static void collect(EditPart p, List<ElementEditPart> out) {
        for (Object c : p.getChildren()) {
            if (c instanceof ElementEditPart ep) {
                out.add(ep);
            }
            collect((EditPart) c, out);
        }
    }

    static List<LinkEditPart> links(ScenarioEditor e) {
        List<LinkEditPart> out = new ArrayList<>();
        for (ElementEditPart p : elementParts(e)) {
            for (Object c : p.getSourceConnections()) {
                out.add((LinkEditPart) c);
            }
        }
        return out;
    }

    static String name(EditPart p) {
        Object m = p.getModel();
        if (m instanceof org.eclipse.emf.ecore.EObject o) {
            var f = o.eClass().getEStructuralFeature("name");
            return o.eClass().getName() + (f == null ? "" : " " + o.eGet(f));
        }
        return String.valueOf(m);
    }

    /** Every text the diagram draws. */
    static List<Placed> texts(ScenarioEditor e) {
        List<Placed> out = new ArrayList<>();
        for (ElementEditPart p : elementParts(e)) {
            for (TextBox t : p.elementFigure().texts()) {
                out.add(new Placed(name(p), t));
            }
        }
        for (LinkEditPart l : links(e)) {
            LinkFigure f = (LinkFigure) l.getFigure();
            if (f.label().isVisible() && !f.getLabelText().isEmpty()) {
                out.add(new Placed("link " + l.link().kind() + " " + name(l.getSource()), new TextBox(TextBox.Role.LABEL,
                        f.getLabelText(), f.getLabelText(), f.label().getBounds().getCopy())));
            }
        }
        AxisLabels a = e.context().layout().axisLabels();
        for (AxisLabels.Text t : a.fixedTexts()) {
            out.add(new Placed("lane title", new TextBox(TextBox.Role.LABEL, t.text(), t.text(), t.bounds())));
        }
        for (AxisLabels.Text t : a.gapSizes()) {
            out.add(new Placed("gap size", new TextBox(TextBox.Role.LABEL, t.text(), t.text(), t.bounds())));
        }
        for (int k = 0; k < a.tickCount(); k++) {
            out.add(new Placed("tick label", new TextBox(TextBox.Role.LABEL, a.tickText(k), a.tickText(k), a.tickBounds(k))));
        }
        for (TextBox t : e.diagramPart().lanesFigure().legend()) {
            out.add(new Placed("legend", t));
        }
        for (TextBox t : e.diagramPart().overlayFigure().texts()) {
            out.add(new Placed("run overlay", t));
        }
        return out;
    }

    /** The figures a link may cross: its ends and every figure containing them. */
    static Set<IFigure> allowedFor(LinkEditPart l) {
        Set<IFigure> allowed = new HashSet<>();
        for (EditPart end : new EditPart[] {l.getSource(), l.getTarget()}) {
            for (EditPart p = end; p instanceof GraphicalEditPart g && p instanceof ElementEditPart; p = p.getParent()) {
                allowed.add(g.getFigure());
            }
        }
        return allowed;
    }

    /** The polyline's segments as thin rectangles. */
    static List<Rectangle> segments(LinkEditPart l) {
        PointList pts = ((LinkFigure) l.getFigure()).getPoints();
        List<Rectangle> out = new ArrayList<>();
        for (int i = 0; i + 1 < pts.size(); i++) {
            Point a = pts.getPoint(i);
            Point b = pts.getPoint(i + 1);
            out.add(new Rectangle(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.abs(a.x - b.x) + 1, Math.abs(a.y - b.y) + 1));
        }
        return out;
    }

    /** Whether a segment drawn from a to b passes through the inside of {@code box} (touching its edge is not). */
    static boolean crosses(Rectangle segment, Rectangle box) {
        Rectangle inner = box.getCopy().shrink(2, 2);
        return inner.width > 0 && inner.height > 0 && segment.intersects(inner);
    }

    /** Renders the whole diagram at 100 % (not just what the window shows) to {@code target/screenshots/NAME}. */
    static Path render(ScenarioEditor e, String name) throws Exception {
        String dir = System.getProperty("pinscope.screenshots", "target/screenshots");
        Files.createDirectories(Path.of(dir));
        var layout = e.context().layout();
        ScalableFreeformRootEditPart root = (ScalableFreeformRootEditPart) e.viewer().getRootEditPart();
        IFigure layers = root.getLayer(LayerConstants.PRINTABLE_LAYERS);
        Display display = Display.getCurrent();
        int w = Math.min(layout.width(), 6000);
        int h = layout.height();
        Image image = new Image(display, w, h);
        GC gc = new GC(image);
        SWTGraphics g = new SWTGraphics(gc);
        g.setBackgroundColor(display.getSystemColor(SWT.COLOR_WHITE));
        g.fillRectangle(0, 0, w, h);
        g.setClip(new Rectangle(0, 0, w, h));
        layers.paint(g);
        g.dispose();
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        Path out = Path.of(dir, name);
        loader.save(out.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return out;
    }
}
