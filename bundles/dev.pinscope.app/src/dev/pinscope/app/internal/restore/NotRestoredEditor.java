package dev.pinscope.app.internal.restore;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.part.EditorPart;

/** A read-only page in the editor area naming the editors the last session could not bring back, and why. */
public final class NotRestoredEditor extends EditorPart {

    public static final String ID = "dev.pinscope.app.notRestored";

    /** The notes to show; deliberately not persistable, so the page itself is shown once. */
    public record Input(List<NotRestored.Note> notes) implements IEditorInput {
        @Override
        public <T> T getAdapter(Class<T> adapter) {
            return null;
        }

        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public ImageDescriptor getImageDescriptor() {
            return null;
        }

        @Override
        public String getName() {
            return "Not restored";
        }

        @Override
        public IPersistableElement getPersistable() {
            return null;
        }

        @Override
        public String getToolTipText() {
            return notes.size() + " editor(s) of the last session could not come back";
        }
    }

    private Composite root;
    private Label text;

    @Override
    public void init(IEditorSite site, IEditorInput input) {
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        text = new Label(root, SWT.WRAP);
        text.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        text.setText(message());
    }

    /** What the page says, e.g. "These editors were open when Pinscope closed and did not come back: …". */
    public String message() {
        StringBuilder b = new StringBuilder("These editors were open when Pinscope closed and did not come back:\n\n");
        for (NotRestored.Note n : ((Input) getEditorInput()).notes()) {
            b.append("\u2022 ").append(n.title()).append(": ").append(n.reason()).append('\n');
        }
        return b.toString();
    }

    public Label label() {
        return text;
    }

    @Override
    public void setFocus() {
        root.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // nothing to save
    }

    @Override
    public void doSaveAs() {
        // nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
