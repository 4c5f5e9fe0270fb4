package dev.pinscope.model.tests;

import static dev.pinscope.model.units.Sizes.GiB;

import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.ZapTrigger;

/** A valid scenario using every kind of element, which tests then break one rule at a time. */
final class Fixtures {

    static final long VA = 0x7f00_0000_0000L;
    static final long BAR_PHYS = 0x38_0000_0000L;
    static final long BAR_PFN = BAR_PHYS >>> 12;
    static final long ANON = 0x1000_0000L;

    private Fixtures() {
    }

    static Scenario valid() {
        return ScenarioBuilder.named("base").description("fixture").maxRetries(3)
                .device("0000:01:00.0").bar(0, BAR_PHYS, GiB(4))
                .barVma("bar0", VA, GiB(1), 0, 0)
                .vma("anon", ANON, 0x10_0000L, VmFlag.VM_READ, VmFlag.VM_WRITE)
                .entry(PageLevel.PUD, VA)
                .pinner("qemu", VA, GiB(1))
                .zapper("reset", "0000:01:00.0", ZapTrigger.DEVICE_RESET, 1)
                .walker("numa_maps", "bar0", 1)
                .cpuAccess("vcpu0", VA, true, 1)
                .signal("kill", "qemu")
                .unmapper("munmap", "bar0")
                .stepUntil("qemu", "F2_READ").step("numa_maps", -1).optionalStep("qemu", -1)
                .expect(RetryPolicy.PRE_PATCH, ExpectationScope.THIS_SCHEDULE, Errno.EINVAL)
                .expect(RetryPolicy.BOUNDED, ExpectationScope.ALL_SCHEDULES, Errno.OK, Errno.EBUSY)
                .build();
    }
}
