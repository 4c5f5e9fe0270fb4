package dev.pinscope.app.internal;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * The menu bar: File, Edit, Run, Window, Help. Each menu keeps the standard group markers so the
 * editor, the debugger and the exploration commands contribute into it declaratively.
 */
public class PinscopeActionBarAdvisor extends ActionBarAdvisor {

    /** The id Eclipse Debug contributes its launch actions to. */
    public static final String M_RUN = "org.eclipse.ui.run";
    /** File › New ▸. */
    public static final String NEW_MENU = "new";
    /** File › Recent Files ▸. */
    public static final String RECENT_MENU = "recentFiles";

    private IWorkbenchAction importWizard;
    private OpenFileAction openFile;
    private IWorkbenchAction save;
    private IWorkbenchAction saveAs;
    private IWorkbenchAction revert;
    private IWorkbenchAction close;
    private IWorkbenchAction closeAll;
    private IWorkbenchAction quit;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;
    private IWorkbenchAction cut;
    private IWorkbenchAction copy;
    private IWorkbenchAction paste;
    private IWorkbenchAction delete;
    private IWorkbenchAction selectAll;
    private IWorkbenchAction resetPerspective;
    private IWorkbenchAction preferences;
    private IWorkbenchAction helpContents;
    private AboutAction about;

    public PinscopeActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        // Ctrl+N (the "Other…" of File › New) has to be a registered action to keep its key binding
        register(ActionFactory.NEW.create(window));
        importWizard = register(ActionFactory.IMPORT.create(window));
        openFile = new OpenFileAction(window);
        register(openFile);
        save = register(ActionFactory.SAVE.create(window));
        saveAs = register(ActionFactory.SAVE_AS.create(window));
        revert = register(ActionFactory.REVERT.create(window));
        close = register(ActionFactory.CLOSE.create(window));
        closeAll = register(ActionFactory.CLOSE_ALL.create(window));
        quit = register(ActionFactory.QUIT.create(window));
        undo = register(ActionFactory.UNDO.create(window));
        redo = register(ActionFactory.REDO.create(window));
        cut = register(ActionFactory.CUT.create(window));
        copy = register(ActionFactory.COPY.create(window));
        paste = register(ActionFactory.PASTE.create(window));
        delete = register(ActionFactory.DELETE.create(window));
        selectAll = register(ActionFactory.SELECT_ALL.create(window));
        resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(window));
        preferences = register(ActionFactory.PREFERENCES.create(window));
        helpContents = register(new HelpContentsAction(window));
        about = new AboutAction(window);
        register(about);
    }

    /**
     * Run › Run/Debug Configurations… for perspectives without Eclipse Debug's launch action set; where that set is
     * shown (it brings the same two items) this one hides, so the Run menu never lists them twice.
     */
    private static final class UnlessLaunchActionSet extends ActionContributionItem {
        private static final String LAUNCH_ACTION_SET = "org.eclipse.debug.ui.launchActionSet";
        private final IWorkbenchWindow window;

        UnlessLaunchActionSet(org.eclipse.jface.action.IAction action, IWorkbenchWindow window) {
            super(action);
            this.window = window;
        }

        @Override
        public boolean isVisible() {
            if (window.getActivePage() instanceof org.eclipse.ui.internal.WorkbenchPage page) {
                for (var set : page.getActionSets()) {
                    if (LAUNCH_ACTION_SET.equals(set.getId())) {
                        return false;
                    }
                }
            }
            return super.isVisible();
        }
    }

    private IWorkbenchAction register(IWorkbenchAction action) {
        super.register(action);
        return action;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        IWorkbenchWindow window = getActionBarConfigurer().getWindowConfigurer().getWindow();

        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        // File › New ▸ lists the perspective's new-wizard shortcuts (Pinscope Scenario), then Other… (Ctrl+N)
        MenuManager newMenu = new MenuManager("&New", NEW_MENU);
        newMenu.add(ContributionItemFactory.NEW_WIZARD_SHORTLIST.create(window));
        file.add(newMenu);
        file.add(openFile);
        file.add(importWizard); // File > Import...: the org.eclipse.ui.importWizards (Pinscope > Address space from /proc)
        file.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
        file.add(new Separator());
        file.add(close);
        file.add(closeAll);
        file.add(new Separator(IWorkbenchActionConstants.SAVE_GROUP));
        file.add(save);
        file.add(saveAs);
        file.add(revert);
        file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        // the recently opened files are a dynamic list; in a submenu of their own they can never push out or
        // replace Exit (in the File menu itself the e4 renderer once dropped Exit behind "Clear History")
        MenuManager recent = new MenuManager("Recent &Files", RECENT_MENU);
        recent.add(ContributionItemFactory.REOPEN_EDITORS.create(window));
        recent.add(new GroupMarker(IWorkbenchActionConstants.MRU));
        file.add(recent);
        file.add(new Separator());
        file.add(quit);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
        edit.add(undo);
        edit.add(redo);
        edit.add(new GroupMarker(IWorkbenchActionConstants.UNDO_EXT));
        edit.add(new Separator());
        edit.add(cut);
        edit.add(copy);
        edit.add(paste);
        edit.add(new GroupMarker(IWorkbenchActionConstants.CUT_EXT));
        edit.add(new Separator());
        edit.add(delete);
        edit.add(selectAll);
        // text editors (e.g. a listing or a plain file) add Find/Replace here; without it they fail to open
        edit.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT));
        edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

        MenuManager run = new MenuManager("&Run", M_RUN);
        run.add(new GroupMarker("stepGroup"));
        run.add(new GroupMarker("stepIntoGroup"));
        run.add(new GroupMarker("stepOverGroup"));
        run.add(new GroupMarker("stepReturnGroup"));
        run.add(new GroupMarker("emptyStepGroup"));
        run.add(new Separator("relaunchGroup"));
        run.add(new Separator("runGroup"));
        run.add(new Separator("debugGroup"));
        run.add(new Separator("emptyLaunchGroup"));
        run.add(new UnlessLaunchActionSet(new LaunchConfigurationsAction(IDebugUIConstants.ID_RUN_LAUNCH_GROUP), window));
        run.add(new UnlessLaunchActionSet(new LaunchConfigurationsAction(IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP), window));
        run.add(new Separator("breakpointGroup"));
        run.add(new Separator("lineBreakpointGroup"));
        run.add(new Separator("emptyBreakpointGroup"));
        run.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager perspectives = new MenuManager("Open &Perspective", "openPerspective");
        perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        windowMenu.add(perspectives);
        MenuManager views = new MenuManager("Show &View", "showView");
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(views);
        windowMenu.add(resetPerspective);
        windowMenu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(preferences);

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(helpContents);
        help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));
        help.add(new Separator());
        help.add(about);

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(run);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        menuBar.add(help);
    }
}
