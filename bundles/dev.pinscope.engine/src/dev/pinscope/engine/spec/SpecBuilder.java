package dev.pinscope.engine.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Fluent builder for {@link ScenarioSpec}, used by tests and the benchmark where no EMF model is at hand.
 * {@link #vfioBar(long)} sets up the usual §10 stage: one device, BAR0 1 GiB-aligned, mmapped RW shared.
 */
public final class SpecBuilder {
    public static final long GiB = 1L << 30;
    public static final long MiB = 1L << 20;
    public static final long KiB = 1L << 10;
    /** Default BAR0 physical address (1 GiB aligned, PFN 0x38000000). */
    public static final long BAR_PA = 0x380_0000_0000L;
    /** Default virtual address of the BAR mmap (1 GiB aligned). */
    public static final long BAR_VA = 0x7f00_0000_0000L;

    private String name = "scenario";
    private String description = "";
    private Policy policy = Policy.PATCH_V1;
    private int maxRetries = 0;
    private long maxSteps = 100_000;
    private KernelSpec kernel = KernelSpec.defaults();
    private final List<VmaSpec> vmas = new ArrayList<>();
    private final List<EntrySpec> entries = new ArrayList<>();
    private final List<DeviceSpec> devices = new ArrayList<>();
    private final List<ActorSpec> actors = new ArrayList<>();
    private List<ScheduleStepSpec> schedule;
    private final List<ExpectationSpec> expectations = new ArrayList<>();

    /** One vfio device with a BAR0 of the given size mapped RW shared at {@link #BAR_VA}. */
    public static SpecBuilder vfioBar(long size) {
        SpecBuilder b = new SpecBuilder();
        int dev = b.device("0000:01:00.0", true, PowerState.D0, false, List.of(new BarSpec(0, BAR_PA, size)));
        b.vma("bar0", BAR_VA, BAR_VA + size, VmFlags.VFIO_BAR_RW, dev, 0, 0, FaultBehavior.VFIO_PCI);
        return b;
    }

    // the scenario's scalars: each setter is one assignment, made through with() so that it returns the builder
    public SpecBuilder name(String n) { return with(() -> name = n); }

    public SpecBuilder description(String d) { return with(() -> description = d); }

    public SpecBuilder policy(Policy p) { return with(() -> policy = p); }

    public SpecBuilder maxRetries(int n) { return with(() -> maxRetries = n); }

    public SpecBuilder maxSteps(long n) { return with(() -> maxSteps = n); }

    public SpecBuilder kernel(KernelSpec k) { return with(() -> kernel = k); }

    private SpecBuilder with(Runnable assignment) {
        assignment.run();
        return this;
    }

    public KernelSpec kernel() {
        return kernel;
    }

    public int device(String devName, boolean memoryEnabled, PowerState ps, boolean noCommandMemory,
            List<BarSpec> bars) {
        devices.add(new DeviceSpec(devName, memoryEnabled, ps, noCommandMemory, false, bars));
        return devices.size() - 1;
    }

    /** Replace device d's state (e.g. memory disabled at start). */
    public SpecBuilder deviceState(int d, boolean memoryEnabled, PowerState ps, boolean pmRuntimeEngaged) {
        DeviceSpec o = devices.get(d);
        devices.set(d, new DeviceSpec(o.name(), memoryEnabled, ps, o.noCommandMemory(), pmRuntimeEngaged, o.bars()));
        return this;
    }

    public int vma(String vmaName, long start, long end, int flags, int device, int bar, long pgoff,
            FaultBehavior fb) {
        vmas.add(new VmaSpec(vmaName, start, end, flags, device, bar, pgoff, fb));
        return vmas.size() - 1;
    }

    /** Change VMA v's flags or fault behaviour. */
    public SpecBuilder vmaFlags(int v, int flags) {
        return replaceVma(v, flags, vmas.get(v).faultBehavior());
    }

    public SpecBuilder faultBehavior(int v, FaultBehavior fb) {
        return replaceVma(v, vmas.get(v).flags(), fb);
    }

    private SpecBuilder replaceVma(int v, int flags, FaultBehavior fb) {
        VmaSpec o = vmas.get(v);
        vmas.set(v, new VmaSpec(o.name(), o.start(), o.end(), flags, o.device(), o.bar(), o.pgoff(), fb));
        return this;
    }

    public SpecBuilder entry(long vaddr, Level level, long pfn, boolean writable) {
        entries.add(new EntrySpec(vaddr, level, pfn, writable, true));
        return this;
    }

    public int pinner(String n, long vaddr, long size, boolean write) {
        return actor(new ActorSpec.Pinner(n, vaddr, size, write));
    }

    public int zapper(String n, int device, ZapTrigger t, int repeat) {
        return actor(new ActorSpec.Zapper(n, device, t, repeat));
    }

    public int walker(String n, int vma, int repeat) {
        return actor(new ActorSpec.Walker(n, vma, repeat));
    }

    public int cpu(String n, long vaddr, boolean write, int repeat) {
        return actor(new ActorSpec.CpuAccess(n, vaddr, write, repeat));
    }

    public int signal(String n, int target) {
        return actor(new ActorSpec.SignalSender(n, target));
    }

    public int unmapper(String n, int vma) {
        return actor(new ActorSpec.Unmapper(n, vma));
    }

    public int actor(ActorSpec a) {
        actors.add(a);
        return actors.size() - 1;
    }

    /** Append a scripted step: run the actor {@code count} steps. */
    public SpecBuilder step(int actor, int count) {
        return addStep(new ScheduleStepSpec(actor, count, null, false));
    }

    /** Append a scripted step: run the actor until it is about to execute {@code label}. */
    public SpecBuilder until(int actor, String label) {
        return addStep(new ScheduleStepSpec(actor, -1, label, false));
    }

    public SpecBuilder addStep(ScheduleStepSpec s) {
        if (schedule == null) {
            schedule = new ArrayList<>();
        }
        schedule.add(s);
        return this;
    }

    public SpecBuilder expect(Policy p, boolean all, Long pinnedPages, boolean livelock, boolean violation,
            Errno... results) {
        expectations.add(new ExpectationSpec(p, all, errnos(results), pinnedPages, livelock, violation, -1));
        return this;
    }

    /** An ALL_SCHEDULES expectation that also checks whether the only pinner can starve. */
    public SpecBuilder expectStarvation(Policy p, boolean starvation, boolean livelock, Errno... results) {
        expectations.add(new ExpectationSpec(p, true, errnos(results), null, livelock, false, -1, starvation));
        return this;
    }

    private static EnumSet<Errno> errnos(Errno... results) {
        EnumSet<Errno> set = EnumSet.noneOf(Errno.class);
        set.addAll(List.of(results));
        return set;
    }

    public ScenarioSpec build() {
        return new ScenarioSpec(name, description, policy, maxRetries, maxSteps, kernel, vmas, entries, devices,
                actors, schedule, expectations);
    }
}
