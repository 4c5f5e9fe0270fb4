package dev.pinscope.diagram.internal.editor;

import org.eclipse.gef.ui.actions.WorkbenchPartAction;
import org.eclipse.ui.actions.ActionFactory;

/** File › Revert: drops unsaved changes and re-reads the file. */
public class RevertAction extends WorkbenchPartAction {

    private final ScenarioEditor editor;

    public RevertAction(ScenarioEditor editor) {
        super(editor);
        this.editor = editor;
        setId(ActionFactory.REVERT.getId());
        setText("Rever&t");
        setToolTipText("Discard unsaved changes and read the file again");
    }

    @Override
    protected boolean calculateEnabled() {
        return editor.isDirty();
    }

    @Override
    public void run() {
        editor.revert();
    }
}
