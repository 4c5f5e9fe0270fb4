package dev.pinscope.model.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.EMFPlugin;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.impl.EPackageRegistryImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMLParserPoolImpl;

import dev.pinscope.model.internal.ConfinedScenarioResource;
import dev.pinscope.model.internal.LoadProblems;
import dev.pinscope.model.internal.RefusingURIConverter;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.util.ScenarioResourceFactoryImpl;
import dev.pinscope.model.units.Sizes;

/**
 * Reading and writing {@code .pinscope} files without exceptions reaching the caller.
 *
 * <p>Works in and outside OSGi: outside, the package and the {@code pinscope} extension are
 * registered with EMF's global registries on first use (inside, plugin.xml does it).
 */
public final class Scenarios {

    /** The format version this code writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Files larger than this are refused before parsing: a hand-made scenario is kilobytes, a
     * generated one with 100,000 entries about 12 MB; anything far bigger is not a scenario and
     * would only exhaust the editor's memory.
     */
    public static final long MAX_FILE_SIZE = 32L << 20;

    public static final String FILE_EXTENSION = "pinscope";

    // One pool: XML parsers are expensive to create, and the benchmark loads large files. No handler
    // cache: every load gets a fresh ConfinedHandler, so no state of one file leaks into the next.
    private static final XMLParserPoolImpl PARSER_POOL = new XMLParserPoolImpl(false);

    static {
        if (!EMFPlugin.IS_ECLIPSE_RUNNING) {
            registerGlobally();
        }
    }

    private Scenarios() {
    }

    /**
     * Registers the scenario package and the {@code .pinscope} resource factory with EMF's global
     * registries, for plain-Java users (engine, CLI, tests) where no plugin.xml is read. Idempotent.
     */
    public static void registerGlobally() {
        ScenarioPackage.eINSTANCE.eClass(); // generated packages self-register on first access
        Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap()
                .putIfAbsent(FILE_EXTENSION, new ScenarioResourceFactoryImpl());
    }

