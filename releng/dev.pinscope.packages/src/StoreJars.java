import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code java StoreJars.java DIR}: rewrites every {@code *.jar} in DIR with its entries stored instead of deflated,
 * same names, order and times (build-packages.sh). Equinox reads each class's bytes from its bundle's jar even when
 * the ahead-of-time cache holds the class (the JVM matches a bundle's class by its bytes), and inflating them was
 * 8 % of the UI thread's CPU in a warm start. The .deb and the tarball compress the image anyway.
 */
public final class StoreJars {

    private StoreJars() {
    }

    public static void main(String[] args) throws IOException {
        long before = 0;
        long after = 0;
        int jars = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : dir) {
                before += Files.size(jar);
                store(jar);
                after += Files.size(jar);
                jars++;
            }
        }
        System.out.printf("packages: %d jars stored uncompressed, %d MB -> %d MB%n", jars, before >> 20, after >> 20);
    }

    /** Writes the stored copy beside the jar, then renames it over the jar. */
    static void store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry source = entries.nextElement();
                byte[] bytes;
                try (InputStream data = in.getInputStream(source)) {
                    bytes = data.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(source.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                copy.setCrc(crc.getValue());
                copy.setTime(source.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
