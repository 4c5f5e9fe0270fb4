package dev.pinscope.results.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Run › Explore/Compare Configurations…: the launch dialog on the Explore or Compare launch group. */
public class OpenLaunchGroupHandler extends AbstractHandler {
    public static final String EXPLORE_GROUP = "dev.pinscope.results.launchGroup.explore";
    public static final String COMPARE_GROUP = "dev.pinscope.results.launchGroup.compare";

    @Override
    public Object execute(ExecutionEvent event) {
        String group = "compare".equals(event.getParameter("dev.pinscope.results.group")) ? COMPARE_GROUP
                : EXPLORE_GROUP;
        DebugUITools.openLaunchConfigurationDialogOnGroup(HandlerUtil.getActiveShell(event), StructuredSelection.EMPTY,
                group);
        return null;
    }
}
