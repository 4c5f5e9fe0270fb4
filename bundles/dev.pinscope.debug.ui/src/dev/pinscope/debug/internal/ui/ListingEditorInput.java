package dev.pinscope.debug.internal.ui;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.pinscope.diagram.ReadOnlyEditorInput;
import dev.pinscope.engine.Listing;

/**
 * The pseudo-C listing of one policy as a read-only editor input; one editor per policy. Saved in the
 * session as its policy, so a restart reopens the listing (see {@link ListingInputFactory}).
 */
public final class ListingEditorInput extends ReadOnlyEditorInput {

    private final Listing listing;

    public ListingEditorInput(Listing listing) {
        super(ListingInputFactory.ID, ListingInputFactory.POLICY, listing.policy().name());
        this.listing = listing;
    }

    public Listing listing() {
        return listing;
    }

    @Override
    protected InputStream contents() {
        return new ByteArrayInputStream(listing.text().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String getName() {
        return "listing " + listing.policy().name() + ".c";
    }

    @Override
    public String getToolTipText() {
        return "Pinscope listing for policy " + listing.policy().name() + " (" + listing.policy().letter()
                + ", KERNEL-MODEL.md §9) — read-only";
    }
}
