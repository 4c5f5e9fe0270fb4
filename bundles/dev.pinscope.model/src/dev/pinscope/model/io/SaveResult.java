package dev.pinscope.model.io;

import java.nio.file.Path;

import org.eclipse.emf.common.util.Diagnostic;

/**
 * The outcome of writing a scenario file.
 *
 * @param file       the target file
 * @param diagnostic OK when written; an error when not, in which case the previous file is unchanged
 */
public record SaveResult(Path file, Diagnostic diagnostic) {

    public boolean ok() {
        return diagnostic.getSeverity() < Diagnostic.ERROR;
    }

    /** Why the save failed, or "" when it did not. */
    public String message() {
        if (ok()) {
            return "";
        }
        return diagnostic.getChildren().isEmpty()
                ? diagnostic.getMessage()
                : diagnostic.getChildren().get(0).toString();
    }
}
