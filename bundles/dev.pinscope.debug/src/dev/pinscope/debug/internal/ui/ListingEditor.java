package dev.pinscope.debug.internal.ui;

import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
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

    @SuppressWarnings("unchecked")
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IToggleBreakpointsTarget.class) {
            return (T) new ListingToggleBreakpointsTarget();
        }
        return super.getAdapter(adapter);
    }
}
