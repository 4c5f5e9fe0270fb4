package dev.pinscope.diagram.internal.policies;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.CreateRequest;

import dev.pinscope.diagram.internal.commands.ChangeAddressCommand;
import dev.pinscope.diagram.internal.commands.CreateElementCommand;
import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.ReorderCommand;
import dev.pinscope.diagram.internal.parts.DiagramContext;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;

/** Inside a device: creates BARs, reorders them by dragging, resizes them to a power of two. */
public class DeviceLayoutPolicy extends AxisLayoutPolicy {

    public DeviceLayoutPolicy(DiagramContext context) {
        super(context, Bar.class);
    }

    private Device device() {
        return (Device) getHost().getModel();
    }

    @Override
    protected Command getCreateCommand(CreateRequest request) {
        if (request.getNewObject() != ElementKind.BAR) {
            return null;
        }
        return EmfCommand.of(CreateElementCommand.create(context.domain(), context.scenario(), ElementKind.BAR, 0, device()));
    }

    @Override
    protected Command createAddCommand(EditPart child, Object constraint) {
        return null; // a BAR belongs to its device
    }

    @Override
    protected Command changeCommand(Object model, Rectangle r, Rectangle old, boolean resize) {
        if (!(model instanceof Bar b)) {
            return null;
        }
        if (resize) {
            // bar figures are 120 px + 5 px per doubling of pages (DiagramLayout.barWidth)
            double doublings = Math.max(0, (r.width - 120) / 5.0);
            long size = 4096L << Math.min(40, Math.round(doublings));
            return EmfCommand.of(ChangeAddressCommand.barSize(context.domain(), b, size));
        }
        int index = 0;
        for (Bar other : device().getBars()) {
            Rectangle ob = layout().bounds(other);
            if (other != b && ob != null && ob.x < r.x) {
                index++;
            }
        }
        return EmfCommand.of(ReorderCommand.create(context.domain(), b, index));
    }

}
