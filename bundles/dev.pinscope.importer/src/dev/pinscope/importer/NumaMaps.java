package dev.pinscope.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's {@code /proc/PID/numa_maps} (Documentation/filesystems/proc.rst; {@code show_numa_map()}):
 * a line per VMA, {@code START POLICY [file=PATH|heap|stack] [key=value]...}, the start in hex without
 * {@code 0x}. Reading it is itself the race of the reported bug: {@code show_numa_map()} walks the VMA's
 * page tables under {@code mmap_read_lock} and, for a PFNMAP VMA, splits (clears) the PUD leaves it
 * meets. So a VMA listed here is one a numa_maps reader walks, and an import can offer a walker over it.
 */
public final class NumaMaps {

    /** One line: the VMA's start, its memory policy, the other words as the kernel printed them. */
    public record Line(int line, long start, String policy, List<String> words) {
    }

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{1,16}) (\\S+)((?: \\S+)*) ?");

    private final String source;
    private final Map<Long, Line> byStart;

    private NumaMaps(String source, Map<Long, Line> byStart) {
        this.source = source;
        this.byStart = byStart;
    }

    /**
     * @throws ImportException a line that is not {@code START POLICY ...} (the message names the line
     *                         and quotes it), starts out of address order, or no line at all
     */
    public static NumaMaps parse(String text, String source) throws ImportException {
        Map<Long, Line> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        long previous = -1;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]; // saved on Windows
            if (t.isBlank()) {
                continue;
            }
            int n = i + 1;
            Matcher m = LINE.matcher(t);
            if (!m.matches()) {
                throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(t)
                        + "' is not a numa_maps line (START POLICY [key=value]..., START in hex)", n);
            }
            long start = Long.parseUnsignedLong(m.group(1), 16);
            if (previous != -1 && Long.compareUnsigned(start, previous) <= 0) {
                throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(t)
                        + "' starts at or before the line before it (the kernel lists VMAs in address order)", n, true);
            }
            previous = start;
            List<String> words = m.group(3).isBlank() ? List.of() : List.of(m.group(3).strip().split(" "));
            out.put(start, new Line(n, start, m.group(2), words));
        }
        if (out.isEmpty()) {
            throw new ImportException(source + ": no VMAs (an empty file, or not /proc/PID/numa_maps)");
        }
        return new NumaMaps(source, out);
    }

    /** Reads a saved numa_maps file. */
    public static NumaMaps read(Path file) throws ImportException {
        return parse(SavedText.read(file, "numa_maps"), file.toString());
    }

    public String source() {
        return source;
    }

    /** The line of the VMA that starts at {@code start}, if numa_maps lists it. */
    public Optional<Line> vmaAt(long start) {
        return Optional.ofNullable(byStart.get(start));
    }

    public List<Line> lines() {
        return new ArrayList<>(byStart.values());
    }
}
