package dev.pinscope.diagram.internal.commands;

import org.eclipse.gef.commands.Command;

/**
 * A GEF command that is an EMF command: what edit policies return, so every diagram edit runs on
 * the editor's one EMF command stack (see {@link EmfCommandStack}) and undoes like a Properties
 * view edit.
 */
public final class EmfCommand extends Command {

    private final org.eclipse.emf.common.command.Command emf;

    public EmfCommand(org.eclipse.emf.common.command.Command emf) {
        super(emf.getLabel());
        this.emf = emf;
    }

    /** Wraps {@code emf}, or answers null (GEF's "not allowed") when it is null or cannot run. */
    public static Command of(org.eclipse.emf.common.command.Command emf) {
        return emf == null || !emf.canExecute() ? null : new EmfCommand(emf);
    }

    public org.eclipse.emf.common.command.Command emf() {
        return emf;
    }

    @Override
    public boolean canExecute() {
        return emf.canExecute();
    }

    @Override
    public void execute() {
        emf.execute();
    }

    @Override
    public boolean canUndo() {
        return emf.canUndo();
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
    public void dispose() {
        emf.dispose();
    }
}
