package dev.pinscope.diagram.internal.policies;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.requests.CreateRequest;

import dev.pinscope.diagram.internal.commands.ChangeAddressCommand;
import dev.pinscope.diagram.internal.commands.CreateElementCommand;
import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.Refused;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.diagram.internal.parts.DiagramContext;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Vma;

/**
 * Inside a VMA: creates leaves where the user clicks (aligned down to the level), moves them along
 * the axis snapping to their level alignment (also into another VMA), and resizing a leaf changes
 * its level to the one whose size is nearest.
 */
public class VmaLayoutPolicy extends AxisLayoutPolicy {

    public VmaLayoutPolicy(DiagramContext context) {
        super(context, PageTableEntry.class);
    }

    private Vma vma() {
        return (Vma) getHost().getModel();
    }

    @Override
    protected Command getCreateCommand(CreateRequest request) {
        if (!(request.getNewObject() instanceof ElementKind kind) || !kind.isEntry()) {
            return null;
        }
        Rectangle r = toAbsolute((Rectangle) getConstraintFor(request));
        long address = layout().axis().address(r.x);
        String refusal = CreateElementCommand.refusal(context.scenario(), kind, address, vma());
        if (refusal != null) {
            return new Refused(refusal);
        }
        return EmfCommand.of(CreateElementCommand.create(context.domain(), context.scenario(), kind, address, vma()));
    }

    @Override
    protected Command createAddCommand(EditPart child, Object constraint) {
        if (!(child.getModel() instanceof PageTableEntry e)) {
            return null;
        }
        Rectangle r = toAbsolute((Rectangle) constraint);
        return EmfCommand.of(ChangeAddressCommand.placeEntry(context.domain(), context.scenario(), e, layout().axis().address(r.x), e.getLevel()));
    }

    @Override
    protected Command changeCommand(Object model, Rectangle r, Rectangle old, boolean resize) {
        if (!(model instanceof PageTableEntry e)) {
            return null; // runs stand for many leaves: edit them in a smaller scenario
        }
        if (resize) {
            long start = startAddress(r, old, e.getVaddr());
            long end = endAddress(r, old, ScenarioMath.end(e));
            return EmfCommand.of(ChangeAddressCommand.placeEntry(context.domain(), context.scenario(), e, start,
                    ScenarioMath.levelClosestTo(end - start)));
        }
        // at the scale of the space between the leaves, which is what the box moves through
        long wanted = e.getVaddr() + Math.round((r.x - old.x) * layout().freeBytesPerPixel(vma()));
        var c = ChangeAddressCommand.placeEntry(context.domain(), context.scenario(), e, wanted, e.getLevel());
        if (c == null && Math.abs(wanted - e.getVaddr()) >= ScenarioMath.levelSize(e.getLevel()) / 2) {
            return new Refused(ChangeAddressCommand.entryMoveRefusal(context.scenario(), e));
        }
        return EmfCommand.of(c);
    }
}
