package dev.pinscope.diagram.internal.editor;

import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.gef.ui.actions.ActionRegistry;
import org.eclipse.gef.ui.actions.GEFActionConstants;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.ui.actions.ActionFactory;

/** The diagram's context menu: undo/redo, edit, direct edit, Validate, zoom, grid. */
public class ScenarioContextMenuProvider extends ContextMenuProvider {

    private final ActionRegistry actions;

    public ScenarioContextMenuProvider(EditPartViewer viewer, ActionRegistry actions) {
        super(viewer);
        this.actions = actions;
    }

    @Override
    public void buildContextMenu(IMenuManager menu) {
        GEFActionConstants.addStandardActionGroups(menu);
        add(menu, GEFActionConstants.GROUP_UNDO, ActionFactory.UNDO.getId());
        add(menu, GEFActionConstants.GROUP_UNDO, ActionFactory.REDO.getId());
        add(menu, GEFActionConstants.GROUP_COPY, ActionFactory.COPY.getId());
        add(menu, GEFActionConstants.GROUP_COPY, ActionFactory.PASTE.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, ActionFactory.DELETE.getId());
        add(menu, GEFActionConstants.GROUP_EDIT, GEFActionConstants.DIRECT_EDIT);
        add(menu, GEFActionConstants.GROUP_EDIT, ActionFactory.SELECT_ALL.getId());
        add(menu, GEFActionConstants.GROUP_REST, ScenarioEditor.VALIDATE);
        add(menu, GEFActionConstants.GROUP_VIEW, GEFActionConstants.ZOOM_IN);
        add(menu, GEFActionConstants.GROUP_VIEW, GEFActionConstants.ZOOM_OUT);
        add(menu, GEFActionConstants.GROUP_VIEW, ScenarioEditor.ZOOM_FIT);
        add(menu, GEFActionConstants.GROUP_VIEW, GEFActionConstants.TOGGLE_GRID_VISIBILITY);
        add(menu, GEFActionConstants.GROUP_SAVE, ActionFactory.SAVE.getId());
        add(menu, GEFActionConstants.GROUP_SAVE, ActionFactory.REVERT.getId());
    }

    private void add(IMenuManager menu, String group, String id) {
        IAction a = actions.getAction(id);
        if (a != null && (a.isEnabled() || ScenarioEditor.VALIDATE.equals(id) || id.startsWith("org.eclipse.gef.zoom") || id.equals(GEFActionConstants.TOGGLE_GRID_VISIBILITY))) {
            menu.appendToGroup(group, a);
        }
    }
}
