package dev.pinscope.debug.internal.ui.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;

import dev.pinscope.engine.spec.Policy;

/** The Debug Scenario drop-down: debug the same scenario under each retry policy, to compare them. */
public class PolicyMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        for (Policy p : Policy.values()) {
            var param = new CommandContributionItemParameter(PlatformUI.getWorkbench(), null,
                    LaunchScenarioHandler.DEBUG_COMMAND, CommandContributionItem.STYLE_PUSH);
            param.label = "Debug under " + p.name() + " (" + p.letter() + ")";
            param.parameters = Map.of(LaunchScenarioHandler.POLICY_PARAMETER, p.name());
            items.add(new CommandContributionItem(param));
        }
        return items.toArray(IContributionItem[]::new);
    }
}
