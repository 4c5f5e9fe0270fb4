package dev.pinscope.app.internal.restore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

import dev.pinscope.app.internal.PinscopeAppPlugin;

/**
 * Editors that a restart cannot bring back. The workbench saves an editor in the session only when its input has a
 * persistable form; any other editor would silently vanish. On shutdown their names are noted; the next start opens
 * one {@link NotRestoredEditor} in the editor area that names each and says why.
 */
public final class NotRestored {

    /** One editor that did not come back: its title and why. */
    public record Note(String title, String reason) {
    }

    private NotRestored() {
    }

    static Path noteFile() {
        return PinscopeAppPlugin.getDefault().getStateLocation().toFile().toPath().resolve("not-restored.txt");
    }

    /** The open editors whose input the session cannot save. */
    public static List<Note> unrestorable(IWorkbench workbench) {
        List<Note> out = new ArrayList<>();
        for (IWorkbenchWindow window : workbench.getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference ref : page.getEditorReferences()) {
                    try {
                        IEditorInput input = ref.getEditorInput();
                        if (input.getPersistable() == null && !(input instanceof NotRestoredEditor.Input)) {
                            out.add(new Note(ref.getTitle(), "Pinscope cannot keep this kind of editor ("
                                    + input.getClass().getSimpleName() + ") across a restart; open it again from where it came from"));
                        }
                    } catch (PartInitException e) {
                        out.add(new Note(ref.getTitle(), "it could not be read at shutdown: " + e.getMessage()));
                    }
                }
            }
        }
        return out;
    }

    /** Called before the workbench saves its state: notes the editors it will not save (write, then rename). */
    public static void remember(IWorkbench workbench) {
        List<Note> notes = unrestorable(workbench);
        try {
            Path file = noteFile();
            if (notes.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            StringBuilder text = new StringBuilder();
            notes.forEach(n -> text.append(n.title().replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(n.reason().replace('\n', ' ')).append('\n'));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | IllegalStateException e) {
            ILog.of(NotRestored.class).log(Status.warning("Cannot note the editors a restart will not restore", e));
        }
    }

    /** After the session was restored: if the last one left editors behind, says so in the editor area (once). */
    public static void report(IWorkbenchPage page) {
        Path file = noteFile();
        if (page == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            List<Note> notes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    notes.add(new Note(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
            Files.delete(file);
            if (!notes.isEmpty()) {
                page.openEditor(new NotRestoredEditor.Input(notes), NotRestoredEditor.ID, false);
            }
        } catch (IOException | PartInitException e) {
            ILog.of(NotRestored.class).log(Status.warning("Cannot report the editors that were not restored", e));
        }
    }
}
