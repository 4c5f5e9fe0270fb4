package dev.pinscope.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI device's sysfs {@code resource} file ({@code /sys/bus/pci/devices/BDF/resource}, written by
 * {@code resource_show()} in drivers/pci/pci-sysfs.c): one line per resource, {@code start end flags}
 * as {@code 0x%016llx}; line i is resource i, so lines 0-5 are the BARs and line 6 the expansion ROM.
 * An unused resource is all zeros.
 *
 * @param bdf     the device's PCI address {@code dddd:bb:dd.f}
 * @param source  where it was read from, for messages
 * @param regions the BARs 0-5 that are present (non-zero), in index order
 */
public record PciResource(String bdf, String source, List<Region> regions) {

    /** IORESOURCE_IO / IORESOURCE_MEM / IORESOURCE_PREFETCH / IORESOURCE_MEM_64 (include/linux/ioport.h). */
    public static final long IORESOURCE_IO = 0x100, IORESOURCE_MEM = 0x200, IORESOURCE_PREFETCH = 0x2000,
            IORESOURCE_MEM_64 = 0x100000;

    public static final Pattern BDF = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]");

    private static final Pattern LINE = Pattern.compile("0x([0-9a-fA-F]{1,16}) 0x([0-9a-fA-F]{1,16}) 0x([0-9a-fA-F]{1,16})");

    /** One BAR: [start, end] inclusive as sysfs prints it. */
    public record Region(int index, long start, long end, long flags) {
        public long size() {
            return end - start + 1;
        }

        public boolean memory() {
            return (flags & IORESOURCE_MEM) != 0;
        }

        public boolean prefetchable() {
            return (flags & IORESOURCE_PREFETCH) != 0;
        }

        /** The kind as lspci would say it: {@code 64-bit prefetchable memory}, {@code I/O ports}. */
        public String kind() {
            if (!memory()) {
                return (flags & IORESOURCE_IO) != 0 ? "I/O ports" : "flags " + Long.toHexString(flags);
            }
            return ((flags & IORESOURCE_MEM_64) != 0 ? "64-bit " : "32-bit ") + (prefetchable() ? "prefetchable " : "")
                    + "memory";
        }
    }

    public Optional<Region> region(int index) {
        return regions.stream().filter(r -> r.index() == index).findFirst();
    }

    /** Reads {@code /sys/bus/pci/devices/BDF/resource}. */
    public static PciResource ofSysfs(String bdf) throws ImportException {
        return read(bdf, Path.of("/sys/bus/pci/devices", bdf, "resource"));
    }

    public static PciResource read(String bdf, Path file) throws ImportException {
        return parse(bdf, SavedText.read(file, "PCI resource"), file.toString());
    }

    /**
     * @throws ImportException for a bad PCI address, or the first line that is not three hex numbers
     *                         (naming the line), or a range that ends before it starts
     */
    public static PciResource parse(String bdf, String text, String source) throws ImportException {
        if (!BDF.matcher(bdf).matches()) {
            throw new ImportException("'" + bdf + "' is not a PCI address; write domain:bus:device.function such as 0000:01:00.0");
        }
        List<Region> regions = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() && i == lines.length - 1) {
                break; // the final newline
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                throw new ImportException(source + ":" + (i + 1) + ": cannot parse '" + ImportException.excerpt(lines[i])
                        + "': expected 'start end flags' as three 0x hex numbers", i + 1);
            }
            long start = Long.parseUnsignedLong(m.group(1), 16);
            long end = Long.parseUnsignedLong(m.group(2), 16);
            long flags = Long.parseUnsignedLong(m.group(3), 16);
            count++;
            if (start == 0 && end == 0) {
                continue; // unused, or the upper half of a 64-bit BAR
            }
            if (Long.compareUnsigned(end, start) < 0) {
                throw new ImportException(source + ":" + (i + 1) + ": '" + ImportException.excerpt(lines[i])
                        + "': the range ends before it starts", i + 1);
            }
            if (i <= SmapsVma.VFIO_PCI_BAR5_REGION_INDEX) {
                regions.add(new Region(i, start, end, flags));
            }
        }
        if (count == 0) {
            throw new ImportException(source + ": empty; a PCI resource file has a 'start end flags' line per resource");
        }
        return new PciResource(bdf.toLowerCase(java.util.Locale.ROOT), source, List.copyOf(regions));
    }
}
