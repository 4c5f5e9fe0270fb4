package dev.pinscope.diagram.internal.editor;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.ui.actions.SelectionAction;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;

import dev.pinscope.diagram.internal.commands.DeleteElementsCommand;
import dev.pinscope.diagram.internal.commands.EmfCommand;

/** Edit › Delete: one undoable command for everything selected. */
public class DeleteSelectionAction extends SelectionAction {

    private final ScenarioEditor editor;

    public DeleteSelectionAction(ScenarioEditor editor) {
        super(editor);
        this.editor = editor;
        setId(ActionFactory.DELETE.getId());
        setText("&Delete");
        setToolTipText("Delete the selected elements and every reference to them");
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
        setActionDefinitionId("org.eclipse.ui.edit.delete");
    }

    private Command command() {
        List<EObject> elements = SelectedElements.of(getSelectedObjects());
        return elements.isEmpty() ? null : EmfCommand.of(DeleteElementsCommand.create(editor.domain(), elements));
    }

    @Override
    protected boolean calculateEnabled() {
        Command c = command();
        return c != null && c.canExecute();
    }

    @Override
    public void run() {
        execute(command());
    }
}
