package dev.pinscope.diagram.internal.properties;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.DialogCellEditor;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.ListSelectionDialog;

/** Edits a flag set (e.g. vm_flags) in a dialog with one check box per flag. */
public class FlagsCellEditor extends DialogCellEditor {

    private final List<?> all;
    private final String title;

    public FlagsCellEditor(Composite parent, List<?> all, String title) {
        super(parent);
        this.all = all;
        this.title = title;
    }

    @Override
    protected Object openDialogBox(Control cellEditorWindow) {
        ListSelectionDialog dialog = ListSelectionDialog.of(all).contentProvider(ArrayContentProvider.getInstance())
                .labelProvider(new LabelProvider()).message("Select the " + title + ":").create(cellEditorWindow.getShell());
        dialog.setTitle(title);
        Object current = getValue();
        if (current instanceof List<?> l) {
            dialog.setInitialSelections(l.toArray());
        }
        if (dialog.open() != ListSelectionDialog.OK) {
            return null;
        }
        List<Object> picked = new ArrayList<>();
        Object[] result = dialog.getResult();
        for (Object o : all) { // keep the declaration order, as the kernel prints flags
            for (Object r : result) {
                if (r == o) {
                    picked.add(o);
                }
            }
        }
        return picked;
    }

    @Override
    protected void updateContents(Object value) {
        if (getDefaultLabel() != null) {
            getDefaultLabel().setText(value instanceof List<?> l ? String.join(" | ", l.stream().map(String::valueOf).toList()) : "");
        }
    }
}
