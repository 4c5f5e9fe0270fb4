package dev.pinscope.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;

/**
 * The URI converter of the resource set a scenario is parsed in. The file's bytes are read before
 * parsing and handed to EMF as a stream, so EMF never needs to open anything by URI; this converter
 * makes sure it cannot either (no HTTP request, no other file, no archive, no named pipe or device),
 * whatever a hostile file names and whichever EMF code path would try it.
 */
public final class RefusingURIConverter extends ExtensibleURIConverterImpl {

    @Override
    public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
        throw refused(uri);
    }

    @Override
    public OutputStream createOutputStream(URI uri, Map<?, ?> options) throws IOException {
        throw refused(uri);
    }

    @Override
    public void delete(URI uri, Map<?, ?> options) throws IOException {
        throw refused(uri);
    }

    @Override
    public Map<String, ?> contentDescription(URI uri, Map<?, ?> options) throws IOException {
        throw refused(uri);
    }

    @Override
    public boolean exists(URI uri, Map<?, ?> options) {
        return false;
    }

    @Override
    public Map<String, ?> getAttributes(URI uri, Map<?, ?> options) {
        return Map.of();
    }

    @Override
    public void setAttributes(URI uri, Map<String, ?> attributes, Map<?, ?> options) throws IOException {
        throw refused(uri);
    }

    private static IOException refused(URI uri) {
        return new IOException("a scenario file may not refer to '" + uri + "'; only its own elements can be used");
    }
}
