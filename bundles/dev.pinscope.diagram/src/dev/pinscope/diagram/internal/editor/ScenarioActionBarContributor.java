package dev.pinscope.diagram.internal.editor;

import org.eclipse.gef.ui.actions.ActionBarContributor;
import org.eclipse.gef.ui.actions.DeleteRetargetAction;
import org.eclipse.gef.ui.actions.GEFActionConstants;
import org.eclipse.gef.ui.actions.RedoRetargetAction;
import org.eclipse.gef.ui.actions.UndoRetargetAction;
import org.eclipse.gef.ui.actions.ZoomComboContributionItem;
import org.eclipse.gef.ui.actions.ZoomInRetargetAction;
import org.eclipse.gef.ui.actions.ZoomOutRetargetAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.RetargetAction;

/**
 * Connects the workbench's Edit and File menu items and the tool bar to the active scenario
 * editor's actions, and adds a Diagram menu (zoom, grid, Validate).
 */
public class ScenarioActionBarContributor extends ActionBarContributor {

    @Override
    protected void buildActions() {
        addRetargetAction(new UndoRetargetAction());
        addRetargetAction(new RedoRetargetAction());
        addRetargetAction(new DeleteRetargetAction());
        addRetargetAction(new ZoomInRetargetAction());
        addRetargetAction(new ZoomOutRetargetAction());
        addRetargetAction(new RetargetAction(ScenarioEditor.ZOOM_FIT, "Zoom to &Fit"));
        addRetargetAction(new RetargetAction(GEFActionConstants.TOGGLE_GRID_VISIBILITY, "&Grid"));
        addRetargetAction(new RetargetAction(ScenarioEditor.VALIDATE, "&Validate"));
    }

    @Override
    protected void declareGlobalActionKeys() {
        addGlobalActionKey(ActionFactory.COPY.getId());
        addGlobalActionKey(ActionFactory.PASTE.getId());
        addGlobalActionKey(ActionFactory.SELECT_ALL.getId());
        addGlobalActionKey(ActionFactory.REVERT.getId());
    }

    @Override
    public void contributeToToolBar(IToolBarManager bar) {
        bar.add(new Separator());
        bar.add(getAction(ActionFactory.UNDO.getId()));
        bar.add(getAction(ActionFactory.REDO.getId()));
        bar.add(new Separator());
        bar.add(getAction(GEFActionConstants.ZOOM_OUT));
        bar.add(new ZoomComboContributionItem(getPage()));
        bar.add(getAction(GEFActionConstants.ZOOM_IN));
        bar.add(getAction(ScenarioEditor.ZOOM_FIT));
        bar.add(new Separator());
        bar.add(getAction(ScenarioEditor.VALIDATE));
    }

    @Override
    public void contributeToMenu(IMenuManager menu) {
        MenuManager diagram = new MenuManager("&Diagram", "dev.pinscope.diagram.menu");
        diagram.add(getAction(GEFActionConstants.ZOOM_IN));
        diagram.add(getAction(GEFActionConstants.ZOOM_OUT));
        diagram.add(getAction(ScenarioEditor.ZOOM_FIT));
        diagram.add(getAction(GEFActionConstants.TOGGLE_GRID_VISIBILITY));
        diagram.add(new Separator());
        diagram.add(getAction(ScenarioEditor.VALIDATE));
        menu.insertAfter(IWorkbenchActionConstants.M_EDIT, diagram);
    }

    /**
     * When a scenario fails to load, the workbench shows its error part in the editor's place and still
     * hands it to this contributor; GEF's contributor assumes every editor has an action registry.
     */
    @Override
    public void setActiveEditor(org.eclipse.ui.IEditorPart editor) {
        if (editor != null && editor.getAdapter(org.eclipse.gef.ui.actions.ActionRegistry.class) == null) {
            return;
        }
        super.setActiveEditor(editor);
    }
}
