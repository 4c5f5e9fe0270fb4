package dev.pinscope.spin.tests;

import static dev.pinscope.engine.spec.Policy.BOUNDED;
import static dev.pinscope.engine.spec.Policy.ENOENT;
import static dev.pinscope.engine.spec.Policy.GUP_STYLE;
import static dev.pinscope.engine.spec.Policy.GUP_STYLE_DROP_LOCK;
import static dev.pinscope.engine.spec.Policy.PATCH_V1;
import static dev.pinscope.engine.spec.Policy.PRE_PATCH;
import static dev.pinscope.engine.spec.SpecBuilder.BAR_VA;
import static dev.pinscope.engine.spec.SpecBuilder.GiB;
import static dev.pinscope.engine.spec.SpecBuilder.MiB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.engine.spec.FaultBehavior;
import dev.pinscope.engine.spec.KernelSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.PowerState;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.engine.spec.SpecBuilder;
import dev.pinscope.engine.spec.ThpMode;
import dev.pinscope.engine.spec.VmFlags;
import dev.pinscope.engine.spec.ZapTrigger;
import dev.pinscope.spin.SpinComparison;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated scenarios over every actor kind (walker, each zapper trigger, CPU access, signal, munmap), every leaf
 * level (PUD, PMD, PTE), both follow_pfnmap_start() shapes, the other fault handlers, page-backed memory and two
 * pinners; together they use all six policies. For each, SPIN's verdict equals the engine's.
 */
class GeneratedScenariosSpinTest {
    @TempDir
    static Path dir;

    record Case(String name, ScenarioSpec spec, List<Policy> policies) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final KernelSpec PMD = KernelSpec.defaults().withPfnmap(false, true);
    private static final KernelSpec PTE = KernelSpec.defaults().withThp(ThpMode.NEVER);

    private static Case c(String name, long pin, KernelSpec k, Consumer<SpecBuilder> actors, Policy... ps) {
        SpecBuilder b = SpecBuilder.vfioBar(GiB).name(name).kernel(k).maxRetries(1);
        b.pinner("qemu", BAR_VA, pin, true);
        actors.accept(b);
        return new Case(name, b.build(), List.of(ps));
    }

