import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lays out INSTALL/cli for the headless commands (issue 18): a copy of each CLI bundle jar from INSTALL/plugins
 * without its jar signature, and pinscope-cli.jar, whose manifest names them (Class-Path) and the main class.
 * The copies are unsigned because the JVM leaves classes of signed jars out of a class-data (CDS) archive, and
 * EMF's jars are signed; OSGi keeps using the signed originals in plugins/. Run as a source file:
 * {@code java CliJars.java INSTALL BUNDLE...}.
 */
public final class CliJars {
    public static void main(String[] args) throws IOException {
        Path install = Path.of(args[0]);
        Path plugins = install.resolve("plugins");
        Path cli = install.resolve("cli");
        Files.createDirectories(cli);
        List<String> classPath = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path jar = find(plugins, args[i]);
            Path copy = cli.resolve(jar.getFileName());
            unsigned(jar, copy);
            classPath.add(copy.getFileName().toString());
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.pinscope.cli.PinscopeCli");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream o = Files.newOutputStream(cli.resolve("pinscope-cli.jar"));
                JarOutputStream j = new JarOutputStream(o, m)) {
            // only the manifest: the class path of the headless commands, one name for every start script
        }
    }

    /** The one jar of BUNDLE in plugins/ (a product holds one version of each). */
    private static Path find(Path plugins, String bundle) throws IOException {
        Path found = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(plugins, bundle + "_*.jar")) {
            for (Path p : ds) {
                if (found != null) {
                    throw new IOException("two versions of " + bundle + " in " + plugins);
                }
                found = p;
            }
        }
        if (found == null) {
            throw new IOException("no " + bundle + "_*.jar in " + plugins);
        }
        return found;
    }

    /** The jar without META-INF/*.SF|RSA|DSA|EC (the digests in the manifest are harmless without them). */
    private static void unsigned(Path from, Path to) throws IOException {
        Manifest manifest;
        try (JarFile jf = new JarFile(from.toFile(), false)) {
            manifest = jf.getManifest();
        }
        Manifest plain = new Manifest();
        if (manifest != null) {
            plain.getMainAttributes().putAll(manifest.getMainAttributes()); // per-entry digests dropped
        }
        try (InputStream in = Files.newInputStream(from); ZipInputStream zin = new ZipInputStream(in);
                OutputStream o = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(o, plain)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
                String n = e.getName().toUpperCase(java.util.Locale.ROOT);
                if (n.equals("META-INF/MANIFEST.MF") || n.startsWith("META-INF/") && n.indexOf('/', 9) < 0
                        && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"))) {
                    continue;
                }
                JarEntry je = new JarEntry(e.getName());
                je.setTime(e.getTime());
                out.putNextEntry(je);
                zin.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
