package dev.pinscope.cli.tests;

import static dev.pinscope.cli.tests.CliTest.assertOneLineError;
import static dev.pinscope.cli.tests.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;

/** {@code pinscope import}: from a saved vfio QEMU smaps plus sysfs resource, and from a live process. */
class ImportCliTest {
    @TempDir
    Path tmp;

    /** A QEMU with BAR 2 (2M, 64-bit prefetchable) of 0000:03:00.0 mmapped through the vfio cdev, as smaps shows it. */
    static final String SMAPS = """
            55d4c8a00000-55d4c8c00000 r-xp 00000000 fd:01 1312345                    /usr/bin/qemu-system-x86_64
            Size:               2048 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            Rss:                1024 kB
            VmFlags: rd ex mr mw me dw
            7f3b00200000-7f3b00400000 rw-s 20000000000 00:06 873                     /dev/vfio/devices/vfio0
            Size:               2048 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            Rss:                   0 kB
            VmFlags: rd wr sh mr mw me ms io pf de dd
            7ffd1a000000-7ffd1a021000 rw-p 00000000 00:00 0                          [stack]
            Size:                132 kB
            KernelPageSize:        4 kB
            MMUPageSize:           4 kB
            VmFlags: rd wr mr mw me gd ac
            """;

    static final String RESOURCE = """
            0x00000000fe000000 0x00000000fe0fffff 0x0000000000040200
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000002000000000 0x00000020001fffff 0x000000000014220c
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            0x0000000000000000 0x0000000000000000 0x0000000000000000
            """;

    @Test
    void importedVfioScenarioValidatesRunsAndExplores() throws Exception {
        Path smaps = Files.writeString(tmp.resolve("qemu.smaps"), SMAPS);
        Path res = Files.writeString(tmp.resolve("resource"), RESOURCE);
        Path out = tmp.resolve("qemu.pinscope");
        CliTest.Out r = cli("import", "--smaps", smaps.toString(), "--pci", "0000:03:00.0=" + res, "-o", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith(out + ": 3 VMAs (1 BAR mmaps), 1 devices from " + smaps
                + "; pinner over 2M at 0x7f3b00200000"), r.out());
        assertTrue(r.out().contains("  warning: VmFlags 'ex' (executable) on 1 VMA is not in the model"), r.out());

        LoadResult lr = Scenarios.load(out);
        assertTrue(lr.ok(), lr.firstProblem());
        Vma bar = lr.scenario().getAddressSpace().getVmas().get(1);
        assertEquals(2, bar.getBar().getIndex());
        assertEquals("0000:03:00.0", ((dev.pinscope.model.scenario.Device) bar.getBar().eContainer()).getName());
        assertEquals(0x7f3b_0020_0000L, ((Pinner) lr.scenario().getActors().get(0)).getVaddr());

        assertEquals(0, cli("validate", out.toString()).code());
        CliTest.Out run = cli("run", out.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("pinner       OK  (512 pages pinned)"), run.out());
        CliTest.Out explore = cli("explore", out.toString());
        assertEquals(0, explore.code(), explore.out() + explore.err());
        assertTrue(explore.out().contains("complete"), explore.out());
    }

    /** --numa-maps: the walker is offered only where it would split something, and says why not otherwise. */
    @Test
    void numaMapsOffersTheWalkerOrSaysWhyNot() throws Exception {
        Path smaps = Files.writeString(tmp.resolve("qemu.smaps"), SMAPS);
        Path res = Files.writeString(tmp.resolve("resource"), RESOURCE);
        Path numa = Files.writeString(tmp.resolve("qemu.numa_maps"),
                "55d4c8a00000 default file=/usr/bin/qemu-system-x86_64 mapped=256 N0=256 kernelpagesize_kB=4\n"
                        + "7f3b00200000 default file=/dev/vfio/devices/vfio0\n");
        Path out = tmp.resolve("qemu.pinscope");
        CliTest.Out r = cli("import", "--smaps", smaps.toString(), "--pci", "0000:03:00.0=" + res, "--numa-maps", numa.toString(),
                "-o", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  numa_maps: no walker: " + numa + " line 2 lists 0000:03:00.0 BAR2, but vfio-pci installs "
                + "no PUD leaf there (PMD 2M leaves possible) and a numa_maps walk splits only PUD leaves\n"), r.out());
        assertEquals(1, Scenarios.load(out).scenario().getActors().size(), "the pinner only");

