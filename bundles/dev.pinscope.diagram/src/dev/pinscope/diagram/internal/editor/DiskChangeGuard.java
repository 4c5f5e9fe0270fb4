package dev.pinscope.diagram.internal.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.events.ShellAdapter;
import org.eclipse.swt.events.ShellEvent;
import org.eclipse.swt.events.ShellListener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;

/**
 * Notices when the editor's file changes on disk behind its back (another editor, {@code git checkout}, a script)
 * and asks, as Eclipse's text editors do: when the editor is activated (or its window comes back to the front),
 * whether to replace the editor's contents with the file's; before saving, whether to overwrite the file's changes.
 * A file is "changed" when its modification time, size or identity (inode: an atomic save by another program
 * replaces it) differs from when the editor last read or wrote it. A file that is gone ("File Deleted") is offered
 * to be saved elsewhere (Save As) or its editor closed; saving it in place simply writes it again.
 */
final class DiskChangeGuard implements IPartListener2 {

    static final String CHANGED_TITLE = "File Changed";
    static final String CONFLICT_TITLE = "Update conflict";
    static final String DELETED_TITLE = "File Deleted";
    static final String SAVE_AS = "Save As\u2026";
    static final String CLOSE = "Close";

    /** What the editor last read or wrote. */
    private record Stamp(long modifiedNanos, long size, Object key) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                        + a.lastModifiedTime().toInstant().getNano(), a.size(), a.fileKey());
            } catch (IOException | RuntimeException e) {
                return null; // gone or unreadable
            }
        }
    }

    private final ScenarioEditor editor;
    private Stamp known;
    private boolean asking;
    private final ShellListener windowActivated = new ShellAdapter() {
        @Override
        public void shellActivated(ShellEvent e) {
            if (editor.getSite().getPage().getActiveEditor() == editor) {
                checkOnActivation();
            }
        }
    };

    DiskChangeGuard(ScenarioEditor editor) {
        this.editor = editor;
    }

    void install() {
        editor.getSite().getPage().addPartListener(this);
        editor.getSite().getShell().addShellListener(windowActivated);
    }

    void uninstall() {
        editor.getSite().getPage().removePartListener(this);
        Shell shell = editor.getSite().getShell();
        if (shell != null && !shell.isDisposed()) {
            shell.removeShellListener(windowActivated);
        }
    }

    /** After the editor read or wrote its file: this is the version it knows. */
    void remember() {
        Path f = file();
        known = f == null ? null : Stamp.of(f);
    }

    /** True when the file on disk is no longer the one the editor read or wrote. */
    boolean changedOnDisk() {
        Path f = file();
        if (f == null || known == null) {
            return false;
        }
        Stamp now = Stamp.of(f);
        return now != null && !Objects.equals(now, known);
    }

    @Override
    public void partActivated(IWorkbenchPartReference ref) {
        if (ref.getPart(false) == editor) {
            checkOnActivation();
        }
    }

    /** True when the file the editor read or wrote is no longer there (deleted or moved away). */
    boolean deletedOnDisk() {
        Path f = file();
        return f != null && known != null && !Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The editor came to the front: offer the file's new contents (Yes reloads, No keeps the editor's). */
    void checkOnActivation() {
        if (!asking && deletedOnDisk()) {
            askDeleted();
            return;
        }
        if (asking || !changedOnDisk()) {
            return;
        }
        asking = true;
        try {
            boolean reload = MessageDialog.openQuestion(editor.getSite().getShell(), CHANGED_TITLE, "The file '" + file()
                    + "' has been changed on the file system. Do you want to replace the editor contents with these changes?"
                    + (editor.isDirty() ? " Your unsaved changes in the editor would be lost." : ""));
            if (reload) {
                editor.revert(); // reads the file, and remembers it
            } else {
                remember(); // keep the editor's version; do not ask again until the file changes again
            }
        } finally {
            asking = false;
        }
    }

    /** The file is gone: Save As keeps the editor's scenario in a new file, Close drops the editor (as text editors do). */
    private void askDeleted() {
        asking = true;
        try {
            known = null; // asked once for this deletion; a later save or reload remembers the file again
            int answer = new MessageDialog(editor.getSite().getShell(), DELETED_TITLE, null, "The file '" + file()
                    + "' has been deleted from the file system. Do you want to save the scenario under a new name"
                    + " or close the editor" + (editor.isDirty() ? " without saving your changes?" : "?"),
                    MessageDialog.QUESTION, 0, SAVE_AS, CLOSE).open();
            if (answer == 0) {
                editor.doSaveAs();
            } else if (answer == 1) {
                editor.getSite().getShell().getDisplay().asyncExec(() -> editor.getSite().getPage().closeEditor(editor, false));
            }
        } finally {
            asking = false;
        }
    }

    /** Before saving over the file: false when it changed on disk and the user chose not to overwrite it. */
    boolean mayOverwrite() {
        if (!changedOnDisk()) {
            return true;
        }
        asking = true;
        try {
            return MessageDialog.openQuestion(editor.getSite().getShell(), CONFLICT_TITLE, "The file '" + file()
                    + "' has been changed on the file system. Do you want to overwrite the changes made on the file system?");
        } finally {
            asking = false;
        }
    }

    private Path file() {
        ScenarioDocument d = editor.document();
        return d == null || !d.isFile() ? null : d.file();
    }
}
