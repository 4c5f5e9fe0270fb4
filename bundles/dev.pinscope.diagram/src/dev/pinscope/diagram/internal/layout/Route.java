package dev.pinscope.diagram.internal.layout;

import java.util.List;

import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;

/**
 * Where a link is drawn: an orthogonal polyline in diagram coordinates that goes around every box
 * but its ends (and their containers), and its label's box beside the line, or null when no free
 * place was found (the link's tooltip then carries the text).
 */
public record Route(List<Point> points, String label, Rectangle labelBounds) {
}
