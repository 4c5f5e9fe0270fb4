package dev.pinscope.diagram.internal.policies;

import java.util.List;

import org.eclipse.draw2d.PositionConstants;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.NonResizableEditPolicy;
import org.eclipse.gef.editpolicies.ResizableEditPolicy;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.ChangeBoundsRequest;
import org.eclipse.gef.requests.CreateRequest;

import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.parts.DiagramContext;

/**
 * Common base of the layout policies: a dragged or resized figure's new rectangle is turned back
 * into model values (addresses through the axis, order for everything else) by the subclass; GEF
 * never stores a rectangle.
 */
public abstract class AxisLayoutPolicy extends XYLayoutEditPolicy {

    protected final DiagramContext context;
    private final List<Class<?>> resizable;

    /** {@code resizable}: the kinds of children whose extent on the axis the user can drag. */
    AxisLayoutPolicy(DiagramContext context, Class<?>... resizable) {
        this.context = context;
        this.resizable = List.of(resizable);
    }

    protected DiagramLayout layout() {
        return context.layout();
    }

    private CursorHint hint;

    /** Says at the cursor what the hovered create, move or resize will do, or why it will not. */
    @Override
    public void showTargetFeedback(Request request) {
        super.showTargetFeedback(request);
        Command c = null;
        Point at = null;
        if (request instanceof CreateRequest cr && RequestConstants.REQ_CREATE.equals(request.getType())) {
            c = getCreateCommand(cr);
            at = cr.getLocation();
        } else if (request instanceof ChangeBoundsRequest cb) {
            at = cb.getLocation();
            if (RequestConstants.REQ_MOVE.equals(request.getType()) || RequestConstants.REQ_MOVE_CHILDREN.equals(request.getType())) {
                c = getMoveChildrenCommand(cb);
            } else if (RequestConstants.REQ_RESIZE_CHILDREN.equals(request.getType())) {
                c = getResizeChildrenCommand(cb);
            } else if (RequestConstants.REQ_ADD.equals(request.getType())) {
                c = getAddCommand(cb);
            } else {
                return;
            }
        } else {
            return;
        }
        if (hint == null) {
            hint = new CursorHint((org.eclipse.gef.GraphicalEditPart) getHost(), context);
        }
        hint.show(c instanceof org.eclipse.gef.commands.CompoundCommand cc && cc.size() == 1 ? (Command) cc.getCommands().get(0) : c, at);
    }

    @Override
    public void eraseTargetFeedback(Request request) {
        super.eraseTargetFeedback(request);
        if (hint != null) {
            hint.erase();
        }
    }

    /** The text shown at the cursor now, or null (for tests). */
    public String hintText() {
        return hint == null ? null : hint.text();
    }

    /** Whether the child is resizable (left and right edges only: its extent on the axis). */
    private boolean isResizable(Object model) {
        return resizable.stream().anyMatch(k -> k.isInstance(model));
    }

    /** The command for a moved or resized child; {@code r} is in absolute diagram coordinates. */
    protected abstract Command changeCommand(Object model, Rectangle r, Rectangle old, boolean resize);

    /**
     * Absolute diagram coordinates of a rectangle relative to this policy's container: a VMA or device box
     * holds its children relative to its own top-left; the diagram itself has no box and no offset.
     */
    protected final Rectangle toAbsolute(Rectangle relative) {
        Rectangle origin = layout().bounds(getHost().getModel());
        return origin == null ? relative.getCopy() : relative.getCopy().translate(origin.x, origin.y);
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
