package dev.pinscope.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;

import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * numa_maps (proc.rst's format, the fixture written from it for the QEMU of {@link VfioImportTest}):
 * parsed, and used to offer the walker of the reported bug over the pinned BAR mmap. The imported
 * scenario with that walker shows the bug: -EINVAL before the patch, success with it.
 */
class NumaMapsTest {

    static NumaMaps qemuNuma() throws ImportException {
        return NumaMaps.parse(SmapsFormatTest.fixture("qemu-vfio.numa_maps"), "/proc/4242/numa_maps");
    }

    @Test
    void linesAreParsedByStart() throws ImportException {
        NumaMaps n = qemuNuma();
        assertEquals(10, n.lines().size());
        NumaMaps.Line bar2 = n.vmaAt(0x7f3b_0000_0000L).orElseThrow();
        assertEquals(5, bar2.line());
        assertEquals("default", bar2.policy());
        assertEquals(List.of("file=/dev/vfio/devices/vfio0"), bar2.words());
        assertEquals("bind:0", n.vmaAt(0x7f3a_0000_0000L).orElseThrow().policy());
        assertTrue(n.vmaAt(0x7f3b_0000_1000L).isEmpty());
    }

    @Test
    void badLinesNameTheLine() {
        ImportException e = assertThrows(ImportException.class,
                () -> NumaMaps.parse("7f3b00000000 default\n0x7f3b40000000 default\n", "saved.numa_maps"));
        assertEquals("saved.numa_maps:2: '0x7f3b40000000 default' is not a numa_maps line (START POLICY [key=value]..., "
                + "START in hex)", e.getMessage());
        assertEquals(2, e.line());
        ImportException order = assertThrows(ImportException.class,
                () -> NumaMaps.parse("7f3b40000000 default\n7f3b00000000 default\n", "saved.numa_maps"));
        assertTrue(order.getMessage().startsWith("saved.numa_maps:2: '7f3b00000000 default' starts at or before"), order.getMessage());
        assertTrue(order.outOfOrder());
        ImportException empty = assertThrows(ImportException.class, () -> NumaMaps.parse("\n", "x"));
        assertEquals("x: no VMAs (an empty file, or not /proc/PID/numa_maps)", empty.getMessage());
    }

    @Test
    void aWalkerIsOfferedOverAPinnedBarMmapWithPudLeaves() throws Exception {
        ImportPlan plan = VfioImportTest.qemuPlan();
        String note = plan.suggestWalker(qemuNuma());
        assertEquals("walker added: a numa_maps reader over 0000:01:00.0 BAR2 (/proc/4242/numa_maps line 5 lists it; its walk "
                + "splits the PUD leaves the pinner faults in)", note);
        assertEquals(0x7f3b_0000_0000L, plan.walker().vma().maps().start());

        ScenarioImporter.ImportResult r = ScenarioImporter.build(plan);
        Scenario s = r.scenario();
        Diagnostic d = ScenarioValidator.validate(s);
        assertTrue(d.getSeverity() < Diagnostic.ERROR, () -> d.getChildren().toString());
        PageTableWalker w = (PageTableWalker) s.getActors().stream().filter(a -> a.getName().equals(ScenarioImporter.WALKER))
                .findFirst().orElseThrow();
        assertEquals("0000:01:00.0 BAR2", w.getVma().getName());
        assertEquals(1, w.getRepeat());
        assertTrue(s.getDescription().contains("\nnuma_maps: " + note + "."), s.getDescription());

        // the reported bug, from the machine's own layout: the walk's split fails the whole map before the patch
        Set<Errno> before = explore(s, Policy.PRE_PATCH);
        assertTrue(before.contains(Errno.EINVAL), before.toString());
        assertEquals(Set.of(Errno.OK), explore(s, Policy.PATCH_V1));
    }

    @Test
    void noWalkerWhereItWouldSplitNothing() throws Exception {
        ImportPlan plan = VfioImportTest.qemuPlan();
        plan.setPinner(0x7f3b_4000_0000L, 0x10_0000L); // BAR0 at pgoff 1: only 4K leaves
        assertEquals("no walker: /proc/4242/numa_maps line 6 lists 0000:01:00.0 BAR0, but vfio-pci installs no PUD leaf there "
                + "(PTE 4K leaves only) and a numa_maps walk splits only PUD leaves", plan.suggestWalker(qemuNuma()));
        assertNull(plan.walker());
        assertTrue(ScenarioImporter.build(plan).scenario().getActors().stream().noneMatch(a -> a instanceof PageTableWalker));

        ImportPlan unlisted = VfioImportTest.qemuPlan();
        assertEquals("no walker: n.numa_maps does not list 0000:01:00.0 BAR2, so a numa_maps reader does not walk it",
                unlisted.suggestWalker(NumaMaps.parse("55d4c8a00000 default\n", "n.numa_maps")));
        assertNull(unlisted.walker());

        ImportPlan noPin = VfioImportTest.qemuPlan();
        noPin.setPinner(0, 0);
        assertTrue(noPin.suggestWalker(qemuNuma()).startsWith("no walker: the pinner pins no BAR mmap"));
    }

    /** This JVM's own numa_maps (where the kernel has one): every VMA it lists is one maps lists. */
    @Test
    void thisProcessNumaMapsListsItsMaps() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path maps = Path.of("/proc/self/maps");
        if (!Files.exists(Path.of("/proc/self/numa_maps"))) {
            ImportException e = assertThrows(ImportException.class, () -> new ProcFs().readNumaMaps(pid));
            assertTrue(e.getMessage().contains("without CONFIG_NUMA"), e.getMessage());
            return;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            String before = LiveProcTest.read(maps);
            NumaMaps numa;
            try {
                numa = new ProcFs().readNumaMaps(pid);
            } catch (ImportException e) {
                if (!e.outOfOrder()) {
                    throw e;
                }
                continue;
            }
            if (!before.equals(LiveProcTest.read(maps))) {
                continue;
            }
            Set<Long> starts = new HashSet<>();
            LiveProcTest.listed(before).forEach(l -> starts.add(l.start()));
            for (NumaMaps.Line l : numa.lines()) {
                assertTrue(starts.contains(l.start()), "numa_maps line " + l.line() + " at " + Long.toHexString(l.start())
                        + " is no VMA of maps");
            }
            assertTrue(numa.lines().size() >= starts.size() - 2, "numa_maps lists the VMAs (all but the gate ones)");
            return;
        }
        fail("this JVM kept changing its mappings through 20 tries");
    }

    private static Set<Errno> explore(Scenario s, Policy p) {
        Simulation sim = Simulation.compile(s, SimulationOptions.defaults().withPolicy(p)).orThrow();
        ExplorationReport x = sim.explore(ExploreOptions.defaults(), null);
        assertTrue(x.complete(), x.partialReason());
        return x.resultsOf(ScenarioImporter.PINNER);
    }
}
