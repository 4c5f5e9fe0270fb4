package dev.pinscope.app.internal.sketch;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;

public class NodeEditPart extends AbstractGraphicalEditPart implements PropertyChangeListener {

    public SketchNode node() {
        return (SketchNode) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new NodeFigure(node().getKind());
    }

    @Override
    protected void createEditPolicies() {
        // moving and resizing are decided by the diagram's layout policy
    }

    @Override
    public void activate() {
        super.activate();
        node().addPropertyChangeListener(this);
    }

    @Override
    public void deactivate() {
        node().removePropertyChangeListener(this);
        super.deactivate();
    }

    @Override
    protected void refreshVisuals() {
        ((NodeFigure) getFigure()).setText(node().getLabel());
        ((GraphicalEditPart) getParent()).setLayoutConstraint(this, getFigure(), node().getBounds());
    }

    @Override
    public void propertyChange(PropertyChangeEvent evt) {
        refreshVisuals();
    }
}
