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
import dev.pinscope.diagram.internal.commands.Refused;
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
        super(context, Vma.class, Pinner.class, PageTableEntry.class);
    }

    @Override
    protected Command getCreateCommand(CreateRequest request) {
        if (!(request.getNewObject() instanceof ElementKind kind) || kind == ElementKind.BAR) {
            return null;
        }
        Rectangle r = (Rectangle) getConstraintFor(request);
        long address = layout().axis().address(r.x);
        String refusal = CreateElementCommand.refusal(context.scenario(), kind, address, null);
        if (refusal != null) {
            return new Refused(refusal);
        }
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
        if (model instanceof Vma v && !resize) {
            long wanted = v.getStart() + seen(r.x - old.x, v.getEnd() - v.getStart(), old.width);
            String refusal = ChangeAddressCommand.vmaMoveRefusal(s, v, wanted);
            return refusal != null ? new Refused(refusal) : EmfCommand.of(ChangeAddressCommand.moveVma(domain, s, v, wanted));
        }
        org.eclipse.emf.common.command.Command c = switch (model) {
            case Vma v -> ChangeAddressCommand.resizeVma(domain, v, startAddress(r, old, v.getStart()), endAddress(r, old, v.getEnd()));
            case PageTableEntry e -> resize
                    ? ChangeAddressCommand.placeEntry(domain, s, e, startAddress(r, old, e.getVaddr()),
                            ScenarioMath.levelClosestTo(endAddress(r, old, ScenarioMath.end(e)) - startAddress(r, old, e.getVaddr())))
                    : ChangeAddressCommand.placeEntry(domain, s, e, layout().axis().address(r.x), e.getLevel());
            case Pinner p -> resize
                    ? ChangeAddressCommand.pinnerRange(domain, p, startAddress(r, old, p.getVaddr()), endAddress(r, old, p.getVaddr() + p.getSize()))
                    : ChangeAddressCommand.pinnerRange(domain, p, p.getVaddr() + seen(r.x - old.x, Math.max(p.getSize(), ScenarioMath.PAGE), old.width),
                            p.getVaddr() + seen(r.x - old.x, Math.max(p.getSize(), ScenarioMath.PAGE), old.width) + p.getSize());
            case CpuAccess a -> {
                Vma under = ScenarioMath.vmaAt(s, a.getVaddr());
                Rectangle ub = under == null ? null : layout().bounds(under);
                yield ub == null ? ChangeAddressCommand.cpuAddress(domain, a, moved(a.getVaddr(), r, old))
                        : ChangeAddressCommand.cpuAddress(domain, a, a.getVaddr() + seen(r.x - old.x, under.getEnd() - under.getStart(), ub.width));
            }
            case Actor a -> ReorderCommand.create(domain, a, indexByX(s.getActors(), a, r.x));
            case Device d -> ReorderCommand.create(domain, d, indexByX(s.getDevices(), d, r.x));
            default -> null;
        };
        return EmfCommand.of(c);
    }

    /**
     * The bytes a drag of {@code dx} pixels means for a figure {@code width} pixels wide standing
     * for {@code bytes}: the scale the user sees on that figure, not the axis's, which squeezes
     * gaps and would turn a short drag across one into a jump of terabytes.
     */
    static long seen(int dx, long bytes, int width) {
        return Math.round(dx * ((double) bytes / Math.max(1, width)));
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
