package dev.pinscope.results.internal;

import dev.pinscope.results.ResultsIds;
import dev.pinscope.spin.SpinVerifier;
import java.util.Map;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.menus.UIElement;

/**
 * Results view › Check with SPIN. Off where spin or gcc is missing, and then its label and tool tip say how to
 * install them; otherwise it starts {@link SpinColumn#check} on what the Results view shows.
 */
public final class SpinCheckHandler extends AbstractHandler implements IElementUpdater {
    public static final String COMMAND = "dev.pinscope.results.checkWithSpin";

    /** null when spin and gcc are installed, else the install hint. */
    public static String missing() {
        return SpinVerifier.missingTools();
    }

    @Override
    public boolean isEnabled() {
        return missing() == null;
    }

    @Override
    public Object execute(ExecutionEvent event) {
        String m = missing();
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
        if (m != null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Check with SPIN", m);
            return null;
        }
        ResultsView v;
        try {
            v = (ResultsView) page.showView(ResultsIds.VIEW_ID);
        } catch (PartInitException e) {
            return null;
        }
        if (SpinColumn.get().check(v) == null) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Check with SPIN",
                    "Explore or compare the scenario first: SPIN checks the policies the Results view shows.");
        }
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void updateElement(UIElement element, Map parameters) {
        String m = missing();
        if (m != null) {
            element.setText("Check with SPIN (needs: apt install spin gcc)");
            element.setTooltip("Check with SPIN is off: " + m);
        } else {
            element.setText("Check with SPIN");
            element.setTooltip("Run SPIN on the Promela export of every policy shown and add a SPIN column; "
                    + "disagreements in red");
        }
    }
}
