package dev.pinscope.diagram.internal.editor;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.provider.ComposedImage;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Image;

import dev.pinscope.diagram.internal.properties.EmfPropertySource;

/**
 * Images from the EMF.Edit item providers (the model.edit bundle's icons), without emf.edit.ui's
 * ExtendedImageRegistry. Images are cached per URL and disposed with the owner.
 */
public final class Icons {

    private final Map<String, Image> cache = new HashMap<>();

    /** The item provider's icon for instances of {@code eClass}. */
    public static ImageDescriptor descriptor(EClass eClass) {
        EObject sample = EcoreUtil.create(eClass);
        return descriptorOf(EmfPropertySource.adapterFactory(), sample);
    }

    public static ImageDescriptor descriptorOf(AdapterFactory factory, Object element) {
        URL url = iconUrl(factory, element);
        return url == null ? null : ImageDescriptor.createFromURL(url);
    }

    /** A cached image for {@code element}, or null. */
    public Image image(AdapterFactory factory, Object element) {
        URL url = iconUrl(factory, element);
        return url == null ? null : cache.computeIfAbsent(url.toString(), k -> ImageDescriptor.createFromURL(url).createImage(false));
    }

    /** Where the item provider's icon for {@code element} is (the base image of a composed one), or null. */
    private static URL iconUrl(AdapterFactory factory, Object element) {
        Object adapter = factory.adapt(element, IItemLabelProvider.class);
        if (!(adapter instanceof IItemLabelProvider p)) {
            return null;
        }
        Object image = p.getImage(element);
        while (image instanceof ComposedImage c && !c.getImages().isEmpty()) {
            image = c.getImages().get(0);
        }
        return image instanceof URL url ? url : null;
    }

    public void dispose() {
        cache.values().forEach(i -> {
            if (i != null) {
                i.dispose();
            }
        });
        cache.clear();
    }
}
