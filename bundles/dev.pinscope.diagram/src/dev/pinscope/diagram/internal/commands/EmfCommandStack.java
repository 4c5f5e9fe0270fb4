package dev.pinscope.diagram.internal.commands;

import java.util.EventObject;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.commands.CommandStack;

/**
 * GEF's view of the editor's EMF {@link BasicCommandStack}: GEF tools and actions execute, undo
 * and redo here, but the history, the dirty state and the save point are the EMF stack's, so the
 * diagram, the Properties view and the outline share one undo history.
 */
public final class EmfCommandStack extends CommandStack {

    private final BasicCommandStack emf;
    private final org.eclipse.emf.common.command.CommandStackListener relay = this::changed;

    public EmfCommandStack(BasicCommandStack emf) {
        this.emf = emf;
        emf.addCommandStackListener(relay);
    }

    private void changed(EventObject event) {
        notifyListeners();
    }

    public BasicCommandStack emf() {
        return emf;
    }

    @Override
    public void execute(Command command) {
        if (command == null || !command.canExecute()) {
            return;
        }
        org.eclipse.emf.common.command.Command c = command instanceof EmfCommand e ? e.emf() : new GefAsEmfCommand(command);
        emf.execute(c);
    }

    @Override
    public boolean canUndo() {
        return emf.canUndo();
    }

    @Override
    public boolean canRedo() {
        return emf.canRedo();
    }

    @Override
    public void undo() {
        emf.undo();
    }

    @Override
    public void redo() {
        emf.redo();
    }

    @Override
    public Command getUndoCommand() {
        return emf.getUndoCommand() == null ? null : new EmfCommand(emf.getUndoCommand());
    }

    @Override
    public Command getRedoCommand() {
        return emf.getRedoCommand() == null ? null : new EmfCommand(emf.getRedoCommand());
    }

    @Override
    public boolean isDirty() {
        return emf.isSaveNeeded();
    }

    @Override
    public void markSaveLocation() {
        emf.saveIsDone();
        notifyListeners();
    }

    @Override
    public void flush() {
        emf.flush();
    }

    @Override
    public void dispose() {
        emf.removeCommandStackListener(relay);
        super.dispose();
    }
}
