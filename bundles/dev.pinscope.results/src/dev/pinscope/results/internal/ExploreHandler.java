package dev.pinscope.results.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Explore All Interleavings (current policy) or, as {@link Compare}, Compare Policies — on the active scenario
 * editor's model as it is now. Enabled only while a scenario editor is active (see plugin.xml).
 */
public class ExploreHandler extends AbstractHandler {
    protected boolean compare() {
        return false;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        if (ScenarioEditors.diagram(editor) == null) {
            editor = ScenarioEditors.activeScenarioEditor();
        }
        if (editor != null) {
            Explorations.start(editor, compare());
        }
        return null;
    }

    /** Compare Policies: every retry policy of KERNEL-MODEL.md §9. */
    public static class Compare extends ExploreHandler {
        @Override
        protected boolean compare() {
            return true;
        }
    }
}
