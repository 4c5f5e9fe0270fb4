package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.AbstractRouter;
import org.eclipse.draw2d.Connection;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.Locator;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

import dev.pinscope.diagram.internal.layout.Route;

/**
 * A reference or derived link, drawn along the route the layout found around the boxes, with its
 * kernel-notation label (e.g. {@code pgoff 0x0}) beside the line.
 */
public class LinkFigure extends PolylineConnection {

    /** Lays a link along its layout route; a link without one goes straight between its anchors. */
    static final class LayoutRouter extends AbstractRouter {
        @Override
        public void route(Connection conn) {
            PointList points = conn.getPoints();
            points.removeAllPoints();
            Route r = conn instanceof LinkFigure f ? f.route : null;
            if (r != null && r.points().size() >= 2) {
                for (Point p : r.points()) {
                    points.addPoint(p.getCopy());
                }
            } else {
                Point start = getStartPoint(conn);
                Point end = getEndPoint(conn);
                points.addPoint(start);
                points.addPoint(end);
            }
            conn.setPoints(points);
        }
    }

    private static final LayoutRouter ROUTER = new LayoutRouter();

    private final Label label = new Label();
    private Route route;

    public LinkFigure() {
        setTargetDecoration(new PolygonDecoration());
        setConnectionRouter(ROUTER);
        label.setOpaque(false);
        label.setFont(Colors.normal());
        add(label, new Locator() {
            @Override
            public void relocate(IFigure target) {
                if (route != null && route.labelBounds() != null) {
                    target.setBounds(route.labelBounds());
                }
            }
        });
    }

    public void setStyle(Color color, boolean dashed) {
        setForegroundColor(color);
        setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
        label.setForegroundColor(color);
    }

    /** The layout's route and label place; a label with no free place is left to the tooltip. */
    public void setRoute(Route r) {
        route = r;
        setConnectionRouter(ROUTER);
        String text = r == null ? null : r.label();
        label.setText(text == null ? "" : text);
        boolean placed = text != null && r.labelBounds() != null;
        label.setVisible(placed);
        setToolTip(text != null && !placed ? new Label(text) : null);
        revalidate();
    }

    public Route getRoute() {
        return route;
    }

    public String getLabelText() {
        return label.getText();
    }

    /** The label figure (its bounds are where the text is drawn), visible only when it has a place. */
    public Label label() {
        return label;
    }
}
