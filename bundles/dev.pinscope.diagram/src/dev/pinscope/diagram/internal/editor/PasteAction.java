package dev.pinscope.diagram.internal.editor;

import org.eclipse.gef.commands.Command;
import org.eclipse.gef.ui.actions.Clipboard;
import org.eclipse.gef.ui.actions.SelectionAction;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;

import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.PasteElementsCommand;

/** Edit › Paste: copies of the copied elements, moved to free address space. */
public class PasteAction extends SelectionAction {

    private final ScenarioEditor editor;

    public PasteAction(ScenarioEditor editor) {
        super(editor);
        this.editor = editor;
        setId(ActionFactory.PASTE.getId());
        setText("&Paste");
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_PASTE));
        setActionDefinitionId("org.eclipse.ui.edit.paste");
    }

    private Command command() {
        if (!(Clipboard.getDefault().getContents() instanceof CopyAction.CopiedElements copied)) {
            return null;
        }
        // elements deleted since they were copied can still be pasted: copies are made now
        return EmfCommand.of(PasteElementsCommand.create(editor.domain(), editor.getScenario(), copied.elements()));
    }

    @Override
    protected boolean calculateEnabled() {
        return Clipboard.getDefault().getContents() instanceof CopyAction.CopiedElements;
    }

    @Override
    public void run() {
        execute(command());
    }
}
