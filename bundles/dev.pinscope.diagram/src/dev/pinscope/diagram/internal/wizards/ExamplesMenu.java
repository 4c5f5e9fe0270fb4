package dev.pinscope.diagram.internal.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.editor.ExampleEditorInput;
import dev.pinscope.model.examples.Examples;

/** Help › Examples: one item per shipped example, opened read-only (Save As keeps a copy). */
public class ExamplesMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        for (Examples.Example e : Examples.list()) {
            items.add(new ActionContributionItem(new Action(e.id().substring(0, Math.min(2, e.id().length())) + " " + e.title()) {
                @Override
                public void run() {
                    open(e);
                }
            }));
        }
        return items.toArray(new IContributionItem[0]);
    }

    /** Opens {@code example} in the scenario editor. */
    public static org.eclipse.ui.IEditorPart open(Examples.Example example) {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = w == null ? null : w.getActivePage();
        if (page == null) {
            return null;
        }
        try {
            return page.openEditor(new ExampleEditorInput(example), DiagramIds.EDITOR_ID);
        } catch (PartInitException ex) {
            org.eclipse.core.runtime.ILog.of(ExamplesMenu.class).log(ex.getStatus());
            return null;
        }
    }
}
