package dev.pinscope.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pinscope.model.scenario.VmFlag;

/** The maps/smaps and sysfs resource formats as Documentation/filesystems/proc.rst and pci-sysfs.c write them. */
class SmapsFormatTest {

    static String fixture(String name) {
        try (InputStream in = SmapsFormatTest.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void smapsAsProcRstShowsIt() throws ImportException {
        Smaps s = Smaps.parse(fixture("proc-rst.smaps"), "proc-rst.smaps");
        assertEquals(4, s.vmas().size());

        SmapsVma bash = s.vmas().get(0);
        assertEquals(1, bash.line());
        assertEquals(new MapsLine(0x400000L, 0x4f4000L, "r-xp", 0, "03:02", 13130, "/bin/bash"), bash.maps());
        assertEquals(Set.of(VmFlag.VM_READ, VmFlag.VM_MAYWRITE), bash.modelFlags());
        assertEquals(List.of("ex", "mr", "me", "dw"), bash.unmodelledCodes());
        assertEquals(892L, bash.kb("Rss").getAsLong());
        assertEquals(List.of(), bash.hugeLeafHints());

        SmapsVma locale = s.vmas().get(1);
        assertEquals(27, locale.line());
        assertTrue(locale.modelFlags().contains(VmFlag.VM_HUGEPAGE), "hg sets VM_HUGEPAGE");
        assertEquals(List.of("4M in PMD leaves (FilePmdMapped)"), locale.hugeLeafHints());
        assertEquals("0", locale.other().get("ProtectionKey"));

        SmapsVma huge = s.vmas().get(2);
        assertEquals(Set.of(VmFlag.VM_READ, VmFlag.VM_WRITE, VmFlag.VM_SHARED, VmFlag.VM_MAYWRITE, VmFlag.VM_DONTEXPAND),
                huge.modelFlags());
        assertEquals(List.of("hugetlb 2M pages"), huge.hugeLeafHints());
        assertEquals(List.of("zz"), huge.unknownCodes(), "a code proc.rst does not list is kept, as unknown");

        assertTrue(s.ignoredFields().containsAll(Set.of("Rss", "Pss", "THPeligible", "ProtectionKey", "Swap")));
        assertFalse(s.ignoredFields().contains("FilePmdMapped"));
        assertFalse(s.ignoredFields().contains("Size"));
    }

    @Test
    void mapsFileGivesRangesAndPermsWithoutVmFlags() throws ImportException {
        Smaps s = Smaps.parse(fixture("proc-rst.maps"), "proc-rst.maps");
        assertEquals(16, s.vmas().size());
        SmapsVma anon = s.vmas().get(8);
        assertEquals("", anon.maps().path());
        assertFalse(anon.hasVmFlags());
        assertEquals(Set.of(VmFlag.VM_READ, VmFlag.VM_WRITE), anon.modelFlags());
        assertEquals("[anon:jemalloc arena]", s.vmas().get(12).maps().path(), "a path keeps its spaces");
        assertEquals("/SYSV00000000 (deleted)", s.vmas().get(11).maps().path());
        assertEquals(Set.of(VmFlag.VM_READ, VmFlag.VM_WRITE, VmFlag.VM_SHARED), s.vmas().get(11).modelFlags(),
                "without VmFlags, 's' (VM_MAYSHARE) stands in for VM_SHARED");
        assertEquals(0xffffffffff600000L, s.vmas().get(15).maps().start());
    }

    @Test
    void vfioOffsetEncodesTheRegionInBits40AndUp() throws ImportException {
        Smaps s = Smaps.parse(fixture("qemu-vfio.smaps"), "qemu-vfio.smaps");
        List<SmapsVma> bars = s.vfioBars();
        assertEquals(2, bars.size(), "the cdev and the anon-inode mmap, not [vvar] (io pf but no vfio path)");
        assertEquals("/dev/vfio/devices/vfio0", bars.get(0).maps().path());
        assertEquals(2, bars.get(0).vfioRegionIndex());
        assertEquals(0, bars.get(0).vfioPgoff());
        assertEquals(SmapsVma.VFIO_ANON_INODE, bars.get(1).maps().path());
        assertEquals(0, bars.get(1).vfioRegionIndex());
        assertEquals(1, bars.get(1).vfioPgoff());
    }

    @Test
    void aLineThatDoesNotParseIsNamedWithItsNumber() {
        String text = fixture("proc-rst.smaps").replace("Locked:                0 kB\nTHPeligible:           1",
                "Locked:                0 kB\nthis is not smaps");
        ImportException e = assertThrows(ImportException.class, () -> Smaps.parse(text, "bug.smaps"));
        assertEquals(36, e.line());
        assertEquals("bug.smaps:36: cannot parse 'this is not smaps': expected a maps line or a 'Field: value' line",
                e.getMessage());

        ImportException first = assertThrows(ImportException.class, () -> Smaps.parse("Size: 4 kB\n", "x"));
        assertTrue(first.getMessage().startsWith("x:1: cannot parse 'Size: 4 kB': expected a maps line"), first.getMessage());

        ImportException order = assertThrows(ImportException.class,
                () -> Smaps.parse("7f0000002000-7f0000003000 rw-p 00000000 00:00 0\n7f0000001000-7f0000004000 rw-p 00000000 00:00 0\n", "y"));
        assertEquals(2, order.line());
        assertTrue(order.getMessage().contains("overlaps"), order.getMessage());

        ImportException size = assertThrows(ImportException.class,
                () -> Smaps.parse("7f0000002000-7f0000003000 rw-p 00000000 00:00 0\nSize: 8 kB\n", "z"));
        assertTrue(size.getMessage().startsWith("z:2: 'Size: 8 kB' does not match the 4 kB of the mapping on line 1"),
                size.getMessage());

        ImportException code = assertThrows(ImportException.class,
                () -> Smaps.parse("7f0000002000-7f0000003000 rw-p 00000000 00:00 0\nVmFlags: rd wrx\n", "w"));
        assertTrue(code.getMessage().contains("'wrx' is not a two-letter VmFlags code"), code.getMessage());

        assertThrows(ImportException.class, () -> Smaps.parse("\n\n", "empty"));
        assertThrows(ImportException.class, () -> Smaps.parse("7f0000003000-7f0000002000 rw-p 00000000 00:00 0\n", "backwards"));
        assertThrows(ImportException.class, () -> Smaps.parse("7f0000002000-7f0000002800 rw-p 00000000 00:00 0\n", "unaligned"));
    }

    @Test
    void sysfsResourceFile() throws ImportException {
        PciResource r = PciResource.parse("0000:01:00.0", fixture("0000-01-00.0.resource"), "resource");
        assertEquals(List.of(0, 2, 4, 5), r.regions().stream().map(PciResource.Region::index).toList(),
                "BARs 0-5 that are present; the ROM (line 7) and the upper half of the 64-bit BAR 2 are not BARs");
        PciResource.Region bar2 = r.region(2).orElseThrow();
        assertEquals(0x38_0000_0000L, bar2.start());
        assertEquals(1L << 30, bar2.size());
        assertEquals("64-bit prefetchable memory", bar2.kind());
        assertEquals(16L << 20, r.region(0).orElseThrow().size());
        assertEquals("I/O ports", r.region(4).orElseThrow().kind());

        ImportException bad = assertThrows(ImportException.class,
                () -> PciResource.parse("0000:01:00.0", "0x0 0x0 0x0\n0xfb000000 0xfbffffff\n", "res"));
        assertEquals("res:2: cannot parse '0xfb000000 0xfbffffff': expected 'start end flags' as three 0x hex numbers",
                bad.getMessage());
        assertThrows(ImportException.class, () -> PciResource.parse("01:00.0", "0x0 0x0 0x0\n", "res"));
    }
}
