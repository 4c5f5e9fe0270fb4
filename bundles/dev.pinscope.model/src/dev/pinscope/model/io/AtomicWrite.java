package dev.pinscope.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * The one way Pinscope writes a file the user keeps (scenarios, {@code NAME.pinscope.results.json}, {@code --junit}
 * reports): the bytes go to a unique temporary file beside the target, are forced to disk, the temporary file is
 * renamed over the target and the folder is forced too. A crash or a full disk at any moment leaves the previous
 * file or the new one, never a mix; two writers never share a temporary name; and a symbolic link is written
 * through (its target is replaced, the link stays a link).
 */
public final class AtomicWrite {

    /** Temporary files are {@code .NAME.<random>.saving}; the legacy fixed name was {@code .NAME.saving}. */
    static final String SUFFIX = ".saving";
    /** A temporary file this old belongs to no running save: it was left by a crash and may go. */
    private static final Duration STALE = Duration.ofHours(1);
    private static final int MAX_LINKS = 40; // as the kernel's ELOOP limit

    private AtomicWrite() {
    }

    /** Writes {@code bytes} to {@code file} as described above; on failure the previous file is unchanged. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = throughLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        removeStaleTemporaries(target);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true); // the rename must not become durable before the data (ext4 delalloc)
            }
            copyPermissions(target, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | RuntimeException ignored) {
                // the previous file is intact either way; a stray temporary file is removed by a later save
            }
            throw e;
        }
    }

    /**
     * The file a write to {@code file} replaces: {@code file} itself, or the end of its chain of symbolic links
     * (relative links resolve against the link's folder; the target need not exist yet).
     */
    public static Path throughLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int i = 0; Files.isSymbolicLink(p); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        return p;
    }

    /**
     * Deletes temporary files of earlier saves of {@code target} that a crash left behind: the legacy fixed
     * {@code .NAME.saving} (a regular file; a folder of that name is left alone, it no longer blocks anything) and
     * unique ones older than an hour, which no running save still writes.
     */
    static void removeStaleTemporaries(Path target) {
        String name = target.getFileName().toString();
        Path legacy = target.resolveSibling("." + name + SUFFIX);
        try {
            if (Files.isRegularFile(legacy, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(legacy);
            }
        } catch (IOException | RuntimeException e) {
            // not ours to remove after all: it does not block the save
        }
        FileTime before = FileTime.from(Instant.now().minus(STALE));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), "." + glob(name) + ".*" + SUFFIX)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p).compareTo(before) < 0) {
                    Files.delete(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy; the save goes on
        }
    }

    private static String glob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.exists(from) ? Files.getPosixFilePermissions(from)
                    : PosixFilePermissions.fromString("rw-r--r--")); // a temp file is 0600; a new file is not secret
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX, or not ours: the file keeps the default permissions
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }
}
