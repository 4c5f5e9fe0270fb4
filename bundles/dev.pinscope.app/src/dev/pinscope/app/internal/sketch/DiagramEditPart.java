package dev.pinscope.app.internal.sketch;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.List;

import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editpolicies.RootComponentEditPolicy;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.CreateRequest;

public class DiagramEditPart extends AbstractGraphicalEditPart implements PropertyChangeListener {

    public SketchDiagram diagram() {
        return (SketchDiagram) getModel();
    }

    @Override
    protected IFigure createFigure() {
        FreeformLayer layer = new FreeformLayer();
        layer.setLayoutManager(new FreeformLayout());
        return layer;
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new RootComponentEditPolicy());
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new XYLayoutEditPolicy() {
            @Override
            protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
                return new SetBoundsCommand((SketchNode) child.getModel(), (Rectangle) constraint);
            }

            @Override
            protected Command getCreateCommand(CreateRequest request) {
                Object created = request.getNewObject();
                if (!(created instanceof SketchNode node)) {
                    return null;
                }
                return new CreateNodeCommand(diagram(), node, (Rectangle) getConstraintFor(request));
            }
        });
    }

    @Override
    protected List getModelChildren() {
        return diagram().getNodes();
    }

    @Override
    public void activate() {
        super.activate();
        diagram().addPropertyChangeListener(this);
    }

    @Override
    public void deactivate() {
        diagram().removePropertyChangeListener(this);
        super.deactivate();
    }

    @Override
    public void propertyChange(PropertyChangeEvent evt) {
        refreshChildren();
    }
}
