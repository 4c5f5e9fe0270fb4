package dev.pinscope.model.io;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;

import dev.pinscope.model.scenario.Scenario;

/**
 * The outcome of reading a scenario file: the scenario, or why there is none.
 *
 * @param scenario   the loaded scenario; {@code null} when {@code diagnostic} has errors
 * @param diagnostic {@link Diagnostic#OK_INSTANCE}-like OK when clean, else its children are
 *                   {@link FileDiagnostic}s with file, line and column
 */
public record LoadResult(Scenario scenario, Diagnostic diagnostic) {

    public boolean ok() {
        return scenario != null && diagnostic.getSeverity() < Diagnostic.ERROR;
    }

    /** The individual problems, in file order. */
    public List<FileDiagnostic> problems() {
        List<FileDiagnostic> out = new ArrayList<>();
        if (diagnostic instanceof FileDiagnostic self) {
            out.add(self);
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            if (child instanceof FileDiagnostic fd) {
                out.add(fd);
            }
        }
        return out;
    }

    /** The first problem as one line ({@code file:line:column: message}), or "" when there is none. */
    public String firstProblem() {
        List<FileDiagnostic> problems = problems();
        return problems.isEmpty() ? "" : problems.get(0).toString();
    }
}
