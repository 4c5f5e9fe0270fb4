package dev.pinscope.app.internal.sketch;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.commands.Command;

public class CreateNodeCommand extends Command {

    private final SketchDiagram diagram;
    private final SketchNode node;

    public CreateNodeCommand(SketchDiagram diagram, SketchNode node, Rectangle bounds) {
        super("Create " + node.getKind());
        this.diagram = diagram;
        this.node = node;
        node.setBounds(bounds);
    }

    @Override
    public void execute() {
        diagram.add(node);
    }

    @Override
    public void undo() {
        diagram.remove(node);
    }
}
