package dev.pinscope.releng.bench;

import static dev.pinscope.model.scenario.Errno.EBUSY;
import static dev.pinscope.model.scenario.Errno.EFAULT;
import static dev.pinscope.model.scenario.Errno.EINTR;
import static dev.pinscope.model.scenario.Errno.EINVAL;
import static dev.pinscope.model.scenario.Errno.OK;
import static dev.pinscope.model.scenario.ExpectationScope.ALL_SCHEDULES;
import static dev.pinscope.model.scenario.ExpectationScope.THIS_SCHEDULE;
import static dev.pinscope.model.scenario.RetryPolicy.BOUNDED;
import static dev.pinscope.model.scenario.RetryPolicy.GUP_STYLE;
import static dev.pinscope.model.scenario.RetryPolicy.PATCH_V1;
import static dev.pinscope.model.scenario.RetryPolicy.PRE_PATCH;
import static dev.pinscope.model.scenario.ZapTrigger.BAR_SIZING;
import static dev.pinscope.model.scenario.ZapTrigger.COMMAND_MEMORY_DISABLE;
import static dev.pinscope.model.scenario.ZapTrigger.DEVICE_RESET;
import static dev.pinscope.model.scenario.ZapTrigger.LOW_POWER_ENTRY;
import static dev.pinscope.model.units.Sizes.GiB;
import static dev.pinscope.model.units.Sizes.KiB;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;

import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.FaultBehavior;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ThpMode;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.ZapTrigger;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * Authoring tool: writes the example scenarios of KERNEL-MODEL.md section 10 into
 * bundles/dev.pinscope.model/examples (and index.txt). The .pinscope files are what ships; edit
 * them or this class, and keep expectations exactly as section 10 states them.
 */
public final class ExampleWriter {

    static final long PFN_BAR0 = 0x38_0000_0000L;   // BAR0 physical address: pfn 0x3800000
    static final long VA = 0x7f00_0000_0000L;       // where QEMU mmapped BAR0
    static final String DEV = "0000:01:00.0";
    static final long PUD_PAGES = 262144;           // one 1 GiB PUD leaf = 262144 PFNs

    /** A GPU-like device: 4 GiB BAR0 at 0x3800000000, 1 GiB of it mmapped at 0x7f0000000000. */
    static ScenarioBuilder base(String name, String description) {
        return ScenarioBuilder.named(name).description(description).policy(PATCH_V1).maxRetries(3)
                .device(DEV).bar(0, PFN_BAR0, GiB(4))
                .barVma("bar0", VA, GiB(1), 0, 0);
    }

    /** Section 10's four policy columns, in the order its tables list them. */
    static final List<RetryPolicy> COLUMNS = List.of(PRE_PATCH, PATCH_V1, BOUNDED, GUP_STYLE);

