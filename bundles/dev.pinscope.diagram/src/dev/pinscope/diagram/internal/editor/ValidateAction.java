package dev.pinscope.diagram.internal.editor;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.PartInitException;

import dev.pinscope.diagram.DiagramIds;

/** Validate: checks the scenario now and shows the Scenario Problems view. */
public class ValidateAction extends Action {

    private final ScenarioEditor editor;

    public ValidateAction(ScenarioEditor editor) {
        super("&Validate");
        this.editor = editor;
        setId(ScenarioEditor.VALIDATE);
        setToolTipText("Check the scenario against the model's rules and list the problems");
    }

    @Override
    public void run() {
        editor.validateNow();
        try {
            editor.getSite().getPage().showView(DiagramIds.PROBLEMS_VIEW_ID, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(getClass()).log(e.getStatus());
        }
    }
}
