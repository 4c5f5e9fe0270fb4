package dev.pinscope.diagram.internal.parts;

import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.EditPolicy;

import dev.pinscope.diagram.internal.figures.EntryFigure;
import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;

/**
 * What a page-table leaf and a run of leaves have in common: both are drawn as an {@link EntryFigure}
 * coloured by level, and both can only be deleted (moves and creation are the VMA's layout policy's).
 */
public abstract class LeafEditPart extends ElementEditPart {

    protected LeafEditPart(DiagramContext context) {
        super(context);
    }

    @Override
    protected IFigure createFigure() {
        return new EntryFigure();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new ElementComponentPolicy(context));
    }

    protected EntryFigure entryFigure() {
        return (EntryFigure) getFigure();
    }
}