    /** The THIS_SCHEDULE result of each section-10 column; an OK also states how many pages it pinned. */
    static ScenarioBuilder thisSchedule(ScenarioBuilder b, long okPages, Errno... perColumn) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            b.expect(COLUMNS.get(i), THIS_SCHEDULE, perColumn[i]);
            if (perColumn[i] == OK && okPages > 0) {
                b.pinnedPages(okPages);
            }
        }
        return b;
    }

    /**
     * The ALL_SCHEDULES results of the rows where the three retrying policies reach the same set: what
     * pre-patch can return, then what each retrying policy can return.
     */
    static ScenarioBuilder allSchedules(ScenarioBuilder b, List<Errno> prePatch, Errno... retrying) {
        b.expect(PRE_PATCH, ALL_SCHEDULES, prePatch.toArray(Errno[]::new));
        for (RetryPolicy p : COLUMNS.subList(1, COLUMNS.size())) {
            b.expect(p, ALL_SCHEDULES, retrying);
        }
        return b;
    }

    /** The race of most rows: the pinner runs up to the listing line {@code label}, the racer runs out, the pinner finishes. */
    static ScenarioBuilder racerAt(ScenarioBuilder b, String label, String racer) {
        return b.stepUntil("qemu", label).step(racer, -1).step("qemu", -1);
    }

    /** Rows 6 to 9 and 13: one vfio zap of the device ({@code trigger}) lands in window W1 of a pin of {@code pinSize}. */
    static ScenarioBuilder zapInW1(String zapper, ZapTrigger trigger, long pinSize, ScenarioBuilder b) {
        return racerAt(b.pinner("qemu", VA, pinSize).zapper(zapper, DEV, trigger, 1), "F2_READ", zapper);
    }

    /** Rows 3 to 5: the pinner reaches F2's read, a numa_maps walker ({@code repeat} walks) splits the PUD leaf in W1. */
    static ScenarioBuilder splitInW1(int repeat, ScenarioBuilder b) {
        return b.pinner("qemu", VA, GiB(1)).walker("numa_maps", "bar0", repeat)
                .stepUntil("qemu", "F2_READ").stepUntil("numa_maps", "SPLIT").step("numa_maps", 1);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path dir = root.resolve("bundles/dev.pinscope.model/examples");
        Files.createDirectories(dir);
        Map<String, Scenario> examples = new LinkedHashMap<>();

        // 1 -------------------------------------------------------------------------------------------
        ScenarioBuilder b = base("P alone", """
                Row 1: a VFIO_IOMMU_MAP_DMA of a 1 GiB vfio-pci BAR mmap with nobody racing. GUP refuses the VM_PFNMAP VMA \
                (-EFAULT from check_vma_flags), vaddr_get_pfns() falls back to follow_fault_pfn(): F1 finds the PUD slot none (E5), \
                fixup_user_fault() -> vfio_pci_mmap_huge_fault() installs a 1 GiB PUD leaf, F2 finds it. Every policy pins all \
                262144 PFNs in one vaddr_get_pfns() call.""")
                .pinner("qemu", VA, GiB(1)).step("qemu", -1);
        thisSchedule(b, PUD_PAGES, OK, OK, OK, OK);
        allSchedules(b, List.of(OK), OK);
        examples.put("01-alone", b.build());

        // 2 -------------------------------------------------------------------------------------------
        b = base("numa_maps split in window W1", """
                Row 2, the reported bug: while QEMU pins the BAR, a /proc/pid/numa_maps reader walks the VMA and split_huge_pud() \
                clears the freshly faulted PUD leaf in window W1 (after FIX-fault inserted it, before F2 takes the PUD lock). \
                Before the patch F2 fails with -EINVAL and MAP_DMA unwinds ('dma_map FAILED ... [Errno 22]'); with the v1 retry \
                the next fault reinstalls the leaf and F2 succeeds.""")
                .pinner("qemu", VA, GiB(1)).walker("numa_maps", "bar0", 1);
        racerAt(b, "F2_READ", "numa_maps");
        thisSchedule(b, PUD_PAGES, EINVAL, OK, OK, OK);
        allSchedules(b, List.of(OK, EINVAL), OK);
        examples.put("02-numa-maps-split-w1", b.build());

        // 3 -------------------------------------------------------------------------------------------
        b = splitInW1(2, base("Walker storm hits W1 twice (k=2)", """
                Row 3 with k=2: a numa_maps reader in a loop (after the pagewalk fix 9b25a6e3d243 it re-splits a refaulted PUD) \
                hits window W1 twice, then stops. Pre-patch fails at the first hit with -EINVAL; v1 and GUP-style succeed after \
                two retries; BOUNDED with N=1 sees a second F2 failure > N and returns -EBUSY. Optional steps let the same \
                schedule serve PRE_PATCH, which returns at the first hit.""")
                .maxRetries(1))
                .optionalStep("qemu", 1).optionalStepUntil("qemu", "F2_READ")
                .step("numa_maps", -1).optionalStep("qemu", -1);
        thisSchedule(b, PUD_PAGES, EINVAL, OK, EBUSY, OK);
        examples.put("03-storm-k2", b.build());

        // 4 -------------------------------------------------------------------------------------------
        b = splitInW1(-1, base("Adversarial zapper always hits W1", """
                Row 4: a numa_maps reader that never stops and splits the PUD leaf in every W1 (theoretical lockstep livelock). \
                Pre-patch fails with -EINVAL at the first hit; v1 never returns unless signalled (busy; soft-lockup/RCU-stall \
                warnings possible without preemption); BOUNDED returns -EBUSY after N+1 F2 failures; GUP-style also never returns \
                but yields the CPU each iteration. Reachable results include OK whenever the walker misses the window.""")
                .maxRetries(2));
        b.expect(PRE_PATCH, THIS_SCHEDULE, EINVAL);
        b.expect(PRE_PATCH, ALL_SCHEDULES, OK, EINVAL)
                .expect(PATCH_V1, ALL_SCHEDULES, OK).livelock()
                .expect(BOUNDED, ALL_SCHEDULES, OK, EBUSY)
                .expect(GUP_STYLE, ALL_SCHEDULES, OK).livelock();
        examples.put("04-adversarial-livelock", b.build());

        // 5 -------------------------------------------------------------------------------------------
        b = splitInW1(-1, base("SIGKILL ends the retry loop", """
                Row 5: row 4 plus SIGKILL to QEMU mid-loop. After the first W1 hit the retrying policies loop back to LOOKUP and F1; \
                the signal arrives while the pinner is about to enter fixup_user_fault(), whose KILLABLE check returns -EINTR \
                (GUP-style would also catch it at its loop head). Pre-patch has already returned -EINVAL at the first hit.""")
                .maxRetries(3))
                .signal("kill", "qemu")
                .optionalStep("qemu", 1).optionalStepUntil("qemu", "FIXUP")
                .step("kill", -1).optionalStep("qemu", -1);
        thisSchedule(b, 0, EINVAL, EINTR, EINTR, EINTR);
        examples.put("05-sigkill-mid-loop", b.build());

        // 6 -------------------------------------------------------------------------------------------
        b = zapInW1("cmd-mem-off", COMMAND_MEMORY_DISABLE, GiB(1), base("Guest clears PCI_COMMAND.MEMORY in W1", """
                Row 6: the guest clears the MEMORY bit of PCI_COMMAND; vfio_basic_config_write() zaps all BAR mappings under \
                memory_lock held for write, in window W1, and memory stays disabled. Pre-patch: F2 -EINVAL. Retrying policies \
                refault, vfio_pci_vmf_insert_pfn() sees memory disabled and returns VM_FAULT_SIGBUS, so MAP_DMA fails with -EFAULT. \
                If the zap lands before the first fault, every policy returns -EFAULT."""));
        thisSchedule(b, 0, EINVAL, EFAULT, EFAULT, EFAULT);
        allSchedules(b, List.of(OK, EINVAL, EFAULT), OK, EFAULT);
        examples.put("06-command-memory-disable", b.build());

        // 7 -------------------------------------------------------------------------------------------
        b = zapInW1("bar-sizing", BAR_SIZING, GiB(1), base("BAR sizing in W1", """
                Row 7: the guest sizes a BAR: COMMAND.MEMORY=0 (zap, in window W1), write the BAR, MEMORY=1. memory_lock orders the \
                pinner's retry fault against the config writes: after MEMORY=1 the fault succeeds; a fault between MEMORY=0 and \
                MEMORY=1 gets SIGBUS and -EFAULT. Pre-patch fails at F2 with -EINVAL."""));
        thisSchedule(b, PUD_PAGES, EINVAL, OK, OK, OK);
        allSchedules(b, List.of(OK, EINVAL, EFAULT), OK, EFAULT);
        examples.put("07-bar-sizing", b.build());

        // 8 -------------------------------------------------------------------------------------------
        b = zapInW1("reset", DEVICE_RESET, GiB(1), base("VFIO_DEVICE_RESET in W1", """
                Row 8: VFIO_DEVICE_RESET zaps the BARs in window W1 and holds memory_lock for write across the reset; the pinner's \
                retry fault blocks in down_read(memory_lock) until the reset is done. vconfig is untouched and the device is back \
                in D0, so the refault succeeds. Pre-patch: -EINVAL."""));
        thisSchedule(b, PUD_PAGES, EINVAL, OK, OK, OK);
        allSchedules(b, List.of(OK, EINVAL), OK);
        examples.put("08-device-reset", b.build());

        // 9 -------------------------------------------------------------------------------------------
        b = zapInW1("low-power", LOW_POWER_ENTRY, GiB(1), base("Low-power entry in W1", """
                Row 9: VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY (or a PM_CTRL write to D3hot) zaps the BARs in window W1 and sets \
                pm_runtime_engaged; the retry fault gets VM_FAULT_SIGBUS, so the retrying policies return -EFAULT. \
                Pre-patch: -EINVAL."""));
        thisSchedule(b, 0, EINVAL, EFAULT, EFAULT, EFAULT);
        allSchedules(b, List.of(OK, EINVAL, EFAULT), OK, EFAULT);
        examples.put("09-low-power-entry", b.build());

        // 10 ------------------------------------------------------------------------------------------
        b = base("Stale PFN: zap in W0 before the follow_pfnmap fix", """
                Row 10 on a kernel without David Hildenbrand's ffef67b93aa3 (recheckUnderLock=false): the PUD leaf is present, F1 \
                reads it locklessly, the numa_maps walker clears it in window W0 before F1 takes the PUD lock, and F1 re-tests its \
                stale snapshot. The pin succeeds with a PFN whose CPU mapping is gone: a stale-PFN success under every policy.""")
                .kernel(k -> k.setRecheckUnderLock(false))
                .entry(PageLevel.PUD, VA)
                .pinner("qemu", VA, GiB(1)).walker("numa_maps", "bar0", 1);
        racerAt(b, "F1_LOCK", "numa_maps");
        thisSchedule(b, PUD_PAGES, OK, OK, OK, OK);
        examples.put("10-stale-pfn-w0-prefix", markViolations(b.build()));

        // 12 ------------------------------------------------------------------------------------------
        b = base("Write DMA to a read-only BAR mmap", """
                Row 12: QEMU maps the BAR PROT_READ but asks for a writable DMA mapping. fixup_user_fault() -> vma_permits_fault() \
                refuses the write fault, so every policy returns -EFAULT without looping: only an F2 lookup failure retries.""")
                .vmaState("bar0", v -> v.getFlags().remove(VmFlag.VM_WRITE))
                .pinner("qemu", VA, GiB(1), true).step("qemu", -1);
        thisSchedule(b, 0, EFAULT, EFAULT, EFAULT, EFAULT);
        allSchedules(b, List.of(EFAULT), EFAULT);
        examples.put("12-write-to-readonly-bar", b.build());

        // 13 ------------------------------------------------------------------------------------------
        b = zapInW1("reset", DEVICE_RESET, KiB(16), base("4K-only mapping, reset hits one page's W1", """
                Row 13, small: with THP=never vfio-pci maps the BAR with 4 KiB PTEs only, so each vaddr_get_pfns() call returns \
                one PFN and takes its own mmap lock: a race window on every page (262144 per GiB). Here a 16 KiB pin and one \
                VFIO_DEVICE_RESET that lands in the first page's W1. The numa_maps walker does not split PTEs, so only vfio zaps \
                matter. Pre-patch: -EINVAL; the retrying policies refault after the reset and pin all 4 pages.""")
                .kernel(k -> k.setThpMode(ThpMode.NEVER)));
        thisSchedule(b, 4, EINVAL, OK, OK, OK);
        allSchedules(b, List.of(OK, EINVAL), OK);
        examples.put("13-4k-only-small", b.build());

        // 14 ------------------------------------------------------------------------------------------
        b = ScenarioBuilder.named("munmap between vaddr_get_pfns() calls")
                .description("""
                Row 14: munmap() of the BAR needs mmap_lock for write, so it can only run between two \
                vaddr_get_pfns() calls. The pin covers two 1 GiB PUD leaves; after the first call drops the lock, \
                munmap removes the VMA; the next call's GUP fails, vma_lookup() finds nothing and MAP_DMA fails with \
                -EFAULT under every policy.""")
                .policy(PATCH_V1).maxRetries(3)
                .device(DEV).bar(0, PFN_BAR0, GiB(4))
                .barVma("bar0", VA, GiB(2), 0, 0)
                .pinner("qemu", VA, GiB(2))
                .unmapper("munmap", "bar0")
                .stepUntil("qemu", "P_UNLOCK").step("qemu", 1).step("munmap", -1).step("qemu", -1);
        thisSchedule(b, 0, EFAULT, EFAULT, EFAULT, EFAULT);
        allSchedules(b, List.of(OK, EFAULT), OK, EFAULT);
        examples.put("14-munmap-between-calls", b.build());

        // 15 ------------------------------------------------------------------------------------------
        b = ScenarioBuilder.named("Fault that installs nothing")
                .description("""
                Row 15: a (buggy or non-vfio) VM_PFNMAP provider whose fault handler returns success (NOPAGE) without \
                installing an entry, so F2 fails deterministically with no race at all. Pre-patch: -EINVAL. v1 loops \
                forever until a fatal signal ends it with -EINTR in fixup_user_fault() (Alex Williamson's objection); \
                BOUNDED with N=1 returns -EBUSY at the second F2 failure; GUP-style yields but also needs the signal.""")
                .policy(PATCH_V1).maxRetries(1)
                .vma("gpu-bo", VA, GiB(1), VmFlag.VM_READ, VmFlag.VM_WRITE, VmFlag.VM_SHARED, VmFlag.VM_MAYWRITE,
                        VmFlag.VM_IO, VmFlag.VM_PFNMAP, VmFlag.VM_DONTEXPAND, VmFlag.VM_DONTDUMP)
                .vmaState("gpu-bo", v -> v.setFaultBehavior(FaultBehavior.NO_INSTALL))
                .pinner("qemu", VA, GiB(1))
                .signal("kill", "qemu")
                .stepUntil("qemu", "F2_READ").step("qemu", 1)
                .optionalStepUntil("qemu", "F2_READ").optionalStep("qemu", 1).optionalStepUntil("qemu", "FIXUP")
                .step("kill", -1).optionalStep("qemu", -1);
        thisSchedule(b, 0, EINVAL, EINTR, EBUSY, EINTR);
        b.expect(PRE_PATCH, ALL_SCHEDULES, EINVAL, EINTR).expect(BOUNDED, ALL_SCHEDULES, EBUSY, EINTR);
        examples.put("15-fault-without-install", b.build());

        List<String> index = new ArrayList<>();
        index.add("# Example scenarios (KERNEL-MODEL.md section 10), in menu order: file | title");
        for (var e : examples.entrySet()) {
            Diagnostic d = ScenarioValidator.validate(e.getValue());
            if (d.getSeverity() >= Diagnostic.ERROR) {
                d.getChildren().forEach(c -> System.err.println(e.getKey() + ": " + c.getMessage()));
                throw new IllegalStateException("example " + e.getKey() + " is invalid");
            }
            Path file = dir.resolve(e.getKey() + ".pinscope");
            SaveResult r = Scenarios.save(e.getValue(), file);
            if (!r.ok()) {
                throw new IllegalStateException(r.message());
            }
            index.add(file.getFileName() + " | " + e.getValue().getName());
        }
        Files.write(dir.resolve("index.txt"), index);
        System.out.println("wrote " + examples.size() + " examples to " + dir);
    }

    /** Row 10: the stale-PFN success is the point, so every expectation also expects the violation. */
    private static Scenario markViolations(Scenario s) {
        s.getExpectations().forEach(e -> e.setViolation(true));
        return s;
    }
}
