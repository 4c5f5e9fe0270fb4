package dev.pinscope.model.io;

import java.util.List;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * One problem with a scenario file, where it is: the file, and the line and column when known
 * (0 when not). It is both an EMF {@link Diagnostic} (for Problems views and the CLI) and a
 * {@link Resource.Diagnostic} (for editors that place markers by line).
 */
public final class FileDiagnostic extends BasicDiagnostic implements Resource.Diagnostic {

    /** {@link #getSource()} of every diagnostic this package produces. */
    public static final String SOURCE = "dev.pinscope.model.io";

    private final String file;
    private final int line;
    private final int column;

    public FileDiagnostic(int severity, String file, int line, int column, String message) {
        super(severity, SOURCE, 0, message, new Object[] {file, line, column});
        this.file = file;
        this.line = Math.max(line, 0);
        this.column = Math.max(column, 0);
    }

    public static FileDiagnostic error(String file, int line, int column, String message) {
        return new FileDiagnostic(Diagnostic.ERROR, file, line, column, message);
    }

    /** The file, as a path or URI string. */
    public String getFile() {
        return file;
    }

    @Override
    public String getLocation() {
        return file;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return column;
    }

    /** {@code file:line:column: message}, the form compilers use, so terminals and editors can jump there. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(getMessage()).toString();
    }

    /** Wraps problems into one diagnostic whose severity is the worst of them. */
    static Diagnostic summary(String file, String message, List<FileDiagnostic> problems) {
        BasicDiagnostic summary = new BasicDiagnostic(SOURCE, 0, message, new Object[] {file});
        problems.forEach(summary::add);
        return summary;
    }
}
