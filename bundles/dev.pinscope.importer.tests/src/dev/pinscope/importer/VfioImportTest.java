package dev.pinscope.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.ExplorationReport;
import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.RunResult;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.FaultBehavior;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * A QEMU's smaps with a vfio-pci device's BARs mmapped (through a cdev and through the group API's
 * anonymous inode) and that device's sysfs resource file, both written from the documented formats,
 * round-tripped: import → save → load → validate → run → explore.
 */
class VfioImportTest {

    static final Instant WHEN = Instant.parse("2026-12-01T10:30:00Z");

    static ImportPlan qemuPlan() throws ImportException {
        Smaps smaps = Smaps.parse(SmapsFormatTest.fixture("qemu-vfio.smaps"), "qemu-vfio.smaps");
        PciResource dev = PciResource.parse("0000:01:00.0", SmapsFormatTest.fixture("0000-01-00.0.resource"),
                "/sys/bus/pci/devices/0000:01:00.0/resource");
        return ImportPlan.propose(smaps, List.of(dev),
                new ImportPlan.Provenance("testhost", OptionalLong.of(4242), "qemu-system-x86", "/proc/4242/smaps", WHEN));
    }

    @Test
    void theProposalPreselectsTheBarMmapsAndPinsTheFirst() throws ImportException {
        ImportPlan plan = qemuPlan();
        List<ImportPlan.Row> bars = plan.rows().stream().filter(ImportPlan.Row::mapsBar).toList();
        assertEquals(2, bars.size());
        assertEquals("0000:01:00.0", bars.get(0).device());
        assertEquals(2, bars.get(0).bar());
        assertEquals(0, bars.get(1).bar());
        assertEquals("PUD 1G leaves possible", plan.leafHint(bars.get(0)), "1G-aligned VMA over a 1G-aligned BAR");
        assertEquals("PTE 4K leaves only", plan.leafHint(bars.get(1)), "pgoff 1: the PFNs are 4K off every 2M boundary");
        assertEquals(0x7f3b_0000_0000L, plan.pinStart());
        assertEquals(1L << 30, plan.pinSize());
        ImportPlan.Row vsyscall = plan.rows().get(plan.rows().size() - 1);
        assertTrue(vsyscall.skipReason().startsWith("above TASK_SIZE"), vsyscall.skipReason());
        assertEquals(false, vsyscall.include());
    }

    @Test
    void importedScenarioValidatesRunsAndExplores(@TempDir Path dir) throws ImportException {
        ScenarioImporter.ImportResult r = ScenarioImporter.build(qemuPlan());
        Path file = dir.resolve("qemu.pinscope");
        assertTrue(Scenarios.save(r.scenario(), file).ok());
        LoadResult loaded = Scenarios.load(file);
        assertTrue(loaded.ok(), loaded.firstProblem());
        Scenario s = loaded.scenario();

        Diagnostic d = ScenarioValidator.validate(s);
        assertTrue(d.getSeverity() < Diagnostic.ERROR, () -> d.getChildren().toString());
        assertEquals(11, s.getAddressSpace().getVmas().size(), "every VMA but [vsyscall]");

        Vma bar2 = s.getAddressSpace().getVmas().stream().filter(v -> v.getStart() == 0x7f3b_0000_0000L).findFirst().orElseThrow();
        assertEquals("0000:01:00.0 BAR2", bar2.getName());
        assertEquals(2, bar2.getBar().getIndex());
        assertEquals(0x38_0000_0000L, bar2.getBar().getPhysicalAddress());
        assertEquals(0, bar2.getPgoff());
        assertEquals(Set.of(VmFlag.VM_READ, VmFlag.VM_WRITE, VmFlag.VM_SHARED, VmFlag.VM_MAYWRITE, VmFlag.VM_IO, VmFlag.VM_PFNMAP,
                VmFlag.VM_DONTEXPAND, VmFlag.VM_DONTDUMP), Set.copyOf(bar2.getFlags()));
        Vma bar0 = s.getAddressSpace().getVmas().stream().filter(v -> v.getStart() == 0x7f3b_4000_0000L).findFirst().orElseThrow();
        assertEquals(0, bar0.getBar().getIndex());
        assertEquals(1, bar0.getPgoff());
        Vma vvar = s.getAddressSpace().getVmas().stream().filter(v -> "[vvar]".equals(v.getName())).findFirst().orElseThrow();
        assertNull(vvar.getBar());
        assertEquals(FaultBehavior.NO_INSTALL, vvar.getFaultBehavior());
        assertEquals(List.of(0, 2), s.getDevices().get(0).getBars().stream().map(b -> b.getIndex()).toList(),
                "the memory BARs; the I/O BAR 4 and the 256-byte BAR 5 cannot be mmapped");

        Pinner p = (Pinner) s.getActors().get(0);
        assertEquals(0x7f3b_0000_0000L, p.getVaddr());
        assertEquals(1L << 30, p.getSize());

        assertTrue(s.getDescription().startsWith("Imported from /proc/4242/smaps (pid 4242, qemu-system-x86) on host testhost "
                + "at 2026-12-01T10:30:00Z"), s.getDescription());
        assertTrue(s.getDescription().contains("qemu-system-x86_64#2 [0x55d4c8c00000-0x55d4c9400000): ex mr me dw sd"),
                s.getDescription());
        assertTrue(s.getDescription().contains("[heap]: 2M in PMD leaves (AnonHugePages)"), s.getDescription());
        assertTrue(r.warnings().contains("VmFlags 'ex' (executable) on 2 VMAs is not in the model; kept as a note in the description"),
                r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("[vsyscall] [0xffffffffff600000-0xffffffffff601000) is above")),
                r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("0000:01:00.0 BAR 4 (I/O ports) is not memory")), r.warnings().toString());

        CompileResult cr = Simulation.compile(s, SimulationOptions.defaults());
        assertTrue(cr.ok(), cr.errors().toString());
        Simulation sim = cr.orThrow();
        RunResult run = sim.newRun().runWith(Scheduler.roundRobin(), sim.maxSteps());
        assertEquals(RunResult.Status.COMPLETED, run.status(), run.message());
        assertEquals(Errno.OK, run.first().result());
        assertEquals(262_144, run.first().pinnedPages(), "the whole 1G BAR mmap pinned");

        ExplorationReport x = sim.explore(ExploreOptions.defaults(), null);
        assertTrue(x.complete(), x.partialReason());
        assertEquals(Set.of(Errno.OK), x.resultsOf(ScenarioImporter.PINNER));
    }

    @Test
    void aBarMmapNoDeviceHoldsStaysAPlainPfnmapVma() throws ImportException {
        Smaps smaps = Smaps.parse(SmapsFormatTest.fixture("qemu-vfio.smaps"), "qemu-vfio.smaps");
        ImportPlan plan = ImportPlan.propose(smaps, List.of(), ImportPlan.Provenance.ofFile("qemu-vfio.smaps"));
        assertTrue(plan.rows().stream().noneMatch(ImportPlan.Row::mapsBar));
        ScenarioImporter.ImportResult r = ScenarioImporter.build(plan);
        assertEquals("qemu-vfio", r.scenario().getName());
        assertTrue(r.scenario().getActors().isEmpty(), "no BAR mmap to pin");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("is a vfio BAR 2 mmap but no device given holds it")),
                r.warnings().toString());
        assertTrue(ScenarioValidator.validate(r.scenario()).getSeverity() < Diagnostic.ERROR);
    }
}
