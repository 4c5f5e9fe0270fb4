package dev.pinscope.diagram.internal.policies;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.DirectEditPolicy;
import org.eclipse.gef.requests.DirectEditRequest;

import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.RenameCommand;
import dev.pinscope.diagram.internal.parts.DiagramContext;

/** Renames the element from the in-place text editor. */
public class NameDirectEditPolicy extends DirectEditPolicy {

    private final DiagramContext context;

    public NameDirectEditPolicy(DiagramContext context) {
        this.context = context;
    }

    @Override
    protected Command getDirectEditCommand(DirectEditRequest request) {
        Object value = request.getCellEditor() == null ? null : request.getCellEditor().getValue();
        return EmfCommand.of(RenameCommand.create(context.domain(), (EObject) getHost().getModel(), value == null ? null : value.toString()));
    }

    @Override
    protected void showCurrentEditValue(DirectEditRequest request) {
        // the figure shows the name once the command runs
    }
}
