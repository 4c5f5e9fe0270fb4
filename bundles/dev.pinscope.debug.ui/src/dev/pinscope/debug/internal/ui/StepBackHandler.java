package dev.pinscope.debug.internal.ui;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.debug.core.DebugException;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/** Step Back (one step of the trace) and Run Back to the previous breakpoint. */
public class StepBackHandler extends AbstractHandler {

    public static final String STEP_BACK = "dev.pinscope.debug.stepBack";
    public static final String RUN_BACK = "dev.pinscope.debug.runBack";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        PinscopeDebugTarget t = DebugContexts.current();
        if (t == null) {
            return null;
        }
        try {
            if (RUN_BACK.equals(event.getCommand().getId())) {
                t.runBackToBreakpoint();
            } else {
                t.stepBack();
            }
        } catch (DebugException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return null;
    }

    /** Re-evaluated whenever the debug context (the Debug view's selection) changes, e.g. after every step. */
    @Override
    public void setEnabled(Object evaluationContext) {
        PinscopeDebugTarget t = DebugContexts.current();
        setBaseEnabled(t != null && t.canStepBack());
    }
}
