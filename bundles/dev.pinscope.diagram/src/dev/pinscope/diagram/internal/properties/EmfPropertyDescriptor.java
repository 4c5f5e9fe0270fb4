package dev.pinscope.diagram.internal.properties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertyDescriptor;

import dev.pinscope.model.edit.properties.ValueFormat;

/**
 * One row of the Properties view over an EMF.Edit {@link IItemPropertyDescriptor}: the name,
 * category and description come from the item provider; the cell editor fits the feature (hex
 * text with validation for addresses, a size text for sizes, a combo for enums, booleans and
 * references, a check-box dialog for flag sets).
 */
public class EmfPropertyDescriptor implements IPropertyDescriptor {

    private final EObject object;
    private final IItemPropertyDescriptor item;

    public EmfPropertyDescriptor(EObject object, IItemPropertyDescriptor item) {
        this.object = object;
        this.item = item;
    }

    public IItemPropertyDescriptor item() {
        return item;
    }

    public EStructuralFeature feature() {
        Object f = item.getFeature(object);
        return f instanceof EStructuralFeature sf ? sf : null;
    }

    public ValueFormat format() {
        EStructuralFeature f = feature();
        return f == null ? ValueFormat.TEXT : ValueFormat.of(f);
    }

    @Override
    public CellEditor createPropertyEditor(Composite parent) {
        if (!item.canSetProperty(object)) {
            return null;
        }
        EStructuralFeature f = feature();
        if (f == null) {
            return null;
        }
        if (f instanceof EAttribute a && a.getEAttributeType() instanceof EEnum e) {
            List<Object> literals = new ArrayList<>();
            e.getELiterals().forEach(l -> literals.add(l.getInstance()));
            if (f.isMany()) {
                return new FlagsCellEditor(parent, literals, item.getDisplayName(object));
            }
            return new ChoiceCellEditor(parent, literals, this::text);
        }
        if (f instanceof EAttribute a && (a.getEAttributeType() == EcorePackage.Literals.EBOOLEAN
                || a.getEAttributeType() == EcorePackage.Literals.EBOOLEAN_OBJECT)) {
            return new ChoiceCellEditor(parent, List.of(Boolean.FALSE, Boolean.TRUE), this::text);
        }
        if (f instanceof EReference r && !r.isMany() && !r.isContainment()) {
            List<Object> choices = new ArrayList<>();
            Collection<?> c = item.getChoiceOfValues(object);
            if (c != null) {
                choices.addAll(c);
            }
            if (!choices.contains(null)) {
                choices.add(0, null);
            }
            return new ChoiceCellEditor(parent, choices, this::text);
        }
        if (f instanceof EAttribute && !f.isMany()) {
            TextCellEditor editor = new TextCellEditor(parent);
            ValueFormat format = format();
            editor.setValidator(value -> format.check(value == null ? "" : value.toString()));
            return editor;
        }
        return null;
    }

    /** How a value of this property reads in the view. */
    public String text(Object value) {
        if (value == null) {
            return feature() instanceof EReference ? "(none)" : "";
        }
        if (value instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(v -> parts.add(text(v)));
            return String.join(" | ", parts);
        }
        if (value instanceof Enumerator e) {
            return e.getLiteral();
        }
        if (value instanceof EObject o) {
            IItemLabelProvider p = (IItemLabelProvider) ((org.eclipse.emf.edit.provider.ComposeableAdapterFactory) EmfPropertySource.adapterFactory())
                    .adapt(o, IItemLabelProvider.class);
            return p == null ? o.eClass().getName() : p.getText(o);
        }
        if (value instanceof Number && format().isNumeric()) {
            return format().format(value);
        }
        return String.valueOf(value);
    }

    @Override
    public String getCategory() {
        return item.getCategory(object);
    }

    @Override
    public String getDescription() {
        return item.getDescription(object);
    }

    @Override
    public String getDisplayName() {
        return item.getDisplayName(object);
    }

    @Override
    public String[] getFilterFlags() {
        return item.getFilterFlags(object);
    }

    @Override
    public Object getHelpContextIds() {
        return item.getHelpContextIds(object);
    }

    @Override
    public Object getId() {
        return item.getId(object);
    }

    @Override
    public ILabelProvider getLabelProvider() {
        return new LabelProvider() {
            @Override
            public String getText(Object element) {
                return text(element);
            }
        };
    }

    @Override
    public boolean isCompatibleWith(IPropertyDescriptor other) {
        return other instanceof EmfPropertyDescriptor d && d.item == item;
    }
}
