package dev.pinscope.diagram.internal.properties;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** A read-only combo over a list of values (enum literals, booleans, reference targets). */
public class ChoiceCellEditor extends ComboBoxCellEditor {

    private final List<?> choices;

    public ChoiceCellEditor(Composite parent, List<?> choices, Function<Object, String> label) {
        super(parent, choices.stream().map(label).toArray(String[]::new), SWT.READ_ONLY);
        this.choices = choices;
    }

    @Override
    protected Object doGetValue() {
        Integer i = (Integer) super.doGetValue();
        return i == null || i < 0 || i >= choices.size() ? null : choices.get(i);
    }

    @Override
    protected void doSetValue(Object value) {
        super.doSetValue(Math.max(0, choices.indexOf(value)));
    }
}
