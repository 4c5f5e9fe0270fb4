package dev.pinscope.diagram.internal.editor;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.ui.actions.Clipboard;
import org.eclipse.gef.ui.actions.SelectionAction;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;

/** Edit › Copy: remembers the selected elements; Paste makes fresh copies of them. */
public class CopyAction extends SelectionAction {

    public CopyAction(ScenarioEditor editor) {
        super(editor);
        setId(ActionFactory.COPY.getId());
        setText("&Copy");
        setImageDescriptor(PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_TOOL_COPY));
        setActionDefinitionId("org.eclipse.ui.edit.copy");
    }

    @Override
    protected boolean calculateEnabled() {
        return !SelectedElements.of(getSelectedObjects()).isEmpty();
    }

    @Override
    public void run() {
        List<EObject> elements = SelectedElements.of(getSelectedObjects());
        if (!elements.isEmpty()) {
            Clipboard.getDefault().setContents(new CopiedElements(elements));
        }
    }

    /** What Copy puts on GEF's clipboard. */
    public record CopiedElements(List<EObject> elements) {
    }
}
