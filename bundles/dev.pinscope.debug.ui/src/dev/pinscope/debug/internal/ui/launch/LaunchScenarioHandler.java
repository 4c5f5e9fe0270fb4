package dev.pinscope.debug.internal.ui.launch;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Debug Scenario" / "Run Scenario" in the editor's toolbar and context menu. */
public class LaunchScenarioHandler extends AbstractHandler {

    public static final String DEBUG_COMMAND = "dev.pinscope.debug.debugScenario";
    public static final String RUN_COMMAND = "dev.pinscope.debug.runScenario";
    /** Optional: a RetryPolicy name overriding the scenario's own policy. */
    public static final String POLICY_PARAMETER = "dev.pinscope.debug.policyParameter";

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        if (editor != null) {
            String mode = RUN_COMMAND.equals(event.getCommand().getId()) ? ILaunchManager.RUN_MODE
                    : ILaunchManager.DEBUG_MODE;
            String policy = event.getParameter(POLICY_PARAMETER);
            if (policy == null) {
                new ScenarioLaunchShortcut().launch(editor, mode);
            } else {
                ScenarioLaunchShortcut.launch(editor, mode, policy);
            }
        }
        return null;
    }
}
