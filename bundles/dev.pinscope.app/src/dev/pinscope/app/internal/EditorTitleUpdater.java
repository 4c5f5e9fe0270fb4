package dev.pinscope.app.internal;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;

/**
 * Keeps the window title at "Pinscope - &lt;active editor&gt;" so the task bar (and the packaging
 * test) can tell which scenario a window shows, also after the session was restored.
 */
public final class EditorTitleUpdater implements IPartListener2 {

    public static final String PRODUCT = "Pinscope";

    private final IWorkbenchWindow window;

    private EditorTitleUpdater(IWorkbenchWindow window) {
        this.window = window;
    }

    public static void install(IWorkbenchWindow window) {
        EditorTitleUpdater updater = new EditorTitleUpdater(window);
        window.getPartService().addPartListener(updater);
        updater.update();
    }

    /** The title for a window whose active editor has the given title (null: none). */
    public static String titleFor(String editorTitle) {
        return editorTitle == null || editorTitle.isBlank() ? PRODUCT : PRODUCT + " - " + editorTitle;
    }

    void update() {
        if (window.getShell() == null || window.getShell().isDisposed()) {
            return;
        }
        IWorkbenchPage page = window.getActivePage();
        IEditorPart editor = page == null ? null : page.getActiveEditor();
        String title = titleFor(editor == null ? null : editor.getTitle());
        if (!title.equals(window.getShell().getText())) {
            window.getShell().setText(title);
        }
    }

    @Override
    public void partActivated(IWorkbenchPartReference ref) {
        update();
    }

    @Override
    public void partBroughtToTop(IWorkbenchPartReference ref) {
        update();
    }

    @Override
    public void partClosed(IWorkbenchPartReference ref) {
        update();
    }

    @Override
    public void partOpened(IWorkbenchPartReference ref) {
        update();
    }

    @Override
    public void partInputChanged(IWorkbenchPartReference ref) {
        update();
    }
}
