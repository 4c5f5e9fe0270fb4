package dev.pinscope.diagram.internal.properties;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;

import dev.pinscope.model.edit.properties.ValueFormat;
import dev.pinscope.model.scenario.provider.ScenarioItemProviderAdapterFactory;

/**
 * The Properties view's source for a model element: a small stand-in for emf.edit.ui's
 * {@code PropertySource} (not on Maven Central). Values go through the item property descriptors,
 * which set them with an EMF {@code SetCommand} on the element's editing domain, so every
 * Properties edit is undoable. Text a cell editor would refuse is ignored here too, never stored.
 */
public class EmfPropertySource implements IPropertySource {

    private static ComposedAdapterFactory shared;

    private final EObject object;
    private final IItemPropertySource source;

    EmfPropertySource(EObject object, IItemPropertySource source) {
        this.object = object;
        this.source = source;
    }

    /** The item providers of the scenario model, shared by every editor (they are stateless per object). */
    public static synchronized AdapterFactory adapterFactory() {
        if (shared == null) {
            shared = newAdapterFactory();
        }
        return shared;
    }

    /** A fresh factory over the scenario item providers, for an editing domain. */
    public static ComposedAdapterFactory newAdapterFactory() {
        ComposedAdapterFactory f = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        f.addAdapterFactory(new ResourceItemProviderAdapterFactory());
        f.addAdapterFactory(new ScenarioItemProviderAdapterFactory());
        f.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
        return f;
    }

    /** The property source of {@code object} in {@code domain}, or null when it has no item provider. */
    public static IPropertySource of(EditingDomain domain, EObject object) {
        AdapterFactory factory = domain instanceof org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain d ? d.getAdapterFactory() : adapterFactory();
        Object adapter = factory.adapt(object, IItemPropertySource.class);
        return adapter instanceof IItemPropertySource s ? new EmfPropertySource(object, s) : null;
    }

    public EObject object() {
        return object;
    }

    @Override
    public Object getEditableValue() {
        return object;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> out = new ArrayList<>();
        for (IItemPropertyDescriptor d : source.getPropertyDescriptors(object)) {
            out.add(new EmfPropertyDescriptor(object, d));
        }
        return out.toArray(new IPropertyDescriptor[0]);
    }

    /** The descriptor for a property id (the feature name for generated descriptors). */
    public EmfPropertyDescriptor descriptor(Object id) {
        for (IPropertyDescriptor d : getPropertyDescriptors()) {
            if (d.getId().equals(id)) {
                return (EmfPropertyDescriptor) d;
            }
        }
        return null;
    }

    /** The id of the property showing feature {@code name}, or null. */
    public Object idOf(String name) {
        for (IPropertyDescriptor d : getPropertyDescriptors()) {
            var f = ((EmfPropertyDescriptor) d).feature();
            if (f != null && f.getName().equals(name)) {
                return d.getId();
            }
        }
        return null;
    }

    @Override
    public Object getPropertyValue(Object id) {
        EmfPropertyDescriptor d = descriptor(id);
        if (d == null) {
            return null;
        }
        Object value = d.item().getPropertyValue(object);
        if (value instanceof IItemPropertySource wrapper) {
            value = wrapper.getEditableValue(object);
        }
        // text-edited values travel as the text the user sees (hex, 2M); others as themselves
        if (d.format().isNumeric() || value instanceof String) {
            return d.text(value);
        }
        return value;
    }

    @Override
    public boolean isPropertySet(Object id) {
        EmfPropertyDescriptor d = descriptor(id);
        return d != null && d.item().isPropertySet(object);
    }

    @Override
    public void resetPropertyValue(Object id) {
        EmfPropertyDescriptor d = descriptor(id);
        if (d != null) {
            d.item().resetPropertyValue(object);
        }
    }

    /**
     * Sets a property from the view. Numeric text is parsed in the property's format (hex for
     * addresses, 4K/2M/1G for sizes); text that does not parse is refused and nothing changes.
     *
     * @return null when stored (or unchanged), else the reason it was refused
     */
    public String trySetPropertyValue(Object id, Object value) {
        EmfPropertyDescriptor d = descriptor(id);
        if (d == null || !d.item().canSetProperty(object)) {
            return "this property cannot be changed";
        }
        Object v = value;
        ValueFormat format = d.format();
        if (format.isNumeric()) {
            String text = value == null ? "" : value.toString();
            String problem = format.check(text);
            if (problem != null) {
                return problem;
            }
            v = format.parse(text);
        }
        Object current = d.item().getPropertyValue(object);
        if (current instanceof IItemPropertySource wrapper) {
            current = wrapper.getEditableValue(object);
        }
        if (java.util.Objects.equals(current, v)) {
            return null;
        }
        d.item().setPropertyValue(object, v);
        return null;
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        trySetPropertyValue(id, value);
    }
}
