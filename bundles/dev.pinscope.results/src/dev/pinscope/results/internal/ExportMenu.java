package dev.pinscope.results.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * The Results view's Export drop-down: the results as Markdown, JSON or HTML, the diagram as PNG or SVG, a copy
 * of a shipped example with its results. An entry that has nothing to act on (no results yet, no diagram open,
 * not an example) is disabled rather than doing nothing when chosen. The file dialog starts beside the scenario
 * (or in the home folder), a name typed without the format's extension gets it, and a file is written to a
 * temporary file beside it and renamed, so an export that fails half-way never leaves a truncated file.
 */
public final class ExportMenu {

    /** Writes one export to {@code file}. */
    public interface Exporter {
        void export(Path file) throws IOException;
    }

    /** What the view can export right now. */
    public interface Source {
        Shell shell();

        /** The base of the proposed file name, e.g. the scenario's name. */
        String baseName();

        /** Where the dialog starts: the scenario file's folder, or null for the home folder. */
        Path folder();
    }

    private final Source source;
    private final MenuManager items = new MenuManager("Export");
    private final List<Action> results = new ArrayList<>();
    private final List<Action> diagram = new ArrayList<>();
    private final Action saveCopy;

    ExportMenu(Source source, Exporter markdown, Exporter json, Exporter html, Exporter png, Exporter svg, Runnable copy,
            String copyLabel) {
        this.source = source;
        results.add(add("Markdown…", "md", markdown));
        results.add(add("JSON (CLI --json shape)…", "json", json));
        results.add(add("HTML Report…", "html", html));
        items.add(new Separator());
        diagram.add(add("Diagram as PNG…", "png", png));
        diagram.add(add("Diagram as SVG…", "svg", svg));
        items.add(new Separator());
        saveCopy = new Action(copyLabel) {
            @Override
            public void run() {
                copy.run();
            }
        };
        items.add(saveCopy);
    }

    MenuManager items() {
        return items;
    }

    /** Enables the entries that have something to export. */
    void update(boolean hasResults, boolean hasDiagram, boolean canSaveCopy) {
        results.forEach(a -> a.setEnabled(hasResults));
        diagram.forEach(a -> a.setEnabled(hasDiagram));
        saveCopy.setEnabled(canSaveCopy);
    }

    private Action add(String label, String ext, Exporter exporter) {
        Action a = new Action(label) {
            @Override
            public void run() {
                Shell shell = source.shell();
                FileDialog fd = new FileDialog(shell, SWT.SAVE);
                fd.setFilterExtensions(new String[] {"*." + ext});
                fd.setOverwrite(true);
                Path folder = source.folder();
                fd.setFilterPath((folder != null ? folder : Path.of(System.getProperty("user.home"))).toString());
                fd.setFileName(source.baseName() + "." + ext);
                String chosen = fd.open();
                if (chosen == null) {
                    return;
                }
                Path file = withExtension(chosen, ext);
                try {
                    exporter.export(file);
                } catch (IOException | RuntimeException e) {
                    MessageDialog.openError(shell, "Export failed", message(file, e));
                }
            }
        };
        items.add(a);
        return a;
    }

    /** The file chosen, with the format's extension added when the name was typed without it ({@code report} → {@code report.md}). */
    public static Path withExtension(String chosen, String ext) {
        return Path.of(chosen.toLowerCase(java.util.Locale.ROOT).endsWith("." + ext) ? chosen : chosen + "." + ext);
    }

    /** One line naming the file and why it could not be written. */
    public static String message(Path file, Exception e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such folder"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Cannot write " + file + ": " + why;
    }

    /** Something that writes a whole file at a path (a temporary one beside the target). */
    public interface Writer {
        void write(Path to) throws IOException;
    }

    /** Writes {@code file} through a temporary file in the same folder and a rename. */
    public static void writeAtomically(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        // not Files.createTempFile: its 0600 would become the export's mode; the writer creates this one under the umask
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
