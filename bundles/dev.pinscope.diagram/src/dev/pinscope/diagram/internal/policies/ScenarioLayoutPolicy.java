package dev.pinscope.diagram.internal.policies;

import java.util.List;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.Request;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.CreateRequest;

import dev.pinscope.diagram.internal.commands.ChangeAddressCommand;
import dev.pinscope.diagram.internal.commands.CreateElementCommand;
import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.ReorderCommand;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.diagram.internal.parts.DiagramContext;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;

/**
 * The diagram's layout policy: creates VMAs, devices and actors where the user clicks on the axis,
 * moves VMAs, pinners and CPU accesses along it, and reorders the other actors and the devices.
 */
public class ScenarioLayoutPolicy extends AxisLayoutPolicy {

    public ScenarioLayoutPolicy(DiagramContext context) {
        super(context);
    }

    @Override
    protected boolean isResizable(Object model) {
        return model instanceof Vma || model instanceof Pinner || model instanceof PageTableEntry;
    }

    @Override
    protected Command getCreateCommand(CreateRequest request) {
        if (!(request.getNewObject() instanceof ElementKind kind) || kind == ElementKind.BAR) {
            return null;
        }
        Rectangle r = (Rectangle) getConstraintFor(request);
        long address = layout().axis().address(r.x);
        return EmfCommand.of(CreateElementCommand.create(context.domain(), context.scenario(), kind, address, null));
    }

    @Override
    protected Command getAddCommand(Request request) {
        return null; // nothing is dragged out of a VMA or device onto the bare diagram
    }

    @Override
    protected Command changeCommand(Object model, Rectangle r, Rectangle old, boolean resize) {
        var domain = context.domain();
        var s = context.scenario();
        org.eclipse.emf.common.command.Command c = switch (model) {
            case Vma v -> resize
                    ? ChangeAddressCommand.resizeVma(domain, v, startAddress(r, old, v.getStart()), endAddress(r, old, v.getEnd()))
                    : ChangeAddressCommand.moveVma(domain, s, v, v.getStart() + layout().axis().address(r.x) - layout().axis().address(old.x));
            case PageTableEntry e -> resize
                    ? ChangeAddressCommand.placeEntry(domain, s, e, startAddress(r, old, e.getVaddr()),
                            ScenarioMath.levelClosestTo(endAddress(r, old, ScenarioMath.end(e)) - startAddress(r, old, e.getVaddr())))
                    : ChangeAddressCommand.placeEntry(domain, s, e, layout().axis().address(r.x), e.getLevel());
            case Pinner p -> resize
                    ? ChangeAddressCommand.pinnerRange(domain, p, startAddress(r, old, p.getVaddr()), endAddress(r, old, p.getVaddr() + p.getSize()))
                    : ChangeAddressCommand.pinnerRange(domain, p, moved(p.getVaddr(), r, old), moved(p.getVaddr(), r, old) + p.getSize());
            case CpuAccess a -> ChangeAddressCommand.cpuAddress(domain, a, moved(a.getVaddr(), r, old));
            case Actor a -> ReorderCommand.create(domain, a, indexByX(s.getActors(), a, r.x));
            case Device d -> ReorderCommand.create(domain, d, indexByX(s.getDevices(), d, r.x));
            default -> null;
        };
        return EmfCommand.of(c);
    }

    /** An address moved by the drag: shifted by the axis distance the figure's left edge travelled. */
    private long moved(long address, Rectangle r, Rectangle old) {
        var axis = layout().axis();
        return address + axis.address(r.x) - axis.address(old.x);
    }

    /** The list position a drop at x means: after every sibling whose figure starts left of x. */
    private int indexByX(List<? extends EObject> siblings, EObject moved, int x) {
        int index = 0;
        for (EObject o : siblings) {
            if (o == moved) {
                continue;
            }
            Rectangle b = layout().bounds(o);
            if (b != null && b.x < x) {
                index++;
            }
        }
        return index;
    }

    @Override
    public EditPart getTargetEditPart(Request request) {
        return super.getTargetEditPart(request);
    }
}