    /**
     * A resource set confined to one scenario: its package registry knows only the scenario package
     * (no delegation to the global registry), and its URI converter refuses every URI, so nothing a
     * file names is ever opened or fetched. Scenarios are parsed from bytes read beforehand.
     */
    public static ResourceSet newResourceSet() {
        ResourceSet rs = new ResourceSetImpl();
        rs.setPackageRegistry(new EPackageRegistryImpl());
        rs.getPackageRegistry().put(ScenarioPackage.eNS_URI, ScenarioPackage.eINSTANCE);
        rs.setURIConverter(new RefusingURIConverter());
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put(FILE_EXTENSION, new ScenarioResourceFactoryImpl());
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
                new ScenarioResourceFactoryImpl());
        rs.getLoadOptions().putAll(loadOptions());
        return rs;
    }

    /**
     * Load options: no DOCTYPE (no entity expansion from untrusted files) and no external entity or
     * DTD of any kind, namespaces never used as download locations, pooled parsers.
     */
    public static Map<Object, Object> loadOptions() {
        Map<Object, Object> o = new HashMap<>();
        o.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        o.put(XMLResource.OPTION_USE_PARSER_POOL, PARSER_POOL);
        o.put(XMLResource.OPTION_USE_PACKAGE_NS_URI_AS_LOCATION, Boolean.FALSE);
        o.put(XMLResource.OPTION_PARSER_FEATURES, Map.of(
                "http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE,
                "http://xml.org/sax/features/external-general-entities", Boolean.FALSE,
                "http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE,
                "http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE));
        return o;
    }

    /**
     * Save options: UTF-8, and attributes with an explicit default (formatVersion, the kernel
     * knobs, repeat counts) are written even when equal to it, so a file states the format version
     * and the kernel configuration it was made for.
     */
    public static Map<Object, Object> saveOptions() {
        Map<Object, Object> o = new HashMap<>();
        o.put(XMLResource.OPTION_ENCODING, "UTF-8");
        o.put(XMLResource.OPTION_KEEP_DEFAULT_CONTENT, Boolean.TRUE);
        o.put(XMLResource.OPTION_LINE_WIDTH, 100);
        return o;
    }

    /** Reads a scenario file. Never throws: every failure is a {@link FileDiagnostic} in the result. */
    public static LoadResult load(Path file) {
        String name = file.toString();
        try {
            if (!Files.exists(file)) {
                return failed(name, 0, 0, Files.isSymbolicLink(file) ? brokenLink(file) : "the file does not exist");
            }
            if (Files.isDirectory(file)) {
                return failed(name, 0, 0, "this is a folder, not a scenario file");
            }
            if (!Files.isRegularFile(file)) {
                // a named pipe would block the read forever, a device (/dev/zero) never ends
                return failed(name, 0, 0, "this is not a regular file (a named pipe, device or socket), not a scenario file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                return failed(name, 0, 0, "the file is " + size + " bytes, larger than the " + Sizes.format(MAX_FILE_SIZE)
                        + " limit for scenario files; it is not a scenario file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_SIZE + 1); // the file may grow after the size check
            }
            if (bytes.length > MAX_FILE_SIZE) {
                return failed(name, 0, 0, "the file is larger than the " + Sizes.format(MAX_FILE_SIZE)
                        + " limit for scenario files; it is not a scenario file");
            }
            return parse(bytes, URI.createFileURI(file.toAbsolutePath().toString()), name);
        } catch (IOException | RuntimeException e) {
            return failed(name, 0, 0, "cannot read the file: " + describe(e));
        }
    }

    /**
     * Reads a scenario from a stream (e.g. an example inside the bundle). {@code uri} names it in
     * diagnostics and resolves relative references. The stream is not closed.
     */
    public static LoadResult load(InputStream in, URI uri) {
        String name = uri.toString();
        try {
            byte[] bytes = in.readNBytes((int) MAX_FILE_SIZE + 1);
            if (bytes.length > MAX_FILE_SIZE) {
                return failed(name, 0, 0, "the content is larger than the " + Sizes.format(MAX_FILE_SIZE)
                        + " limit for scenario files; it is not a scenario file");
            }
            return parse(bytes, uri, name);
        } catch (IOException | RuntimeException e) {
            return failed(name, 0, 0, "cannot read: " + describe(e));
        }
    }

    private static LoadResult parse(byte[] bytes, URI uri, String name) {
        if (isAllWhitespace(bytes)) {
            return failed(name, 1, 1, "the file is empty; a scenario file is XMI with a pinscope:Scenario root element");
        }
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        int nul = utf16 ? -1 : indexOf(bytes, (byte) 0);
        if (nul >= 0 && nul <= 1 && bytes.length >= 4 && (bytes[nul == 0 ? 1 : 0] == '<') && bytes[nul + 2] == 0) {
            // "<\0?\0" or "\0<\0?": UTF-16 text without the byte-order mark that says so
            return failed(name, 1, 1, "the file is UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)");
        }
        if (nul >= 0) {
            int[] lc = lineColumn(bytes, nul);
            return failed(name, lc[0], lc[1], "the file contains binary data (a NUL byte), it is not a scenario file");
        }
        Resource resource = new ConfinedScenarioResource(uri);
        ResourceSet rs = newResourceSet();
        rs.getResources().add(resource);
        Exception thrown = null;
        try {
            resource.load(new ByteArrayInputStream(bytes), loadOptions());
        } catch (IOException | RuntimeException e) {
            thrown = e;
        } catch (StackOverflowError e) {
            // absurdly deep nesting in a hostile file; report it instead of killing the caller
            int[] top = lineColumnOf(bytes, "<");
            return failed(name, top[0], top[1], "the XML is nested too deeply to be a scenario file");
        }
        List<FileDiagnostic> problems = new ArrayList<>();
        // a problem EMF cannot place is put on the root element, so every message names a line
        int[] top = lineColumnOf(bytes, "<pinscope:Scenario");
        for (Resource.Diagnostic d : resource.getErrors()) {
            boolean placed = d.getLine() > 0;
            problems.add(FileDiagnostic.error(name, placed ? d.getLine() : top[0], placed ? d.getColumn() : top[1], LoadProblems.message(d)));
        }
        if (problems.isEmpty() && thrown != null) {
            FileDiagnostic d = LoadProblems.fromException(name, thrown);
            problems.add(d.getLine() > 0 ? d : FileDiagnostic.error(name, top[0], top[1], d.getMessage()));
        }
        int[] version = lineColumnOf(bytes, "formatVersion=");
        EObject root = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
        if (root instanceof Scenario s && s.getFormatVersion() > FORMAT_VERSION) {
            // Put this first: a newer file's other errors (unknown elements) follow from it.
            problems.add(0, FileDiagnostic.error(name, version[0], version[1], "the file has format version " + s.getFormatVersion()
                    + ", newer than version " + FORMAT_VERSION + " that this Pinscope reads; open it with a newer Pinscope"));
        }
        if (problems.isEmpty()) {
            if (root == null) {
                problems.add(FileDiagnostic.error(name, 1, 1, "the file has no scenario; its root element must be pinscope:Scenario"));
            } else if (!(root instanceof Scenario)) {
                problems.add(FileDiagnostic.error(name, 1, 1, "the root element is " + root.eClass().getName()
                        + ", but a scenario file's root must be pinscope:Scenario"));
            } else if (resource.getContents().size() > 1) {
                problems.add(FileDiagnostic.error(name, top[0], top[1], "the file has " + resource.getContents().size()
                        + " root elements; a scenario file has exactly one pinscope:Scenario"));
            } else if (((Scenario) root).getFormatVersion() < 1) {
                problems.add(FileDiagnostic.error(name, version[0], version[1], "formatVersion " + ((Scenario) root).getFormatVersion()
                        + " is not a format version; use " + FORMAT_VERSION));
            }
        }
        if (!problems.isEmpty()) {
            resource.unload();
            return new LoadResult(null, FileDiagnostic.summary(name, "Cannot load " + name, problems));
        }
        return new LoadResult((Scenario) root, Diagnostic.OK_INSTANCE);
    }

    /**
     * Writes {@code scenario} to {@code file} atomically ({@link AtomicWrite}: a unique temporary file in the
     * same folder, flushed to disk, renamed over the target; through a symbolic link to its target). If anything fails the
     * previous file is left byte-for-byte unchanged and the result says why.
     *
     * <p>A scenario that is the only root of an XMI resource is saved through that resource (so an
     * editor's resource stays as it is); a free-standing scenario is saved through a temporary one.
     */
    public static SaveResult save(Scenario scenario, Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = serialize(scenario, URI.createFileURI(file.toAbsolutePath().toString()));
        } catch (IOException | RuntimeException e) {
            return saveFailed(file, "the scenario cannot be written as XMI: " + describe(e));
        }
        try {
            AtomicWrite.write(file, bytes);
            return new SaveResult(file, Diagnostic.OK_INSTANCE);
        } catch (IOException | RuntimeException e) {
            return saveFailed(file, "cannot write " + name + ": " + describe(e) + "; the previous file is unchanged");
        }
    }

    /**
     * The fixed temporary name older versions wrote first ({@code .NAME.saving} beside the file). Saves now use a
     * unique name ({@link AtomicWrite}); a leftover regular file of this name is removed, a folder is ignored.
     */
    public static Path tempFileFor(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + AtomicWrite.SUFFIX);
    }

    /** Serialises a scenario to XMI bytes as {@link #save} writes them. */
    public static byte[] toBytes(Scenario scenario) throws IOException {
        return serialize(scenario, URI.createURI("memory:/scenario." + FILE_EXTENSION));
    }

    private static byte[] serialize(Scenario scenario, URI uri) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Resource own = scenario.eResource();
        if (own instanceof XMLResource && scenario.eContainer() == null && own.getContents().size() == 1) {
            own.save(out, saveOptions());
            return out.toByteArray();
        }
        if (scenario.eContainer() != null || own != null) {
            throw new IOException("the scenario is part of another model; save that model instead");
        }
        Resource temp = new ScenarioResourceFactoryImpl().createResource(uri);
        temp.getContents().add(scenario);
        try {
            temp.save(out, saveOptions());
        } finally {
            temp.getContents().remove(scenario);
        }
        return out.toByteArray();
    }

    private static SaveResult saveFailed(Path file, String message) {
        return new SaveResult(file, FileDiagnostic.summary(file.toString(), "Cannot save " + file,
                List.of(FileDiagnostic.error(file.toString(), 0, 0, message))));
    }

    private static LoadResult failed(String file, int line, int column, String message) {
        return new LoadResult(null, FileDiagnostic.summary(file, "Cannot load " + file,
                List.of(FileDiagnostic.error(file, line, column, message))));
    }

    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return UserText.of(e);
    }

    /** Why a symbolic link leads nowhere: a loop, or a target that does not exist. */
    private static String brokenLink(Path link) {
        try {
            link.toRealPath();
            return "the file does not exist";
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links")) {
                return "this is a loop of symbolic links (it never reaches a file); point the link at a scenario file";
            }
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(link));
            } catch (IOException | RuntimeException again) {
                target = "?";
            }
            return "this is a symbolic link to " + target + ", which does not exist";
        } catch (IOException | RuntimeException e) {
            return "the file does not exist";
        }
    }

    private static boolean isAllWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Line and column of the first occurrence of ASCII {@code text}, else of the first element, else 1:1. */
    private static int[] lineColumnOf(byte[] bytes, String text) {
        byte[] t = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + t.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + t.length, t, 0, t.length)) {
                return lineColumn(bytes, i);
            }
        }
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '<' && bytes[i + 1] != '?' && bytes[i + 1] != '!') {
                return lineColumn(bytes, i);
            }
        }
        return new int[] {1, 1};
    }

    private static int[] lineColumn(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
