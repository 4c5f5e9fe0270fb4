package dev.pinscope.debug.internal.ui;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;

import dev.pinscope.engine.Listing;
import dev.pinscope.engine.spec.Policy;

/** Recreates a policy listing's editor input from the session memento when the workbench restarts. */
public final class ListingInputFactory implements IElementFactory {

    public static final String ID = "dev.pinscope.debug.listingInputFactory";
    static final String POLICY = "policy";

    @Override
    public IAdaptable createElement(IMemento memento) {
        String name = memento.getString(POLICY);
        try {
            return name == null ? null : new ListingEditorInput(Listing.of(Policy.valueOf(name)));
        } catch (IllegalArgumentException e) {
            return null; // a policy this version no longer has: the workbench says it cannot restore the editor
        }
    }
}
