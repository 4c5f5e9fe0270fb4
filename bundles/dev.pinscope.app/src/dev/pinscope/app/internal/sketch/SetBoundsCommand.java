package dev.pinscope.app.internal.sketch;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.commands.Command;

public class SetBoundsCommand extends Command {

    private final SketchNode node;
    private final Rectangle newBounds;
    private Rectangle oldBounds;

    public SetBoundsCommand(SketchNode node, Rectangle newBounds) {
        super("Move");
        this.node = node;
        this.newBounds = newBounds.getCopy();
    }

    @Override
    public void execute() {
        oldBounds = node.getBounds();
        node.setBounds(newBounds);
    }

    @Override
    public void undo() {
        node.setBounds(oldBounds);
    }
}
