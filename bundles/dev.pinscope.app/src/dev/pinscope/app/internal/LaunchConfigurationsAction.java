package dev.pinscope.app.internal;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.actions.OpenLaunchDialogAction;
import org.eclipse.jface.action.Action;

/**
 * Run › Run Configurations… / Debug Configurations… without starting Eclipse Debug. The platform's
 * {@link OpenLaunchDialogAction} asks {@code DebugUIPlugin} for its launch group's label as soon as it is constructed,
 * which activates {@code org.eclipse.debug.ui} and {@code org.eclipse.debug.core} (launch and breakpoint managers,
 * launch history, perspective manager) while the menu bar is built, before the first window shows. This action reads
 * the same label from the launch group's declaration in the extension registry, which activates nothing, and makes
 * the platform's action only when the user picks the item.
 */
final class LaunchConfigurationsAction extends Action {

    /** The platform's wording for the item ({@code OpenLaunchDialogAction_1} of Eclipse Debug's messages). */
    private static final String FORMAT = "%s Configurations...";

    private final String launchGroupId;

    /** @param launchGroupId {@link IDebugUIConstants#ID_RUN_LAUNCH_GROUP} or {@link IDebugUIConstants#ID_DEBUG_LAUNCH_GROUP} */
    LaunchConfigurationsAction(String launchGroupId) {
        this.launchGroupId = launchGroupId;
        setId(launchGroupId + ".openDialog");
        setText(FORMAT.formatted(label(launchGroupId)));
    }

    /** The launch group's menu label as Eclipse Debug declares it ("Ru&amp;n", "De&amp;bug"). */
    static String label(String launchGroupId) {
        for (IConfigurationElement group : Platform.getExtensionRegistry()
                .getConfigurationElementsFor(IDebugUIConstants.PLUGIN_ID, "launchGroups")) {
            if (launchGroupId.equals(group.getAttribute("id")) && group.getAttribute("label") != null) {
                return group.getAttribute("label");
            }
        }
        return IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP.equals(launchGroupId) ? "De&bug" : "Ru&n";
    }

    @Override
    public void run() {
        new OpenLaunchDialogAction(launchGroupId).run();
    }
}
