package dev.pinscope.app.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Stepping through a scenario: the standard Eclipse Debug views (threads = actors, frames,
 * variables, breakpoints) around the listing editor. The Pinscope-specific views (timeline,
 * scheduler) join this layout through placeholders once the debugger contributes them.
 */
public class DebugPerspective implements IPerspectiveFactory {

    public static final String ID = "dev.pinscope.app.perspective.debug";

    static final String DEBUG_VIEW = "org.eclipse.debug.ui.DebugView";
    static final String VARIABLES_VIEW = "org.eclipse.debug.ui.VariableView";
    static final String BREAKPOINTS_VIEW = "org.eclipse.debug.ui.BreakpointView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout top = layout.createFolder("top", IPageLayout.TOP, 0.35f, editors);
        top.addView(DEBUG_VIEW);
        top.addPlaceholder("dev.pinscope.debug.*");
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.65f, "top");
        right.addView(VARIABLES_VIEW);
        right.addView(BREAKPOINTS_VIEW);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.7f, editors);
        bottom.addPlaceholder("dev.pinscope.*");
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(DEBUG_VIEW);
        layout.addShowViewShortcut(VARIABLES_VIEW);
        layout.addShowViewShortcut(BREAKPOINTS_VIEW);
        layout.addPerspectiveShortcut(DesignPerspective.ID);
    }
}
