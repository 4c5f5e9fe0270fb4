package dev.pinscope.debug.internal.ui;

import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.ui.editors.text.TextEditor;

/**
 * The policy's pseudo-C listing, read-only: line numbers, C-like colouring, the debugger's instruction
 * pointer, and line breakpoints toggled from the ruler.
 */
public class ListingEditor extends TextEditor {

    public static final String RULER_CONTEXT = "#PinscopeListingRulerContext";

    public ListingEditor() {
        setDocumentProvider(new ListingDocumentProvider());
        setSourceViewerConfiguration(new ListingViewerConfiguration());
        setRulerContextMenuId(RULER_CONTEXT);
        setEditorContextMenuId("#PinscopeListingContext");
    }

    @Override
    public boolean isEditable() {
        return false;
    }

    @Override
    public boolean isEditorInputReadOnly() {
        return true;
    }

    @Override
    protected boolean isLineNumberRulerVisible() {
        return true;
    }

    @Override
    protected boolean isOverviewRulerVisible() {
        return true;
    }

    @Override
    public void createPartControl(org.eclipse.swt.widgets.Composite parent) {
        super.createPartControl(parent);
        parent.getDisplay().asyncExec(this::besideTheDiagram);
    }

    /**
     * The listing and the scenario diagram are watched together while stepping: when the listing opens in
     * the same editor stack as a diagram, it moves into a stack of its own to the right of it (what a user
     * would do by dragging the tab), once per stack.
     */
    private void besideTheDiagram() {
        MPart part = getSite().getService(MPart.class);
        EModelService models = getSite().getService(EModelService.class);
        if (part == null || models == null || !((Object) part.getParent() instanceof MPartStack stack)) {
            return;
        }
        boolean diagramHere = stack.getChildren().stream().anyMatch(p -> p != part && (Object) p instanceof MPart mp
                && mp.getElementId() != null && "org.eclipse.e4.ui.compatibility.editor".equals(mp.getElementId())
                && mp.getTags().contains(dev.pinscope.diagram.DiagramIds.EDITOR_ID));
        if (!diagramHere) {
            return;
        }
        MPartStack right = models.createModelElement(MPartStack.class);
        right.getTags().add("EditorStack");
        stack.getChildren().remove(part);
        models.insert(right, stack, EModelService.RIGHT_OF, 0.45f);
        right.getChildren().add(part);
        right.setSelectedElement(part);
        if (stack.getSelectedElement() == null && !stack.getChildren().isEmpty()) {
            stack.setSelectedElement(stack.getChildren().get(0));
        }
        getSite().getPage().bringToTop(this);
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IToggleBreakpointsTarget.class) {
            return (T) new ListingToggleBreakpointsTarget();
        }
        return super.getAdapter(adapter);
    }
}
