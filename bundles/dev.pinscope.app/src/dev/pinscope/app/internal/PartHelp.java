package dev.pinscope.app.internal;

import java.util.Map;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * F1 in a Pinscope part opens its page of the user guide. SWT hands F1 to the focused control and, when that
 * control has no help of its own, to its parents; so each part's outermost composite gets the part's context id
 * (contexts.xml of dev.pinscope.help). Parts of the platform (Properties, Debug, Variables, Breakpoints) keep their
 * own ids, to which the help bundle adds Pinscope's topics.
 */
public final class PartHelp implements IPartListener2 {

    /** Part id → context id. */
    public static final Map<String, String> CONTEXTS = Map.of(
            "dev.pinscope.diagram.editor", "dev.pinscope.help.scenario_editor",
            "dev.pinscope.diagram.problems", "dev.pinscope.help.scenario_editor",
            "dev.pinscope.debug.listingEditor", "dev.pinscope.help.listing_editor",
            "dev.pinscope.debug.timeline", "dev.pinscope.help.timeline_view",
            "dev.pinscope.debug.scheduler", "dev.pinscope.help.scheduler_view",
            "dev.pinscope.results.view", "dev.pinscope.help.results_view");

    private PartHelp() {
    }

    public static void install(IWorkbenchWindow window) {
        PartHelp help = new PartHelp();
        window.getPartService().addPartListener(help);
        for (IWorkbenchPage page : window.getPages()) {
            for (IViewReference ref : page.getViewReferences()) {
                help.partOpened(ref);
            }
            for (IEditorReference ref : page.getEditorReferences()) {
                help.partOpened(ref);
            }
        }
    }

    @Override
    public void partOpened(IWorkbenchPartReference ref) {
        String context = CONTEXTS.get(ref.getId());
        IWorkbenchPart part = context == null ? null : ref.getPart(false);
        if (part != null && partControl(part) instanceof Composite control && !control.isDisposed()) {
            PlatformUI.getWorkbench().getHelpSystem().setHelp(control, context);
        }
    }

    /** The part's outermost composite: the widget of its e4 model element (read reflectively: an internal API). */
    public static Object partControl(IWorkbenchPart part) {
        try {
            Object model = part.getSite().getClass().getMethod("getModel").invoke(part.getSite());
            return model == null ? null : model.getClass().getMethod("getWidget").invoke(model);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void partVisible(IWorkbenchPartReference ref) {
        partOpened(ref); // a part created lazily gets its control only when first shown
    }
}
