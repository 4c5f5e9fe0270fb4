package dev.pinscope.diagram.internal.editor;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;

import dev.pinscope.model.examples.Examples;

/** Recreates a shipped example's read-only editor input from the session memento when the workbench restarts. */
public final class ExampleInputFactory implements IElementFactory {

    public static final String ID = "dev.pinscope.diagram.exampleInputFactory";
    static final String EXAMPLE = "example";

    @Override
    public IAdaptable createElement(IMemento memento) {
        String id = memento.getString(EXAMPLE);
        // an example this version no longer ships gives null: the workbench then says it cannot restore the editor
        return id == null ? null : Examples.find(id).map(ExampleEditorInput::new).orElse(null);
    }
}
