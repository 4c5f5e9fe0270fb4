package dev.pinscope.diagram.internal.parts;

import java.util.List;

import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;

import dev.pinscope.diagram.internal.figures.DeviceFigure;
import dev.pinscope.diagram.internal.figures.SideAnchor;
import dev.pinscope.diagram.internal.layout.ElementText;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.policies.DeviceLayoutPolicy;
import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;
import dev.pinscope.diagram.internal.policies.NameDirectEditPolicy;
import dev.pinscope.diagram.internal.policies.ReferenceNodePolicy;
import dev.pinscope.model.scenario.Device;

/** A vfio-pci device on the physical side; its children are its BARs. */
public class DeviceEditPart extends ElementEditPart {

    public DeviceEditPart(DiagramContext context) {
        super(context);
    }

    public Device device() {
        return (Device) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new DeviceFigure();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new ElementComponentPolicy(context));
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new DeviceLayoutPolicy(context));
        installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new ReferenceNodePolicy(context));
        installEditPolicy(EditPolicy.DIRECT_EDIT_ROLE, new NameDirectEditPolicy(context));
    }

    @Override
    protected List<?> getModelChildren() {
        return device().getBars();
    }

    @Override
    protected void refreshLabels() {
        Device d = device();
        String state = ElementText.deviceState(d);
        ((DeviceFigure) getFigure()).setTexts(ElementText.deviceName(d), state);
        ((DeviceFigure) getFigure()).setHint("vfio-pci device " + d.getName() + ": " + state);
    }

    @Override
    protected ConnectionAnchor anchor(Link link, boolean source) {
        return new SideAnchor(getFigure(), true, 0.15);
    }

    @Override
    public void performRequest(Request request) {
        if (RequestConstants.REQ_DIRECT_EDIT.equals(request.getType()) || RequestConstants.REQ_OPEN.equals(request.getType())) {
            new NameDirectEditManager(this, ((DeviceFigure) getFigure())::nameBounds).show();
        }
    }
}
