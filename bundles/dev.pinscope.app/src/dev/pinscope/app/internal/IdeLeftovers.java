package dev.pinscope.app.internal;

import java.util.Set;

import org.eclipse.ui.internal.WorkbenchPlugin;
import org.eclipse.ui.internal.registry.ActionSetRegistry;
import org.eclipse.ui.internal.registry.IActionSetDescriptor;

/**
 * Removes the action sets that {@code org.eclipse.ui.ide} and {@code org.eclipse.ui.editors} contribute to every
 * window: a second "Open File...", "Convert Line Delimiters To" and the text editors' annotation and edit-location
 * buttons in the main tool bar. Both are declared {@code visible="true"}, so
 * neither an activity nor a perspective can hide them; taking them out of the registry before the first window
 * opens is how RCP applications drop such contributions. (The IDE's "Open Projects from File System..." is a
 * command contribution and is hidden by the {@code dev.pinscope.app.ideOnly} activity in plugin.xml.)
 */
final class IdeLeftovers {

    /** Action set ids; a test asserts none of their actions reaches a menu. */
    static final Set<String> ACTION_SETS = Set.of("org.eclipse.ui.actionSet.openFiles",
            "org.eclipse.ui.edit.text.actionSet.convertLineDelimitersTo",
            // Next/Previous Annotation and Edit Location: text-editor navigation in the main tool bar
            "org.eclipse.ui.edit.text.actionSet.annotationNavigation", "org.eclipse.ui.edit.text.actionSet.navigation");

    private IdeLeftovers() {
    }

    static void removeActionSets() {
        ActionSetRegistry registry = WorkbenchPlugin.getDefault().getActionSetRegistry();
        for (IActionSetDescriptor set : registry.getActionSets()) {
            if (ACTION_SETS.contains(set.getId())) {
                registry.removeExtension(set.getConfigurationElement().getDeclaringExtension(), new Object[] {set});
            }
        }
    }
}
