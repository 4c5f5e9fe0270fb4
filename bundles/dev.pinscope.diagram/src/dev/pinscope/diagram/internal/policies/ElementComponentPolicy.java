package dev.pinscope.diagram.internal.policies;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.ComponentEditPolicy;
import org.eclipse.gef.requests.GroupRequest;

import dev.pinscope.diagram.internal.commands.DeleteElementsCommand;
import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.layout.EntryRun;
import dev.pinscope.diagram.internal.parts.DiagramContext;

/** Deleting an element (or a run of leaves) and every reference to it. */
public class ElementComponentPolicy extends ComponentEditPolicy {

    private final DiagramContext context;

    public ElementComponentPolicy(DiagramContext context) {
        this.context = context;
    }

    /** The model elements a part stands for. */
    public static List<? extends EObject> elementsOf(Object model) {
        if (model instanceof EntryRun r) {
            return r.entries();
        }
        return model instanceof EObject o ? List.of(o) : List.of();
    }

    @Override
    protected Command createDeleteCommand(GroupRequest request) {
        return EmfCommand.of(DeleteElementsCommand.create(context.domain(), elementsOf(getHost().getModel())));
    }
}
