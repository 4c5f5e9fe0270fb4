package dev.pinscope.app.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;

/**
 * Help › Help Contents: the help window on the Pinscope User Guide's first page (its Overview topic). Opening a
 * topic of the book (rather than the help home page, or the book's own page) makes the help window select it in
 * the contents, so the guide's book is shown expanded.
 */
final class HelpContentsAction extends Action implements IWorkbenchAction {

    /** The guide's first page (the book's first topic in toc.xml). */
    static final String FIRST_PAGE = "/dev.pinscope.help/html/overview.html";

    private final IWorkbenchWindow window;

    HelpContentsAction(IWorkbenchWindow window) {
        super("&Help Contents");
        this.window = window;
        setId(ActionFactory.HELP_CONTENTS.getId());
        setActionDefinitionId(IWorkbenchCommandConstants.HELP_HELP_CONTENTS);
        setToolTipText("Open the Pinscope User Guide");
    }

    @Override
    public void run() {
        HelpServer.display(window.getShell(), FIRST_PAGE);
    }

    @Override
    public void dispose() {
        // nothing held
    }
}
