package dev.pinscope.diagram.internal.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.internal.editor.ExampleEditorInput;
import dev.pinscope.model.examples.Examples;

/**
 * Help › Examples: one item per shipped example, opened read-only (Save As keeps a copy). The reported bug comes
 * first and says so; the Welcome page's example picker lists {@link #entries()} in the same order and words.
 */
public class ExamplesMenu extends CompoundContributionItem {

    /** The race the patch is about (numa_maps splits a PUD in W1), KERNEL-MODEL §10 row 2. */
    public static final String REPORTED_BUG = "02-numa-maps-split-w1";

    /** An example as menus and pickers show it: its number, its title, and whether it is the reported bug. */
    public record Entry(Examples.Example example, boolean reportedBug) {
        public String number() {
            String id = example.id();
            int dash = id.indexOf('-');
            return dash > 0 ? id.substring(0, dash) : id;
        }

        public String label() {
            return number() + "  " + example.title() + (reportedBug ? "  (the reported bug)" : "");
        }
    }

    /** Every shipped example: the reported bug first, then the others in their number order. */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        List<Examples.Example> all = Examples.list();
        all.stream().filter(e -> e.id().equals(REPORTED_BUG)).forEach(e -> out.add(new Entry(e, true)));
        all.stream().filter(e -> !e.id().equals(REPORTED_BUG)).forEach(e -> out.add(new Entry(e, false)));
        return out;
    }

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        for (Entry entry : entries()) {
            items.add(new ActionContributionItem(new Action(entry.label().replace("&", "&&")) {
                @Override
                public void run() {
                    open(entry.example());
                }
            }));
            if (entry.reportedBug()) {
                items.add(new Separator());
            }
        }
        return items.toArray(new IContributionItem[0]);
    }

    /** Opens {@code example} in the scenario editor; an example already open is brought to the front. */
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