    static Stream<Case> cases() {
        return Stream.of(
                c("walker x1, PUD", GiB, KernelSpec.defaults(), b -> b.walker("numa_maps", 0, 1), PRE_PATCH, PATCH_V1),
                c("walker x2, PUD", GiB, KernelSpec.defaults(), b -> b.walker("numa_maps", 0, 2), BOUNDED, ENOENT),
                c("walker forever + SIGKILL, PUD", GiB, KernelSpec.defaults(), b -> {
                    b.walker("numa_maps", 0, -1);
                    b.signal("kill", 0);
                }, PATCH_V1, GUP_STYLE_DROP_LOCK),
                c("walker x1, PMD (walker only splits PUDs)", 4 * MiB, PMD, b -> b.walker("smaps", 0, 1), PRE_PATCH),
                c("COMMAND MEMORY=0, PUD", GiB, KernelSpec.defaults(),
                        b -> b.zapper("cmd", 0, ZapTrigger.COMMAND_MEMORY_DISABLE, 1), PATCH_V1, GUP_STYLE),
                c("COMMAND MEMORY=1 on a disabled device, PUD", GiB, KernelSpec.defaults(), b -> {
                    b.deviceState(0, false, PowerState.D0, false);
                    b.zapper("cmd_en", 0, ZapTrigger.COMMAND_MEMORY_ENABLE, 1);
                }, PRE_PATCH, BOUNDED),
                c("BAR sizing, PMD", 2 * MiB, PMD, b -> b.zapper("sizing", 0, ZapTrigger.BAR_SIZING, 1), PATCH_V1, ENOENT),
                c("device reset, PTE x2", 8192, PTE, b -> b.zapper("reset", 0, ZapTrigger.DEVICE_RESET, 1),
                        PRE_PATCH, GUP_STYLE),
                c("hot reset + CPU access, PUD", GiB, KernelSpec.defaults(), b -> {
                    b.zapper("hot", 0, ZapTrigger.HOT_RESET, 1);
                    b.cpu("vcpu", BAR_VA + 4096, false, 1);
                }, PATCH_V1, GUP_STYLE_DROP_LOCK),
                c("low-power entry, PUD", GiB, KernelSpec.defaults(),
                        b -> b.zapper("lpm", 0, ZapTrigger.LOW_POWER_ENTRY, 1), BOUNDED, ENOENT),
                c("PM_CTRL D3hot, PMD", 2 * MiB, PMD, b -> b.zapper("d3", 0, ZapTrigger.D3HOT, 1), PRE_PATCH, PATCH_V1),
                c("reset forever + SIGKILL, PUD", GiB, KernelSpec.defaults(), b -> {
                    b.zapper("reset", 0, ZapTrigger.DEVICE_RESET, -1);
                    b.signal("kill", 0);
                }, BOUNDED, GUP_STYLE),
                c("CPU x2 + walker, PUD", GiB, KernelSpec.defaults(), b -> {
                    b.cpu("vcpu", BAR_VA, true, 2);
                    b.walker("numa_maps", 0, 1);
                }, GUP_STYLE, ENOENT),
                c("CPU forever + reset, PTE", 4096, PTE, b -> {
                    b.cpu("vcpu", BAR_VA, false, -1);
                    b.zapper("reset", 0, ZapTrigger.DEVICE_RESET, 1);
                }, PATCH_V1, GUP_STYLE_DROP_LOCK),
                c("munmap + walker, PUD", GiB, KernelSpec.defaults(), b -> {
                    b.unmapper("munmap", 0);
                    b.walker("numa_maps", 0, 1);
                }, PRE_PATCH, GUP_STYLE_DROP_LOCK),
                c("munmap between two PMD calls", 4 * MiB, PMD, b -> b.unmapper("munmap", 0), PATCH_V1, BOUNDED),
                c("no recheck under lock + walker, PUD (stale PFN)", GiB, KernelSpec.defaults().withRecheck(false),
                        b -> b.walker("numa_maps", 0, 1), PRE_PATCH, GUP_STYLE),
                c("no recheck under lock + reset, PMD", 2 * MiB, PMD.withRecheck(false),
                        b -> b.zapper("reset", 0, ZapTrigger.DEVICE_RESET, 1), PATCH_V1, ENOENT),
                c("fault drops mmap_lock + walker forever + SIGKILL", GiB, KernelSpec.defaults(), b -> {
                    b.faultBehavior(0, FaultBehavior.DROPS_LOCK);
                    b.walker("numa_maps", 0, -1);
                    b.signal("kill", 0);
                }, PRE_PATCH, BOUNDED),
                c("fault without install + SIGKILL", GiB, KernelSpec.defaults(), b -> {
                    b.faultBehavior(0, FaultBehavior.NO_INSTALL);
                    b.signal("kill", 0);
                }, GUP_STYLE, GUP_STYLE_DROP_LOCK),
                c("write pin of a read-only BAR + walker", GiB, KernelSpec.defaults(), b -> {
                    b.vmaFlags(0, VmFlags.VFIO_BAR_RW & ~VmFlags.VM_WRITE);
                    b.walker("numa_maps", 0, 1);
                }, PATCH_V1),
                c("disable_hugepages, PTE x2 + reset", 8192, PTE.withDisableHugepages(true),
                        b -> b.zapper("reset", 0, ZapTrigger.DEVICE_RESET, 1), BOUNDED, GUP_STYLE),
                c("two pinners + walker forever + SIGKILL to the second", GiB, KernelSpec.defaults(), b -> {
                    b.pinner("kvm", BAR_VA, GiB, false);
                    b.walker("numa_maps", 0, -1);
                    b.signal("kill", 1);
                }, PATCH_V1),
                pageBacked());
    }

    /** A range that starts in ordinary memory (GUP pins it) and continues into the BAR (the PFNMAP path). */
    private static Case pageBacked() {
        SpecBuilder b = SpecBuilder.vfioBar(GiB).name("page-backed then BAR, PTE + reset").kernel(PTE);
        b.vma("ram", BAR_VA - 8192, BAR_VA, VmFlags.VM_READ | VmFlags.VM_WRITE, -1, -1, 0, FaultBehavior.VFIO_PCI);
        b.pinner("qemu", BAR_VA - 8192, 12288, true);
        b.zapper("reset", 0, ZapTrigger.DEVICE_RESET, 1);
        return new Case("page-backed then BAR, PTE + reset", b.build(), List.of(PRE_PATCH, PATCH_V1));
    }

    @BeforeAll
    static void tools() {
        SpinTestSupport.requireTools();
    }

    @Test
    void theCasesCoverWhatTheIssueAsks() {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 20, "at least 20 generated scenarios");
        Set<Policy> ps = EnumSet.noneOf(Policy.class);
        all.forEach(c -> ps.addAll(c.policies()));
        assertEquals(EnumSet.allOf(Policy.class), ps, "all six policies");
        Set<ZapTrigger> zs = EnumSet.noneOf(ZapTrigger.class);
        all.forEach(c -> c.spec().actors().forEach(a -> {
            if (a instanceof dev.pinscope.engine.spec.ActorSpec.Zapper z) {
                zs.add(z.trigger());
            }
        }));
        assertEquals(EnumSet.allOf(ZapTrigger.class), zs, "every zapper kind");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void spinAgreesWithTheEngine(Case c) throws Exception {
        List<SpinComparison.Row> rows = SpinTestSupport.compare(c.spec(), c.policies(), dir);
        assertTrue(rows.size() >= c.policies().size());
        SpinTestSupport.assertAgreement(c.spec(), rows);
    }
}
