package dev.pinscope.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code /proc/PID/smaps} (or {@code maps}) file: its VMAs in address order.
 *
 * @param source        where it came from, for messages ({@code /proc/1234/smaps}, a file name)
 * @param vmas          the VMAs, in the file's (address) order
 * @param ignoredFields the names of fields present in the file that the importer does not use
 */
public record Smaps(String source, List<SmapsVma> vmas, Set<String> ignoredFields) {

    /** Longer than PATH_MAX plus the columns: not a line the kernel writes. */
    static final int MAX_LINE = 4096 + 128;

    /** vm.max_map_count is 65,530 by default; a scenario with more VMAs than this is not one anybody can step through. */
    static final int MAX_VMAS = 65_536;

    private static final Pattern KB_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*):\\s+([0-9]{1,19}) kB");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*):(?:\\s+(.*))?");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]{2}");

    public static Smaps parse(String text, String source) throws ImportException {
        try {
            return parse(new StringReader(text), source);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    /**
     * Parses smaps or maps text. Blank lines are allowed (proc.rst's example has one); any other line
     * that is neither a maps line nor a {@code Field: value} line after one is an error naming it.
     *
     * @throws ImportException for the first line that does not parse, or VMAs out of address order
     */
    public static Smaps parse(Reader reader, String source) throws IOException, ImportException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<SmapsVma> vmas = new ArrayList<>();
        Set<String> ignored = new TreeSet<>();
        int n = 0;
        MapsLine current = null;
        int currentLine = 0;
        Map<String, Long> kb = null;
        Map<String, String> other = null;
        List<String> flags = null;
        String text;
        while ((text = in.readLine()) != null) {
            n++;
            if (text.length() > MAX_LINE) {
                throw new ImportException(source + ":" + n + ": line of " + text.length()
                        + " characters is too long for smaps: " + ImportException.excerpt(text), n);
            }
            if (text.isBlank()) {
                continue;
            }
            MapsLine maps = MapsLine.parse(text);
            if (maps != null) {
                if (current != null) {
                    vmas.add(new SmapsVma(currentLine, current, kb, other, flags));
                }
                if (vmas.size() >= MAX_VMAS) {
                    throw new ImportException(source + ":" + n + ": more than " + MAX_VMAS + " mappings, above vm.max_map_count's "
                            + "default of 65530; import a copy cut down to the mappings around the BAR mmaps", n);
                }
                check(maps, vmas.isEmpty() ? null : vmas.get(vmas.size() - 1).maps(), source, n, text);
                current = maps;
                currentLine = n;
                kb = new LinkedHashMap<>();
                other = new LinkedHashMap<>();
                flags = null;
                continue;
            }
            Matcher f = KB_FIELD.matcher(text.strip());
            Matcher g = FIELD.matcher(text.strip());
            if (current == null || !f.matches() && !g.matches()) {
                throw new ImportException(source + ":" + n + ": cannot parse '" + ImportException.excerpt(text) + "': expected "
                        + (current == null ? "a maps line (start-end perms offset dev inode [path])"
                                : "a maps line or a 'Field: value' line"), n);
            }
            String name = f.matches() ? f.group(1) : g.group(1);
            if (!SmapsVma.USED_FIELDS.contains(name)) {
                ignored.add(name);
            }
            if (name.equals("VmFlags")) {
                String codes = g.group(2) == null ? "" : g.group(2).strip();
                flags = codes.isEmpty() ? List.of() : Arrays.asList(codes.split("\\s+"));
                for (String c : flags) {
                    if (!CODE.matcher(c).matches()) {
                        throw new ImportException(source + ":" + n + ": cannot parse '" + ImportException.excerpt(text)
                                + "': '" + c + "' is not a two-letter VmFlags code", n);
                    }
                }
                flags = List.copyOf(flags);
            } else if (f.matches()) {
                kb.put(name, kilobytes(f.group(2), source, n, text));
            } else if (SmapsVma.USED_FIELDS.contains(name)) {
                throw new ImportException(source + ":" + n + ": cannot parse '" + ImportException.excerpt(text) + "': "
                        + name + " needs a size such as '4 kB'", n);
            } else {
                other.put(name, g.group(2) == null ? "" : g.group(2).strip());
            }
            if (name.equals("Size") && kb.get("Size") != null && kb.get("Size") != current.size() >>> 10) {
                throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(text) + "' does not match the "
                        + (current.size() >>> 10) + " kB of the mapping on line " + currentLine, n);
            }
        }
        if (current != null) {
            vmas.add(new SmapsVma(currentLine, current, kb, other, flags));
        }
        if (vmas.isEmpty()) {
            throw new ImportException(source + ": no mappings (an empty file, or not /proc/PID/smaps or maps)");
        }
        return new Smaps(source, List.copyOf(vmas), Set.copyOf(ignored));
    }

    /** A {@code N kB} value; nineteen digits can still pass 2^63. */
    private static long kilobytes(String digits, String source, int n, String text) throws ImportException {
        try {
            long kb = Long.parseLong(digits);
            if (kb > Long.MAX_VALUE >> 10) {
                throw new NumberFormatException();
            }
            return kb;
        } catch (NumberFormatException e) {
            throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(text) + "': " + digits
                    + " kB is more than a 64-bit address space holds", n);
        }
    }

    /** The maps file's own guarantees (proc.rst): a range ends after it starts; addresses never go backwards. */
    private static void check(MapsLine maps, MapsLine previous, String source, int n, String text) throws ImportException {
        if (Long.compareUnsigned(maps.start(), maps.end()) >= 0) {
            throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(text)
                    + "': the range ends before it starts", n);
        }
        if (((maps.start() | maps.end()) & 0xfff) != 0) {
            throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(text)
                    + "': the range is not page-aligned", n);
        }
        if (previous != null && Long.compareUnsigned(maps.start(), previous.end()) < 0) {
            throw new ImportException(source + ":" + n + ": '" + ImportException.excerpt(text)
                    + "' overlaps or precedes the mapping before it (the kernel lists VMAs in address order)", n, true);
        }
    }

    /** Reads a saved smaps (or maps) file, e.g. one attached to a bug report. */
    public static Smaps read(java.nio.file.Path file) throws ImportException {
        String text;
        text = SavedText.read(file, "smaps or maps");
        return parse(text, file.toString());
    }

    /** The VMAs vfio-pci BAR mmaps are, in address order. */
    public List<SmapsVma> vfioBars() {
        return vmas.stream().filter(SmapsVma::isVfioBar).toList();
    }
}
