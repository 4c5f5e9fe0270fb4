package dev.pinscope.app.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Stepping through a scenario, laid out for a 1600x1000 screen without maximizing anything: the Debug
 * view (threads = actors, frames) beside Variables/Breakpoints on top; the editor area in the middle,
 * where the debugger puts the listing beside the scenario diagram; the Timeline beside the Scheduler at
 * the bottom. The launch buttons are the scenario editor's own (Debug/Run Scenario): the platform's
 * launch action set is not added, so the tool bar has one Debug and one Run button.
 */
public class DebugPerspective implements IPerspectiveFactory {

    public static final String ID = "dev.pinscope.app.perspective.debug";

    static final String DEBUG_VIEW = "org.eclipse.debug.ui.DebugView";
    static final String VARIABLES_VIEW = "org.eclipse.debug.ui.VariableView";
    static final String BREAKPOINTS_VIEW = "org.eclipse.debug.ui.BreakpointView";
    /** Contributed by the debugger bundle (named here by id: the app does not depend on it). */
    static final String TIMELINE_VIEW = "dev.pinscope.debug.timeline";
    static final String SCHEDULER_VIEW = "dev.pinscope.debug.scheduler";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout top = layout.createFolder("top", IPageLayout.TOP, 0.30f, editors);
        top.addView(DEBUG_VIEW);
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.50f, "top");
        right.addView(VARIABLES_VIEW);
        right.addView(BREAKPOINTS_VIEW);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.68f, editors);
        bottom.addView(TIMELINE_VIEW);
        bottom.addPlaceholder("dev.pinscope.results.*");
        IFolderLayout scheduler = layout.createFolder("scheduler", IPageLayout.RIGHT, 0.62f, "bottom");
        scheduler.addView(SCHEDULER_VIEW);
        scheduler.addView(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(DEBUG_VIEW);
        layout.addShowViewShortcut(VARIABLES_VIEW);
        layout.addShowViewShortcut(BREAKPOINTS_VIEW);
        layout.addShowViewShortcut(TIMELINE_VIEW);
        layout.addShowViewShortcut(SCHEDULER_VIEW);
        layout.addActionSet("org.eclipse.debug.ui.breakpointActionSet");
        layout.addPerspectiveShortcut(DesignPerspective.ID);
    }
}
