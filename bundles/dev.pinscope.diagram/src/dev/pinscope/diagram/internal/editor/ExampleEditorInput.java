package dev.pinscope.diagram.internal.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;

import dev.pinscope.diagram.ReadOnlyEditorInput;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/**
 * A shipped example opened from Help › Examples: read-only, so the shipped file can never be
 * overwritten; Save asks where to keep the user's copy. Saved in the session as the example's id, so a
 * restart reopens it read-only (see {@link ExampleInputFactory}).
 */
public final class ExampleEditorInput extends ReadOnlyEditorInput {

    private final Examples.Example example;

    public ExampleEditorInput(Examples.Example example) {
        super(ExampleInputFactory.ID, ExampleInputFactory.EXAMPLE, example.id());
        this.example = example;
    }

    public Examples.Example example() {
        return example;
    }

    @Override
    protected InputStream contents() throws CoreException {
        LoadResult r = Examples.load(example.id());
        if (!r.ok()) {
            throw new CoreException(Status.error(r.firstProblem()));
        }
        try {
            return new ByteArrayInputStream(Scenarios.toBytes(r.scenario()));
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot read example " + example.id(), e));
        }
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return example.fileName();
    }

    @Override
    public String getToolTipText() {
        return "Example: " + example.title() + " (read-only; Save As to keep a copy)";
    }
}
