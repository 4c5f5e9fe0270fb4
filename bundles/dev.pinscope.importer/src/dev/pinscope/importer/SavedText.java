package dev.pinscope.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved {@code /proc} text (smaps, maps, numa_maps, a sysfs resource file) read without surprises: a folder, a
 * named pipe or a device is refused before it is opened (a pipe would block, {@code /dev/zero} never ends), the read
 * stops at {@link #MAX_BYTES}, and binary data is refused by name instead of being quoted back as garbage.
 */
final class SavedText {

    /**
     * Larger than any real file of one process: smaps prints about 1 KB per VMA, and a process has at most
     * vm.max_map_count (65,530 by default) VMAs, so about 70 MB.
     */
    static final int MAX_BYTES = 128 << 20;

    private SavedText() {
    }

    /** @param kind what the file should be, for messages ("smaps or maps", "numa_maps") */
    static String read(Path file, String kind) throws ImportException {
        if (Files.isDirectory(file)) {
            throw new ImportException(file + " is a folder, not a saved " + kind + " file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ImportException(file + " is not a regular file (a named pipe, device or socket); save the " + kind
                    + " text to a file first");
        }
        byte[] bytes = null;
        try (InputStream in = Files.newInputStream(file)) {
            // a saved file says its size; /proc and sysfs files say 0 or 4096, so the read is capped as well
            if (Files.size(file) <= MAX_BYTES) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + ProcFs.why(e));
        }
        if (bytes == null || bytes.length > MAX_BYTES) {
            throw new ImportException(file + " is larger than " + (MAX_BYTES >> 20) + " MB, more than the " + kind
                    + " of any one process; it is not a saved " + kind + " file");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int line = 1;
                for (int j = 0; j < i; j++) {
                    line += bytes[j] == '\n' ? 1 : 0;
                }
                throw new ImportException(file + ":" + line + ": the file contains binary data (a NUL byte); it is not "
                        + kind + " text", line);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
