package dev.pinscope.diagram.internal.parts;

import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.AbstractConnectionEditPart;
import org.eclipse.gef.editpolicies.ConnectionEditPolicy;
import org.eclipse.gef.editpolicies.ConnectionEndpointEditPolicy;
import org.eclipse.gef.requests.GroupRequest;

import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.ReferenceCommand;
import dev.pinscope.diagram.internal.figures.Colors;
import dev.pinscope.diagram.internal.figures.LinkFigure;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.model.scenario.PageTableEntry;

/** A link between two elements; deleting a reference link unsets the reference. */
public class LinkEditPart extends AbstractConnectionEditPart {

    private final DiagramContext context;

    public LinkEditPart(DiagramContext context) {
        this.context = context;
    }

    public Link link() {
        return (Link) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new LinkFigure();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.CONNECTION_ENDPOINTS_ROLE, new ConnectionEndpointEditPolicy());
        installEditPolicy(EditPolicy.CONNECTION_ROLE, new ConnectionEditPolicy() {
            @Override
            protected Command getDeleteCommand(GroupRequest request) {
                return EmfCommand.of(ReferenceCommand.disconnect(context.domain(), link()));
            }
        });
    }

    /** Whether the layout routes this link differently from how it is drawn. */
    public boolean isStale() {
        return !java.util.Objects.equals(((LinkFigure) getFigure()).getRoute(), context.layout().route(link()));
    }

    @Override
    protected void refreshVisuals() {
        Link l = link();
        LinkFigure f = (LinkFigure) getFigure();
        switch (l.kind()) {
            case VMA_BAR -> f.setStyle(Colors.REF_LINK, false);
            case ZAPPER_DEVICE -> f.setStyle(Colors.ZAPPER, false);
            case WALKER_VMA -> f.setStyle(Colors.WALKER, false);
            case UNMAPPER_VMA -> f.setStyle(Colors.UNMAPPER, false);
            case SIGNAL_PINNER -> f.setStyle(Colors.SIGNAL, false);
            case PINNER_RANGE -> f.setStyle(Colors.PINNER, true);
            case CPU_VMA -> f.setStyle(Colors.CPU, true);
            case ENTRY_PFN -> f.setStyle(Colors.of(((PageTableEntry) l.source()).getLevel()), true);
        }
        f.setRoute(context.layout().route(l));
    }
}
