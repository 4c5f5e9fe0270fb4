package dev.pinscope.model.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;

import dev.pinscope.model.io.FileDiagnostic;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;

/**
 * The example scenarios shipped in this bundle's {@code examples/} folder (KERNEL-MODEL.md section
 * 10), read through the class loader so it works in OSGi (bundle entries) and from a plain jar or
 * class path alike. {@code examples/index.txt} lists them in order, because neither a bundle nor a
 * jar can be listed portably through a class loader.
 */
public final class Examples {

    /** One shipped example: {@code id} is the file name without {@code .pinscope}. */
    public record Example(String id, String fileName, String title) {
    }

    private static final String FOLDER = "examples/";

    private Examples() {
    }

    /** All shipped examples in index order. */
    public static List<Example> list() {
        List<Example> out = new ArrayList<>();
        URL index = resource("index.txt");
        if (index == null) {
            return out;
        }
        try (InputStream in = index.openStream();
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                String file = bar < 0 ? line : line.substring(0, bar).strip();
                String title = bar < 0 ? file : line.substring(bar + 1).strip();
                out.add(new Example(file.substring(0, file.length() - ".pinscope".length()), file, title));
            }
        } catch (IOException e) {
            // a bundle without a readable index ships no examples
        }
        return out;
    }

    public static Optional<Example> find(String id) {
        return list().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Loads an example by id, e.g. {@code "02-numa-maps-split-w1"}; never throws. */
    public static LoadResult load(String id) {
        URL url = resource(id + ".pinscope");
        if (url == null) {
            String name = FOLDER + id + ".pinscope";
            return new LoadResult(null, FileDiagnostic.error(name, 0, 0, "there is no example '" + id + "'; known: "
                    + list().stream().map(Example::id).toList()));
        }
        try (InputStream in = url.openStream()) {
            return Scenarios.load(in, URI.createURI(url.toString()));
        } catch (IOException | RuntimeException e) {
            return new LoadResult(null, FileDiagnostic.error(url.toString(), 0, 0, "cannot read the example: " + e.getMessage()));
        }
    }

    private static URL resource(String name) {
        return Examples.class.getClassLoader().getResource(FOLDER + name);
    }
}