        CliTest.Out noValue = cli("import", "--smaps", smaps.toString(), "--numa-maps", "-o", out.toString());
        assertOneLineError(noValue);
        assertTrue(noValue.err().contains("--smaps is a file here, so give the saved numa_maps: --numa-maps FILE"), noValue.err());
        CliTest.Out bad = cli("import", "--smaps", smaps.toString(), "--numa-maps", smaps.toString(), "-o", tmp.resolve("x.pinscope").toString());
        assertOneLineError(bad);
        assertTrue(bad.err().contains(smaps + ":1: '55d4c8a00000-55d4c8c00000 r-xp"), bad.err());
        assertFalse(Files.exists(tmp.resolve("x.pinscope")), "nothing written");
    }

    @Test
    void aLineThatDoesNotParseWritesNothing() throws Exception {
        Path smaps = Files.writeString(tmp.resolve("bug.smaps"), SMAPS.replace("Rss:                   0 kB", "Rss 0"));
        Path out = tmp.resolve("bug.pinscope");
        CliTest.Out r = cli("import", "--smaps", smaps.toString(), "-o", out.toString());
        assertOneLineError(r);
        assertEquals("pinscope: " + smaps + ":11: cannot parse 'Rss 0': expected a maps line or a 'Field: value' line",
                r.err().strip());
        assertFalse(Files.exists(out), "nothing written");

        Files.writeString(out, "keep me");
        assertOneLineError(cli("import", "--smaps", smaps.toString(), "-o", out.toString()));
        assertEquals("keep me", Files.readString(out), "an existing file is left as it was");

        Path res = Files.writeString(tmp.resolve("resource"), "0xfe000000 0xfe0fffff\n");
        CliTest.Out badRes = cli("import", "--smaps", tmp.resolve("bug.smaps").toString(), "--pci", "0000:03:00.0=" + res);
        assertOneLineError(badRes);
        assertTrue(badRes.err().contains(res + ":1: cannot parse '0xfe000000 0xfe0fffff'"), badRes.err());
    }

    @Test
    void aLiveProcessAndOneThatIsGone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        try {
            Path maps = Path.of("/proc", Long.toString(sleep.pid()), "maps");
            Path out = tmp.resolve("sleep.pinscope");
            for (int attempt = 0; attempt < 20; attempt++) {
                String before = Files.readString(maps);
                CliTest.Out r = cli("import", "--smaps", Long.toString(sleep.pid()), "-o", out.toString());
                assertEquals(0, r.code(), r.out() + r.err());
                if (before.equals(Files.readString(maps))) { // the dynamic loader may still be mapping
                    long listed = before.lines().filter(l -> !l.contains("[vsyscall]")).count();
                    LoadResult lr = Scenarios.load(out);
                    assertEquals(listed, lr.scenario().getAddressSpace().getVmas().size(), r.out());
                    assertTrue(lr.scenario().getDescription().contains("(pid " + sleep.pid() + ", sleep)"));
                    break;
                }
                assertTrue(attempt < 19, "sleep kept changing its mappings");
                Thread.sleep(50);
            }
        } finally {
            sleep.destroy();
        }
        Process done = new ProcessBuilder("true").start();
        assertTrue(done.waitFor(30, TimeUnit.SECONDS));
        CliTest.Out gone = cli("import", "--smaps", Long.toString(done.pid()), "-o", tmp.resolve("gone.pinscope").toString());
        assertOneLineError(gone);
        assertEquals("pinscope: process " + done.pid() + " does not exist (it has exited, or the pid is wrong)", gone.err().strip());
        assertFalse(Files.exists(tmp.resolve("gone.pinscope")));

        CliTest.Out help = cli("import", "--help");
        assertEquals(0, help.code(), help.err());
        for (String o : java.util.List.of("--smaps", "--pci", "--pin", "--no-pin", "--numa-maps", "--output")) {
            assertTrue(help.out().contains(o), o + " in\n" + help.out());
        }
        assertTrue(cli("--help").out().lines().anyMatch(l -> l.strip().startsWith("import ")), "listed at the top level");
        assertOneLineError(cli("import"));
        assertOneLineError(cli("import", "--smaps", tmp.resolve("missing.smaps").toString()));
    }
}
