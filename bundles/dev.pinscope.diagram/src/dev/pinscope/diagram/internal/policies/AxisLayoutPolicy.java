package dev.pinscope.diagram.internal.policies;

import org.eclipse.draw2d.PositionConstants;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.NonResizableEditPolicy;
import org.eclipse.gef.editpolicies.ResizableEditPolicy;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.ChangeBoundsRequest;

import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.parts.DiagramContext;

/**
 * Common base of the layout policies: a dragged or resized figure's new rectangle is turned back
 * into model values (addresses through the axis, order for everything else) by the subclass; GEF
 * never stores a rectangle.
 */
abstract class AxisLayoutPolicy extends XYLayoutEditPolicy {

    protected final DiagramContext context;

    AxisLayoutPolicy(DiagramContext context) {
        this.context = context;
    }

    protected DiagramLayout layout() {
        return context.layout();
    }

    /** Whether the child is resizable (left and right edges only: its extent on the axis). */
    protected abstract boolean isResizable(Object model);

    /** The command for a moved or resized child; {@code r} is in absolute diagram coordinates. */
    protected abstract Command changeCommand(Object model, Rectangle r, Rectangle old, boolean resize);

    /** Absolute diagram coordinates of a rectangle relative to this policy's container. */
    protected Rectangle toAbsolute(Rectangle relative) {
        return relative.getCopy();
    }

    @Override
    protected EditPolicy createChildEditPolicy(EditPart child) {
        if (isResizable(child.getModel())) {
            ResizableEditPolicy p = new ResizableEditPolicy();
            p.setResizeDirections(PositionConstants.EAST_WEST);
            return p;
        }
        return new NonResizableEditPolicy();
    }

    @Override
    protected Command createChangeConstraintCommand(ChangeBoundsRequest request, EditPart child, Object constraint) {
        Rectangle old = layout().bounds(child.getModel());
        if (old == null) {
            return null;
        }
        Rectangle r = toAbsolute((Rectangle) constraint);
        boolean resize = RequestConstants.REQ_RESIZE_CHILDREN.equals(request.getType());
        return changeCommand(child.getModel(), r, old, resize);
    }

    @Override
    protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
        return null; // every change goes through the request-aware variant above
    }

    /** The address at the left edge, exact when the edge did not move. */
    protected long startAddress(Rectangle r, Rectangle old, long oldStart) {
        return r.x == old.x ? oldStart : layout().axis().address(r.x);
    }

    /** The address at the right edge, exact when the edge did not move. */
    protected long endAddress(Rectangle r, Rectangle old, long oldEnd) {
        return r.right() == old.right() ? oldEnd : layout().axis().address(r.right());
    }
}
