package dev.pinscope.diagram.internal.parts;

import org.eclipse.draw2d.ChopboxAnchor;
import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.swt.graphics.Color;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.figures.ActorFigure;
import dev.pinscope.diagram.internal.figures.Colors;
import dev.pinscope.diagram.internal.figures.SideAnchor;
import dev.pinscope.diagram.internal.layout.ActorText;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;
import dev.pinscope.diagram.internal.policies.NameDirectEditPolicy;
import dev.pinscope.diagram.internal.policies.ReferenceNodePolicy;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.Zapper;

/** A racing thread in the actor lane; a pinner's box spans the range it pins. */
public class ActorEditPart extends ElementEditPart {

    public ActorEditPart(DiagramContext context) {
        super(context);
    }

    public Actor actor() {
        return (Actor) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new ActorFigure();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new ElementComponentPolicy(context));
        installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new ReferenceNodePolicy(context));
        installEditPolicy(EditPolicy.DIRECT_EDIT_ROLE, new NameDirectEditPolicy(context));
    }

    @Override
    protected void refreshLabels() {
        Actor a = actor();
        Color accent = switch (a) {
            case Pinner p -> Colors.PINNER;
            case Zapper z -> Colors.ZAPPER;
            case PageTableWalker w -> Colors.WALKER;
            case CpuAccess c -> Colors.CPU;
            case SignalSender s -> Colors.SIGNAL;
            case Unmapper u -> Colors.UNMAPPER;
            default -> Colors.MUTED;
        };
        String detail = ActorText.detail(a);
        ActorFigure f = (ActorFigure) getFigure();
        f.setTexts(ActorText.kind(a), ActorText.name(a), detail, accent);
        f.setHint(a.eClass().getName() + " " + ActorText.name(a) + ": " + detail);
    }

    /** An actor's box names other elements (the VMA it walks, the pinner it signals): always re-read. */
    @Override
    public boolean isStale() {
        return true;
    }

    @Override
    public void refreshDecorations() {
        super.refreshDecorations();
        IDiagramOverlay o = context.overlay();
        ((ActorFigure) getFigure()).setStatus(o == null ? null : o.actorStatus(actor()));
    }

    @Override
    protected ConnectionAnchor anchor(Link link, boolean source) {
        if (link.kind() == Link.Kind.SIGNAL_PINNER) {
            return new ChopboxAnchor(getFigure());
        }
        if (link.kind() == Link.Kind.PINNER_RANGE) {
            return new SideAnchor(getFigure(), false, 0.0);
        }
        return new SideAnchor(getFigure(), false, 0.5);
    }

    @Override
    public void performRequest(Request request) {
        if (RequestConstants.REQ_DIRECT_EDIT.equals(request.getType()) || RequestConstants.REQ_OPEN.equals(request.getType())) {
            new NameDirectEditManager(this, ((ActorFigure) getFigure())::nameBounds).show();
        }
    }
}
