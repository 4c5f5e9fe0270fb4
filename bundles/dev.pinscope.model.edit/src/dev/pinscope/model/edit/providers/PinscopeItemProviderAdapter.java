package dev.pinscope.model.edit.providers;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.util.ResourceLocator;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemProviderAdapter;

import dev.pinscope.model.edit.properties.PropertyCategories;
import dev.pinscope.model.edit.properties.ValueFormat;

/**
 * Base class of every generated item provider (genmodel {@code providerRootExtendsClass}): gives
 * each property descriptor its category and renders addresses/PFNs in hex and sizes as 4K/2M/1G,
 * without hand edits in the generated descriptor methods.
 */
public class PinscopeItemProviderAdapter extends ItemProviderAdapter {

    public PinscopeItemProviderAdapter(AdapterFactory adapterFactory) {
        super(adapterFactory);
    }

    @Override
    protected ItemPropertyDescriptor createItemPropertyDescriptor(AdapterFactory adapterFactory, ResourceLocator resourceLocator,
            String displayName, String description, EStructuralFeature feature, boolean isSettable, boolean multiLine,
            boolean sortChoices, Object staticImage, String category, String[] filterFlags) {
        String cat = category != null ? category : PropertyCategories.of(feature);
        return new FormattedPropertyDescriptor(adapterFactory, resourceLocator, displayName, description, feature,
                isSettable, multiLine, sortChoices, staticImage, cat, filterFlags);
    }

    /** A descriptor whose label provider shows values in the feature's {@link ValueFormat}. */
    public static class FormattedPropertyDescriptor extends ItemPropertyDescriptor {

        private final ValueFormat format;

        public FormattedPropertyDescriptor(AdapterFactory adapterFactory, ResourceLocator resourceLocator, String displayName,
                String description, EStructuralFeature feature, boolean isSettable, boolean multiLine, boolean sortChoices,
                Object staticImage, String category, String[] filterFlags) {
            super(adapterFactory, resourceLocator, displayName, description, feature, isSettable, multiLine, sortChoices,
                    staticImage, category, filterFlags);
            this.format = ValueFormat.of(feature);
        }

        public ValueFormat getFormat() {
            return format;
        }

        @Override
        public IItemLabelProvider getLabelProvider(Object object) {
            IItemLabelProvider base = super.getLabelProvider(object);
            if (format != ValueFormat.HEX && format != ValueFormat.SIZE) {
                return base;
            }
            return new IItemLabelProvider() {
                @Override
                public String getText(Object value) {
                    Object v = unwrap(value);
                    return v instanceof Long ? format.format(v) : base.getText(value);
                }

                @Override
                public Object getImage(Object value) {
                    return base.getImage(value);
                }
            };
        }

        private static Object unwrap(Object value) {
            return value instanceof ItemPropertyDescriptor.PropertyValueWrapper w ? w.getEditableValue(null) : value;
        }
    }
}
