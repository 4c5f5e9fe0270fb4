package dev.pinscope.diagram.internal.policies;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.GraphicalNodeEditPolicy;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.eclipse.gef.requests.ReconnectRequest;

import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.ReferenceCommand;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.parts.DiagramContext;

/**
 * Connection tools: the first click picks the element that owns the reference (a VMA, a zapper, a
 * walker, an unmapper, a signal sender), the second the element it should point at.
 */
public class ReferenceNodePolicy extends GraphicalNodeEditPolicy {

    private final DiagramContext context;

    public ReferenceNodePolicy(DiagramContext context) {
        this.context = context;
    }

    /** Remembers the source between the two clicks. */
    static final class Start extends Command {
        final EObject source;

        Start(EObject source) {
            this.source = source;
        }
    }

    private static Link.Kind kindOf(CreateConnectionRequest request) {
        return request.getNewObject() instanceof Link.Kind k ? k : null;
    }

    @Override
    protected Command getConnectionCreateCommand(CreateConnectionRequest request) {
        EObject source = (EObject) getHost().getModel();
        Link.Kind wanted = kindOf(request);
        for (Link.Kind k : Link.Kind.values()) {
            if (k.isReference() && (wanted == null || wanted == k) && k.reference().getEContainingClass().isInstance(source)) {
                Start start = new Start(source);
                request.setStartCommand(start);
                return start;
            }
        }
        return null;
    }

    @Override
    protected Command getConnectionCompleteCommand(CreateConnectionRequest request) {
        if (!(request.getStartCommand() instanceof Start start)) {
            return null;
        }
        return EmfCommand.of(ReferenceCommand.connect(context.domain(), kindOf(request), start.source, (EObject) getHost().getModel()));
    }

    @Override
    protected Command getReconnectTargetCommand(ReconnectRequest request) {
        Link link = (Link) request.getConnectionEditPart().getModel();
        if (!link.kind().isReference()) {
            return null;
        }
        return EmfCommand.of(ReferenceCommand.connect(context.domain(), link.kind(), link.source(), (EObject) getHost().getModel()));
    }

    @Override
    protected Command getReconnectSourceCommand(ReconnectRequest request) {
        return null; // the source owns the reference; reconnect the target instead
    }
}
