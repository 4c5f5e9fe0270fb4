package dev.pinscope.diagram.internal.commands;

import org.eclipse.emf.common.command.AbstractCommand;
import org.eclipse.gef.commands.Command;

/** Runs a composite GEF command (e.g. a multi-selection move) as one entry of the EMF stack. */
final class GefAsEmfCommand extends AbstractCommand {

    private final Command gef;

    GefAsEmfCommand(Command gef) {
        super(gef.getLabel() == null ? "Edit" : gef.getLabel());
        this.gef = gef;
    }

    @Override
    protected boolean prepare() {
        return gef.canExecute();
    }

    @Override
    public void execute() {
        gef.execute();
    }

    @Override
    public boolean canUndo() {
        return gef.canUndo();
    }

    @Override
    public void undo() {
        gef.undo();
    }

    @Override
    public void redo() {
        gef.redo();
    }

    @Override
    public void dispose() {
        gef.dispose();
    }
}
