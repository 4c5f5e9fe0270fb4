package dev.pinscope.app.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;

/**
 * Help › Help Contents: the help window on the Pinscope User Guide's first page. Opening it as a topic (rather
 * than as the help home page) makes the help window select it in the contents, so the guide's book is shown
 * expanded instead of collapsed under a generic start page.
 */
final class HelpContentsAction extends Action implements IWorkbenchAction {

    /** The guide's first page (the book's own topic in toc.xml). */
    static final String FIRST_PAGE = "/dev.pinscope.help/html/overview.html";

    HelpContentsAction(IWorkbenchWindow window) {
        super("&Help Contents");
        setId(ActionFactory.HELP_CONTENTS.getId());
        setActionDefinitionId(IWorkbenchCommandConstants.HELP_HELP_CONTENTS);
        setToolTipText("Open the Pinscope User Guide");
    }

    @Override
    public void run() {
        PlatformUI.getWorkbench().getHelpSystem().displayHelpResource(FIRST_PAGE);
    }

    @Override
    public void dispose() {
        // nothing held
    }
}
