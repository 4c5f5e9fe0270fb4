package dev.pinscope.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile {@code .pinscope} inputs, derived from one well-formed scenario (a shipped example): what a bug report's
 * attachment, a half-written download, an attack or a typo could look like. Each {@link Case} says what the
 * product must do with it: {@link Verdict#REFUSED} (a load error, exit 2, naming what {@link Case#mention} says)
 * or {@link Verdict#ENDS} (it may load, be refused by the validator or run; it must end with a clear verdict).
 *
 * <p>Plain Java (no SWT), deterministic for a seed, so the CLI tests, the model tests, the UI tests and a shell
 * run over the product ({@link #main}) see the same corpus.
 */
public final class HostileCorpus {

    /** What the product must do with a case. */
    public enum Verdict {
        /** Refused before anything runs: a load or validation error (exit 2). */
        REFUSED,
        /** Anything but a crash: loads and runs to a verdict, or is refused; always ends, in the user's terms. */
        ENDS
    }

    /** How the case is put on disk. */
    public enum Kind {
        FILE, DIRECTORY, UNREADABLE, SYMLINK_LOOP, DANGLING_SYMLINK
    }

    /**
     * One hostile input. {@code mention}: a word (lower case) the one-line message must contain, or null;
     * {@code heavy}: large (megabytes) or slow to generate, kept out of quick runs.
     */
    public record Case(String name, byte[] bytes, Kind kind, Verdict verdict, String mention, boolean heavy) {
        public String fileName() {
            return name + ".pinscope";
        }

        /** Writes the case into {@code dir} and returns the path a command gets. */
        public Path write(Path dir) throws IOException {
            Path p = dir.resolve(fileName());
            switch (kind) {
                case FILE -> Files.write(p, bytes);
                case DIRECTORY -> Files.createDirectories(p);
                case UNREADABLE -> {
                    Files.write(p, bytes);
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
                }
                case SYMLINK_LOOP -> {
                    Path other = dir.resolve(name + "-other.pinscope");
                    Files.createSymbolicLink(p, other.getFileName());
                    Files.createSymbolicLink(other, p.getFileName());
                }
                case DANGLING_SYMLINK -> Files.createSymbolicLink(p, Path.of("no-such-target.pinscope"));
            }
            return p;
        }
    }

    private static final String PINSCOPE_NS = "http://pinscope.dev/scenario/1.0";

    private final String source;
    private final String httpBase;
    private final SplittableRandom rnd;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param example  a well-formed scenario (UTF-8 XMI) with a device, a VMA, a pinner, a schedule and expectations
     * @param httpBase where network references point, e.g. a local server socket that counts connections
     */
    public HostileCorpus(String example, String httpBase, long seed) {
        this.source = example;
        this.httpBase = httpBase;
        this.rnd = new SplittableRandom(seed);
    }

    /** The corpus; {@code truncations}: how many truncated copies (spread evenly over the file, plus a few random). */
    public List<Case> cases(int truncations) {
        cases.clear();
        emptyAndBinary();
        truncated(truncations);
        notAScenario();
        entities();
        sizes();
        references();
        wrongTypes();
        addresses();
        enums();
        bounds();
        encodings();
        onDisk();
        return List.copyOf(cases);
    }

    private void add(String name, String text, Verdict v, String mention) {
        cases.add(new Case(name, text.getBytes(StandardCharsets.UTF_8), Kind.FILE, v, mention, false));
    }

    private void addBytes(String name, byte[] bytes, Verdict v, String mention, boolean heavy) {
        cases.add(new Case(name, bytes, Kind.FILE, v, mention, heavy));
    }

    private void emptyAndBinary() {
        add("empty", "", Verdict.REFUSED, "empty");
        add("whitespace", " \n\t\r\n  \n", Verdict.REFUSED, "empty");
        byte[] garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) rnd.nextInt(256);
        }
        garbage[17] = 0;
        addBytes("binary-garbage", garbage, Verdict.REFUSED, "binary", false);
        byte[] high = new byte[2048];
        for (int i = 0; i < high.length; i++) {
            high[i] = (byte) (0x80 + rnd.nextInt(0x80));
        }
        addBytes("binary-no-nul", high, Verdict.REFUSED, null, false);
        // an ELF header, a gzip'd file: what a wrong drag and drop brings
        addBytes("elf", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0}, Verdict.REFUSED, null, false);
        addBytes("gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}, Verdict.REFUSED, null, false);
    }

    private void truncated(int count) {
        byte[] b = source.getBytes(StandardCharsets.UTF_8);
        // every prefix that stops before the root's end tag is ill-formed
        int end = source.lastIndexOf("</pinscope:Scenario>");
        end = source.substring(0, end).getBytes(StandardCharsets.UTF_8).length + "</pinscope:Scenario".length();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            at.add(1 + (int) ((long) (end - 1) * i / Math.max(1, count)));
        }
        for (int i = 0; i < 3; i++) {
            at.add(1 + rnd.nextInt(end - 1));
        }
        at.add(end - 1);
        for (int n : at.stream().distinct().sorted().toList()) {
            addBytes("truncated-at-" + n, Arrays.copyOf(b, n), Verdict.REFUSED, null, false);
        }
    }

    private void notAScenario() {
        add("wrong-root", "<?xml version=\"1.0\"?>\n<html><body>not a scenario</body></html>\n", Verdict.REFUSED, "pinscope:scenario");
        add("plain-text", "qemu pins the BAR while numa_maps walks\n", Verdict.REFUSED, null);
        add("json", "{\"name\": \"scenario\", \"actors\": []}\n", Verdict.REFUSED, null);
        add("root-is-a-vma", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pinscope:Vma xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:pinscope=\"" + PINSCOPE_NS + "\" name=\"bar0\" start=\"4096\" end=\"8192\"/>\n", Verdict.REFUSED, "root");
        add("namespace-2.0", source.replace(PINSCOPE_NS, "http://pinscope.dev/scenario/2.0"), Verdict.REFUSED, null);
        add("namespace-http-remote", source.replace(PINSCOPE_NS, httpBase + "scenario.ecore"), Verdict.REFUSED, null);
        add("namespace-missing", source.replace(" xmlns:pinscope=\"" + PINSCOPE_NS + "\"", ""), Verdict.REFUSED, null);
        add("other-emf-model", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ecore:EPackage xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:ecore=\"http://www.eclipse.org/emf/2002/Ecore\" name=\"scenario\" nsURI=\"" + PINSCOPE_NS + "\" nsPrefix=\"pinscope\">\n"
                + "  <eClassifiers xsi:type=\"ecore:EClass\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"Scenario\"/>\n"
                + "</ecore:EPackage>\n", Verdict.REFUSED, null);
        add("xsi-type-unknown", source.replaceFirst("xsi:type=\"pinscope:Pinner\"", "xsi:type=\"pinscope:Rootkit\""), Verdict.REFUSED, null);
        add("xsi-type-foreign-package", source.replaceFirst("xsi:type=\"pinscope:Pinner\"",
                "xmlns:evil=\"" + httpBase + "evil.ecore\" xsi:type=\"evil:Pinner\""), Verdict.REFUSED, null);
        add("two-roots", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmi:XMI xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" "
                + "xmlns:pinscope=\"" + PINSCOPE_NS + "\">\n<pinscope:Scenario name=\"a\"/>\n<pinscope:Scenario name=\"b\"/>\n</xmi:XMI>\n",
                Verdict.REFUSED, null);
        add("unknown-element", insertBeforeEnd("  <rootkit evil=\"1\"/>\n"), Verdict.REFUSED, null);
        add("unknown-attribute", source.replaceFirst(" maxSteps=", " evil=\"1\" maxSteps="), Verdict.REFUSED, null);
        add("format-version-99", source.replaceFirst("formatVersion=\"1\"", "formatVersion=\"99\""), Verdict.REFUSED, "version");
        add("format-version-0", source.replaceFirst("formatVersion=\"1\"", "formatVersion=\"0\""), Verdict.REFUSED, "version");
        add("processing-instruction-and-comment", source.replaceFirst("\n", "\n<?evil run=\"rm -rf\"?><!-- \u0000? no -->\n")
                .replace("\u0000", "x"), Verdict.ENDS, null);
    }

    private void entities() {
        String xxeFile = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE pinscope:Scenario [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                + source.substring(source.indexOf('\n') + 1).replaceFirst(" name=\"[^\"]*\"", " name=\"&xxe;\"");
        add("xxe-file", xxeFile, Verdict.REFUSED, "doctype");
        add("xxe-http", xxeFile.replace("file:///etc/passwd", httpBase + "xxe"), Verdict.REFUSED, "doctype");
        add("xxe-parameter-entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY % p SYSTEM \"" + httpBase + "dtd\"> %p; ]>\n"
                + source.substring(source.indexOf('\n') + 1), Verdict.REFUSED, "doctype");
        add("external-dtd", "<?xml version=\"1.0\"?>\n<!DOCTYPE pinscope:Scenario SYSTEM \"" + httpBase + "scenario.dtd\">\n"
                + source.substring(source.indexOf('\n') + 1), Verdict.REFUSED, "doctype");
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            lol.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                lol.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            lol.append("\">\n");
        }
        lol.append("]>\n").append(source.substring(source.indexOf('\n') + 1).replaceFirst(" name=\"[^\"]*\"", " name=\"&lol9;\""));
        add("billion-laughs", lol.toString(), Verdict.REFUSED, "doctype");
        add("xinclude", insertBeforeEnd("  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>\n"),
                Verdict.REFUSED, null);
        add("schema-location", source.replaceFirst("formatVersion=", "xsi:schemaLocation=\"" + PINSCOPE_NS + " " + httpBase
                + "scenario.xsd\" formatVersion="), Verdict.ENDS, null);
        add("undefined-entity", source.replaceFirst(" name=\"[^\"]*\"", " name=\"&nbsp;\""), Verdict.REFUSED, null);
        add("char-reference-nul", source.replaceFirst(" name=\"[^\"]*\"", " name=\"a&#0;b\""), Verdict.REFUSED, null);
    }

    private void sizes() {
        add("huge-attribute-1M", source.replaceFirst(" name=\"[^\"]*\"", " name=\"" + "A".repeat(1 << 20) + "\""), Verdict.ENDS, null);
        addBytes("huge-attribute-40M", source.replaceFirst(" name=\"[^\"]*\"", " name=\"" + "A".repeat(40 << 20) + "\"")
                .getBytes(StandardCharsets.UTF_8), Verdict.REFUSED, "limit", true);
        add("many-actors-2k", insertActors(2_000), Verdict.ENDS, null);
        addBytes("many-actors-100k", insertActors(100_000).getBytes(StandardCharsets.UTF_8), Verdict.ENDS, null, true);
        add("deep-nesting-unknown", insertBeforeEnd("<a>".repeat(50_000) + "</a>".repeat(50_000) + "\n"), Verdict.REFUSED, null);
        add("deep-nesting-open", insertBeforeEnd("<addressSpace>".repeat(200_000)), Verdict.REFUSED, null);
        add("long-line-of-flags", source.replaceFirst("<flags>VM_READ</flags>", "<flags>VM_READ</flags>".repeat(20_000)), Verdict.ENDS, null);
        add("duplicate-actor-names", duplicateFirst("<actors ", "/>"), Verdict.ENDS, null);
        add("duplicate-vma", duplicateFirst("<vmas ", "</vmas>"), Verdict.REFUSED, null);
        add("duplicate-device", duplicateFirst("<devices ", "</devices>"), Verdict.REFUSED, "same pci address");
        add("duplicate-bar-index", source.replaceFirst("(<bars [^>]*/>)", "$1\n    $1"), Verdict.REFUSED, null);
        add("duplicate-attribute", source.replaceFirst(" maxSteps=\"", " maxSteps=\"5\" maxSteps=\""), Verdict.REFUSED, null);
        add("xmi-id-duplicates", source.replaceFirst("<actors ", "<actors xmi:id=\"a\" ").replaceFirst("<devices ", "<devices xmi:id=\"a\" "),
                Verdict.ENDS, null);
    }

    private void references() {
        add("href-other-file", replaceAttr("bar", "other.pinscope#//@devices.0/@bars.0"), Verdict.REFUSED, null);
        add("href-absolute-file", replaceAttr("bar", "file:///etc/passwd#//@devices.0/@bars.0"), Verdict.REFUSED, null);
        add("href-http", replaceAttr("bar", httpBase + "x.pinscope#//@devices.0/@bars.0"), Verdict.REFUSED, null);
        add("href-jar", replaceAttr("bar", "jar:file:/tmp/x.jar!/x.pinscope#//@devices.0"), Verdict.REFUSED, null);
        add("href-missing-bar", replaceAttr("bar", "//@devices.7/@bars.0"), Verdict.REFUSED, null);
        add("href-missing-actor", source.replaceFirst(" actor=\"//@actors.0\"", " actor=\"//@actors.99\""), Verdict.REFUSED, null);
        add("href-wrong-type", replaceAttr("bar", "//@actors.0"), Verdict.REFUSED, null);
        add("href-missing-id", replaceAttr("bar", "no-such-id"), Verdict.REFUSED, null);
        add("href-several-ids", source.replaceFirst(" actor=\"//@actors.0\"", " actor=\"//@actors.0 //@actors.1\""), Verdict.REFUSED, null);
        add("href-empty", replaceAttr("bar", ""), Verdict.REFUSED, null);
        add("href-garbage", replaceAttr("bar", "//@@@..%%"), Verdict.REFUSED, null);
        add("href-self-loop", replaceAttr("bar", "//@addressSpace/@vmas.0"), Verdict.REFUSED, null);
    }

    private void wrongTypes() {
        String[][] values = {
            {"text", "banana"}, {"1e309", "1e309"}, {"nan", "NaN"}, {"infinity", "Infinity"}, {"2pow64", "18446744073709551616"},
            {"hex", "0x1000"}, {"fraction", "1.5"}, {"empty", ""}, {"space", " 4096 "}, {"plus", "+4096"}, {"huge", "9".repeat(400)},
        };
        for (String[] v : values) {
            add("vma-start-" + v[0], replaceAttr("start", v[1]), Verdict.REFUSED, null);
            // "+4096" is a valid xsd:long; anything else is not a number
            add("maxsteps-" + v[0], replaceAttr("maxSteps", v[1]), v[0].equals("plus") ? Verdict.ENDS : Verdict.REFUSED, null);
        }
        add("boolean-yes", replaceAttr("write", "yes"), Verdict.REFUSED, null);
        add("bar-size-negative", replaceAttr("size", "-4096"), Verdict.REFUSED, null);
        add("bar-size-min-long", replaceAttr("size", "-9223372036854775808"), Verdict.REFUSED, null);
        add("maxretries-negative", replaceAttr("maxRetries", "-1"), Verdict.REFUSED, null);
        add("pinned-pages-negative", replaceAttr("pinnedPages", "-4096"), Verdict.REFUSED, null);
        add("repeat-minus-two", replaceAttr("repeat", "-2"), Verdict.REFUSED, null);
        add("count-minus-two", replaceAttr("count", "-2"), Verdict.REFUSED, "count");
        add("bar-index-99", replaceAttr("index", "99"), Verdict.REFUSED, null);
        add("batch-capacity-zero", replaceAttr("batchCapacity", "0"), Verdict.REFUSED, null);
    }

    private void addresses() {
        long start = attr("start");
        long end = attr("end");
        add("vma-unaligned", replaceAttr("start", Long.toString(start + 1)), Verdict.REFUSED, null);
        add("vma-end-before-start", replaceAttr("end", Long.toString(start - 4096)), Verdict.REFUSED, null);
        add("vma-empty", replaceAttr("end", Long.toString(start)), Verdict.REFUSED, null);
        add("vma-beyond-2pow57", replaceAttr("start", Long.toString(1L << 60)).replaceFirst(" end=\"[0-9]+\"",
                " end=\"" + ((1L << 60) + (end - start)) + "\""), Verdict.REFUSED, null);
        add("vma-negative", replaceAttr("start", Long.toString(-(end - start))).replaceFirst(" end=\"[0-9]+\"", " end=\"0\""), Verdict.REFUSED, null);
        add("vma-pgoff-wraps", replaceAttr("pgoff", Long.toString(1L << 52)), Verdict.REFUSED, null);
        add("vma-pgoff-beyond-bar", replaceAttr("pgoff", Long.toString(1L << 30)), Verdict.REFUSED, null);
        add("vma-overlapping", source.replaceFirst("(<vmas [^>]*>[\\s\\S]*?</vmas>)", "$1\n    $1"), Verdict.REFUSED, null);
        add("pinner-vaddr-overflow", replaceAttr("vaddr", Long.toString(Long.MAX_VALUE - 4095)), Verdict.REFUSED, null);
        add("pinner-size-zero", source.replaceFirst("(<actors xsi:type=\"pinscope:Pinner\"[^>]*?) size=\"[0-9]+\"", "$1 size=\"0\""),
                Verdict.REFUSED, null);
        add("pinner-size-unaligned", source.replaceFirst("(<actors xsi:type=\"pinscope:Pinner\"[^>]*?) size=\"[0-9]+\"", "$1 size=\"4097\""),
                Verdict.REFUSED, null);
        add("pinner-outside-vma", replaceAttr("vaddr", Long.toString(end + (1L << 30))), Verdict.REFUSED, null);
        add("bar-unaligned", replaceAttr("physicalAddress", Long.toString(attr("physicalAddress") + 1)), Verdict.REFUSED, null);
        add("bar-beyond-2pow52", replaceAttr("physicalAddress", Long.toString(1L << 62)), Verdict.REFUSED, null);
        add("bar-size-zero", replaceAttr("size", "0"), Verdict.REFUSED, null);
        add("bar-size-not-power-of-two", replaceAttr("size", Long.toString(3L << 30)), Verdict.ENDS, null);
        add("bar-address-plus-size-overflows", replaceAttr("physicalAddress", Long.toString(Long.MAX_VALUE & ~0xfffL)), Verdict.REFUSED, null);
        add("zap-device-without-bar", source.replaceFirst("<bars [^>]*/>", "").replaceFirst(" bar=\"[^\"]*\"", ""), Verdict.REFUSED, null);
    }

    private void enums() {
        add("enum-policy", replaceAttr("policy", "YOLO"), Verdict.REFUSED, null);
        add("enum-policy-lower-case", replaceAttr("policy", "patch_v1"), Verdict.REFUSED, null);
        add("enum-thp", replaceAttr("thpMode", "SOMETIMES"), Verdict.REFUSED, null);
        add("enum-empty", replaceAttr("policy", ""), Verdict.REFUSED, null);
        add("enum-power-state", replaceAttr("powerState", "D9"), Verdict.REFUSED, null);
        add("enum-flag", source.replaceFirst("<flags>VM_READ</flags>", "<flags>VM_BOGUS</flags>"), Verdict.REFUSED, null);
        add("enum-result", source.replaceFirst("<results>[A-Z]+</results>", "<results>EWHATEVER</results>"), Verdict.REFUSED, null);
        add("enum-trigger", insertActor("<actors xsi:type=\"pinscope:Zapper\" name=\"z\" device=\"//@devices.0\" trigger=\"METEOR\" repeat=\"1\"/>"),
                Verdict.REFUSED, null);
    }

    private void bounds() {
        add("maxsteps-zero", replaceAttr("maxSteps", "0"), Verdict.REFUSED, "maxsteps");
        add("maxsteps-negative", replaceAttr("maxSteps", "-1"), Verdict.REFUSED, "maxsteps");
        add("maxsteps-max-long", replaceAttr("maxSteps", Long.toString(Long.MAX_VALUE)), Verdict.REFUSED, null);
        add("maxsteps-max-int", replaceAttr("maxSteps", Integer.toString(Integer.MAX_VALUE)), Verdict.ENDS, null);
        add("maxretries-huge", replaceAttr("maxRetries", Integer.toString(Integer.MAX_VALUE)), Verdict.ENDS, null);
        // a zapper that never stops against PATCH_V1's unbounded retry: run and explore must end with a verdict
        add("endless-zapper", insertActor("<actors xsi:type=\"pinscope:Zapper\" name=\"forever\" device=\"//@devices.0\" "
                + "trigger=\"DEVICE_RESET\" repeat=\"-1\"/>"), Verdict.ENDS, null);
        add("endless-zappers-two", insertActor("<actors xsi:type=\"pinscope:Zapper\" name=\"forever-reset\" device=\"//@devices.0\" "
                + "trigger=\"DEVICE_RESET\" repeat=\"-1\"/>\n  <actors xsi:type=\"pinscope:Zapper\" name=\"forever-sizing\" device=\"//@devices.0\" "
                + "trigger=\"BAR_SIZING\" repeat=\"-1\"/>"), Verdict.ENDS, null);
        add("endless-walker", insertActor("<actors xsi:type=\"pinscope:PageTableWalker\" name=\"w\" vma=\"//@addressSpace/@vmas.0\" repeat=\"-1\"/>"),
                Verdict.ENDS, null);
        add("endless-cpu", insertActor("<actors xsi:type=\"pinscope:CpuAccess\" name=\"c\" vaddr=\"" + attr("start") + "\" repeat=\"-1\"/>"),
                Verdict.ENDS, null);
        add("schedule-endless-step", source.replaceFirst("<schedule>", "<schedule>\n    <steps actor=\"//@actors.0\" count=\"-1\" until=\"F2_READ\"/>"),
                Verdict.ENDS, null);
        add("schedule-until-empty", source.replaceFirst(" until=\"[A-Z0-9_]+\"", " until=\"\""), Verdict.REFUSED, null);
        add("schedule-until-unknown", source.replaceFirst(" until=\"[A-Z0-9_]+\"", " until=\"NOWHERE\""), Verdict.REFUSED, null);
        add("schedule-count-huge", source.replaceFirst(" count=\"-1\"", " count=\"2147483647\""), Verdict.ENDS, null);
    }

    private void encodings() {
        String crlf = source.replace("\r\n", "\n").replace("\n", "\r\n");
        add("crlf", crlf, Verdict.ENDS, null);
        add("cr-only", source.replace("\n", "\r"), Verdict.ENDS, null);
        byte[] bom8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        addBytes("utf8-bom", concat(bom8, source.getBytes(StandardCharsets.UTF_8)), Verdict.ENDS, null, false);
        String declared16 = source.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        addBytes("utf16le-bom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, declared16.getBytes(StandardCharsets.UTF_16LE)), Verdict.ENDS, null, false);
        addBytes("utf16be-bom", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, declared16.getBytes(StandardCharsets.UTF_16BE)), Verdict.ENDS, null, false);
        addBytes("utf16le-declared-utf8", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, source.getBytes(StandardCharsets.UTF_16LE)), Verdict.ENDS, null, false);
        addBytes("utf16le-no-bom", declared16.getBytes(StandardCharsets.UTF_16LE), Verdict.REFUSED, "utf-16", false);
        addBytes("latin1-declared-utf8", source.replaceFirst(" name=\"[^\"]*\"", " name=\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1),
                Verdict.REFUSED, "utf-8", false);
        add("encoding-unknown", source.replaceFirst("encoding=\"UTF-8\"", "encoding=\"KLINGON-9\""), Verdict.REFUSED, "encoding");
        add("encoding-ebcdic", source.replaceFirst("encoding=\"UTF-8\"", "encoding=\"IBM037\""), Verdict.REFUSED, null);
        add("control-characters", source.replaceFirst(" name=\"[^\"]*\"", " name=\"a\u0007\u001bb\""), Verdict.REFUSED, null);
        add("unicode-names", source.replaceFirst(" name=\"[^\"]*\"", " name=\"\u202eqemu\u200b \ud83d\udca5\""), Verdict.ENDS, null);
        add("lone-surrogate-bytes", source.replaceFirst(" name=\"[^\"]*\"", " name=\"x\"")
                .replace("name=\"x\"", "name=\"\u00ff\u00fe\""), Verdict.ENDS, null);
    }

    private void onDisk() {
        cases.add(new Case("directory", new byte[0], Kind.DIRECTORY, Verdict.REFUSED, "folder", false));
        cases.add(new Case("unreadable", source.getBytes(StandardCharsets.UTF_8), Kind.UNREADABLE, Verdict.ENDS, null, false));
        cases.add(new Case("symlink-loop", new byte[0], Kind.SYMLINK_LOOP, Verdict.REFUSED, "loop", false));
        cases.add(new Case("dangling-symlink", new byte[0], Kind.DANGLING_SYMLINK, Verdict.REFUSED, "does not exist", false));
    }

    // --- text surgery on the example ---

    private String replaceAttr(String attribute, String value) {
        return replaceAttr(source, attribute, value);
    }

    private static String replaceAttr(String text, String attribute, String value) {
        Matcher m = Pattern.compile(" " + attribute + "=\"[^\"]*\"").matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("the example has no attribute " + attribute);
        }
        return text.substring(0, m.start()) + " " + attribute + "=\"" + value + "\"" + text.substring(m.end());
    }

    private long attr(String attribute) {
        Matcher m = Pattern.compile(" " + attribute + "=\"(-?[0-9]+)\"").matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("the example has no number attribute " + attribute);
        }
        return Long.parseLong(m.group(1));
    }

    private String insertBeforeEnd(String text) {
        int i = source.lastIndexOf("</pinscope:Scenario>");
        return source.substring(0, i) + text + source.substring(i);
    }

    /** Inserts an actor after the last one, so schedule steps' //@actors.N keep pointing at the same actors. */
    private String insertActor(String actor) {
        return insertActor(source, actor);
    }

    private static String insertActor(String text, String actor) {
        int last = text.lastIndexOf("<actors ");
        int end = text.indexOf('\n', last);
        return text.substring(0, end + 1) + "  " + actor + "\n" + text.substring(end + 1);
    }

    private String insertActors(int n) {
        long start = attr("start");
        StringBuilder b = new StringBuilder(n * 90);
        for (int i = 0; i < n; i++) {
            b.append("  <actors xsi:type=\"pinscope:CpuAccess\" name=\"cpu").append(i).append("\" vaddr=\"").append(start)
                    .append("\" write=\"false\" repeat=\"1\"/>\n");
        }
        return insertActor(b.toString().strip());
    }

    private String duplicateFirst(String open, String close) {
        int i = source.indexOf(open);
        int j = source.indexOf(close, i) + close.length();
        String element = source.substring(i, j);
        return source.substring(0, j) + "\n  " + element + source.substring(j);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * Writes the corpus to a folder, for a run over the product's launcher:
     * {@code java -cp … dev.pinscope.testsupport.HostileCorpus EXAMPLE.pinscope OUT_DIR [--heavy]}.
     */
    public static void main(String[] args) throws IOException {
        String example = Files.readString(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        boolean heavy = Arrays.asList(args).contains("--heavy");
        StringBuilder index = new StringBuilder();
        for (Case c : new HostileCorpus(example, "http://127.0.0.1:9/", 20261201L).cases(40)) {
            if (c.heavy() && !heavy) {
                continue;
            }
            c.write(out);
            index.append(c.fileName()).append('\t').append(c.verdict()).append('\t').append(c.mention() == null ? "" : c.mention()).append('\n');
        }
        Files.writeString(out.resolve("index.tsv"), index.toString());
    }
}
