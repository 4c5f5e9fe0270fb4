package dev.pinscope.app.internal.sketch;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartFactory;

public class SketchEditPartFactory implements EditPartFactory {

    @Override
    public EditPart createEditPart(EditPart context, Object model) {
        EditPart part = model instanceof SketchDiagram ? new DiagramEditPart()
                : model instanceof SketchNode ? new NodeEditPart() : null;
        if (part != null) {
            part.setModel(model);
        }
        return part;
    }
}
