package dev.pinscope.app.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Designing a scenario: the diagram editor in the middle, outline and properties around it. */
public class DesignPerspective implements IPerspectiveFactory {

    public static final String ID = "dev.pinscope.app.perspective.design";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editors);
        left.addView(IPageLayout.ID_OUTLINE);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.72f, editors);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addPlaceholder(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addPlaceholder("dev.pinscope.*");
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addPerspectiveShortcut(DebugPerspective.ID);
    }
}
