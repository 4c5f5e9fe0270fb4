package dev.pinscope.model.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.KernelConfig;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.model.scenario.Schedule;
import dev.pinscope.model.scenario.ScheduleStep;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.ZapTrigger;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Sizes;

/**
 * Fluent construction of scenarios for tests, the engine and generated examples:
 *
 * <pre>{@code
 * Scenario s = ScenarioBuilder.named("w1-split")
 *     .device("0000:01:00.0").bar(0, 0x38_0000_0000L, GiB(4))
 *     .barVma("bar0", 0x7f00_0000_0000L, GiB(1), 0, 0)
 *     .pinner("qemu", 0x7f00_0000_0000L, GiB(1))
 *     .walker("numa_maps", "bar0", 1)
 *     .stepUntil("qemu", "F2_READ").step("numa_maps", -1).step("qemu", -1)
 *     .expect(RetryPolicy.PRE_PATCH, ExpectationScope.THIS_SCHEDULE, Errno.EINVAL)
 *     .build();
 * }</pre>
 *
 * Actors, VMAs and devices are referred to by name; names are resolved in {@link #build()}, which
 * throws {@link IllegalStateException} for a name that does not exist (a programming error in the
 * caller). The built scenario is not validated: call
 * {@link dev.pinscope.model.validation.ScenarioValidator#validate} for that.
 */
public final class ScenarioBuilder {

    /** The vm_flags vfio_pci_core_mmap() leaves on a PROT_READ|PROT_WRITE, MAP_SHARED BAR mmap. */
    public static final List<VmFlag> VFIO_BAR_FLAGS = List.of(VmFlag.VM_READ, VmFlag.VM_WRITE, VmFlag.VM_SHARED,
            VmFlag.VM_MAYWRITE, VmFlag.VM_IO, VmFlag.VM_PFNMAP, VmFlag.VM_DONTEXPAND, VmFlag.VM_DONTDUMP);

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    private final Scenario scenario;
    private Device currentDevice;
    private Actor currentActor;
    private Expectation currentExpectation;
    private final Map<String, Vma> vmas = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final List<Runnable> resolvers = new ArrayList<>();

    private ScenarioBuilder(String name) {
        scenario = F.createScenario();
        scenario.setName(name);
        scenario.setKernel(F.createKernelConfig());
        scenario.setAddressSpace(F.createAddressSpace());
    }

    public static ScenarioBuilder named(String name) {
        return new ScenarioBuilder(name);
    }

    public ScenarioBuilder description(String text) {
        scenario.setDescription(text);
        return this;
    }

    public ScenarioBuilder policy(RetryPolicy policy) {
        scenario.setPolicy(policy);
        return this;
    }

    public ScenarioBuilder maxRetries(int n) {
        scenario.setMaxRetries(n);
        return this;
    }

    public ScenarioBuilder maxSteps(long n) {
        scenario.setMaxSteps(n);
        return this;
    }

    /** Adjusts the kernel configuration, e.g. {@code .kernel(k -> k.setRecheckUnderLock(false))}. */
    public ScenarioBuilder kernel(Consumer<KernelConfig> change) {
        change.accept(scenario.getKernel());
        return this;
    }

    /** Adds a device named by its PCI address; following {@link #bar} calls add BARs to it. */
    public ScenarioBuilder device(String pciAddress) {
        currentDevice = F.createDevice();
        currentDevice.setName(pciAddress);
        scenario.getDevices().add(currentDevice);
        devices.put(pciAddress, currentDevice);
        return this;
    }

    /** Adjusts the last added device, e.g. {@code .deviceState(d -> d.setMemoryEnabled(false))}. */
    public ScenarioBuilder deviceState(Consumer<Device> change) {
        change.accept(requireDevice());
        return this;
    }

    public ScenarioBuilder bar(int index, long physicalAddress, long size) {
        Bar bar = F.createBar();
        bar.setIndex(index);
        bar.setPhysicalAddress(physicalAddress);
        bar.setSize(size);
        requireDevice().getBars().add(bar);
        return this;
    }

    /** A plain VMA (no BAR) with the given flags, e.g. anonymous memory or another PFNMAP provider. */
    public ScenarioBuilder vma(String name, long start, long size, VmFlag... flags) {
        Vma v = F.createVma();
        v.setName(name);
        v.setStart(start);
        v.setEnd(start + size);
        v.getFlags().addAll(Arrays.asList(flags));
        scenario.getAddressSpace().getVmas().add(v);
        vmas.put(name, v);
        return this;
    }

    /**
     * A vfio-pci BAR mmap of the last added device: {@link #VFIO_BAR_FLAGS}, mapping BAR
     * {@code barIndex} from page offset {@code pgoff}.
     */
    public ScenarioBuilder barVma(String name, long start, long size, int barIndex, long pgoff) {
        vma(name, start, size, VFIO_BAR_FLAGS.toArray(VmFlag[]::new));
        Vma v = vmas.get(name);
        v.setBar(requireBar(requireDevice(), barIndex));
        v.setPgoff(pgoff);
        return this;
    }

    /** Adjusts a VMA, e.g. {@code .vmaState("bar0", v -> v.getFlags().remove(VmFlag.VM_WRITE))}. */
    public ScenarioBuilder vmaState(String name, Consumer<Vma> change) {
        change.accept(requireVma(name));
        return this;
    }

    /** A present leaf whose PFN is derived from the VMA's BAR and pgoff, as vfio-pci would insert it. */
    public ScenarioBuilder entry(PageLevel level, long vaddr) {
        Vma v = scenario.getAddressSpace().getVmas().stream()
                .filter(x -> Long.compareUnsigned(x.getStart(), vaddr) <= 0 && Long.compareUnsigned(vaddr, x.getEnd()) < 0)
                .findFirst().orElseThrow(() -> new IllegalStateException("no VMA maps " + Long.toHexString(vaddr)));
        if (v.getBar() == null) {
            throw new IllegalStateException("VMA " + v.getName() + " maps no BAR; use entry(level, vaddr, pfn)");
        }
        long pfn = (v.getBar().getPhysicalAddress() >>> Sizes.PAGE_SHIFT) + v.getPgoff()
                + ((vaddr - v.getStart()) >>> Sizes.PAGE_SHIFT);
        return entry(level, vaddr, pfn);
    }

    public ScenarioBuilder entry(PageLevel level, long vaddr, long pfn) {
        PageTableEntry e = F.createPageTableEntry();
        e.setLevel(level);
        e.setVaddr(vaddr);
        e.setPfn(pfn);
        scenario.getAddressSpace().getEntries().add(e);
        return this;
    }

    public ScenarioBuilder pinner(String name, long vaddr, long size) {
        Pinner p = F.createPinner();
        p.setVaddr(vaddr);
        p.setSize(size);
        return actor(name, p);
    }

    public ScenarioBuilder pinner(String name, long vaddr, long size, boolean write) {
        pinner(name, vaddr, size);
        ((Pinner) currentActor).setWrite(write);
        return this;
    }

    public ScenarioBuilder zapper(String name, String devicePciAddress, ZapTrigger trigger, int repeat) {
        Zapper z = F.createZapper();
        z.setTrigger(trigger);
        z.setRepeat(repeat);
        resolvers.add(() -> z.setDevice(requireNamedDevice(devicePciAddress)));
        return actor(name, z);
    }

    public ScenarioBuilder walker(String name, String vmaName, int repeat) {
        PageTableWalker w = F.createPageTableWalker();
        w.setRepeat(repeat);
        resolvers.add(() -> w.setVma(requireVma(vmaName)));
        return actor(name, w);
    }

    public ScenarioBuilder cpuAccess(String name, long vaddr, boolean write, int repeat) {
        CpuAccess c = F.createCpuAccess();
        c.setVaddr(vaddr);
        c.setWrite(write);
        c.setRepeat(repeat);
        return actor(name, c);
    }

    public ScenarioBuilder signal(String name, String pinnerName) {
        SignalSender s = F.createSignalSender();
        resolvers.add(() -> s.setTarget((Pinner) requireActor(pinnerName, Pinner.class)));
        return actor(name, s);
    }

    public ScenarioBuilder unmapper(String name, String vmaName) {
        Unmapper u = F.createUnmapper();
        resolvers.add(() -> u.setVma(requireVma(vmaName)));
        return actor(name, u);
    }

    /** Runs {@code actorName} for {@code count} atomic steps (-1: until it finishes or blocks). */
    public ScenarioBuilder step(String actorName, int count) {
        ScheduleStep st = newStep(actorName);
        st.setCount(count);
        return this;
    }

    /** Runs {@code actorName} until it is about to execute the listing line labelled {@code label}. */
    public ScenarioBuilder stepUntil(String actorName, String label) {
        newStep(actorName).setUntil(label);
        return this;
    }

    /** As {@link #stepUntil}, skipped when the actor has already finished (e.g. PRE_PATCH returned early). */
    public ScenarioBuilder optionalStepUntil(String actorName, String label) {
        ScheduleStep st = newStep(actorName);
        st.setUntil(label);
        st.setOptional(true);
        return this;
    }

    /** As {@link #step}, skipped when the actor has already finished or is blocked. */
    public ScenarioBuilder optionalStep(String actorName, int count) {
        ScheduleStep st = newStep(actorName);
        st.setCount(count);
        st.setOptional(true);
        return this;
    }

    /** Expects {@code results} for {@code policy}; refine with {@link #livelock()}, {@link #violation()}, {@link #pinnedPages}. */
    public ScenarioBuilder expect(RetryPolicy policy, ExpectationScope scope, Errno... results) {
        Expectation e = F.createExpectation();
        e.setPolicy(policy);
        e.setScope(scope);
        e.getResults().addAll(Arrays.asList(results));
        scenario.getExpectations().add(e);
        currentExpectation = e;
        return this;
    }

    /** The last expectation also expects a reachable retry livelock. */
    public ScenarioBuilder livelock() {
        requireExpectation().setLivelock(true);
        return this;
    }

    /** The last expectation also expects a reachable stale-PFN success. */
    public ScenarioBuilder violation() {
        requireExpectation().setViolation(true);
        return this;
    }

    public ScenarioBuilder pinnedPages(long pages) {
        requireExpectation().setPinnedPages(pages);
        return this;
    }

    /** The last expectation is about the named pinner. */
    public ScenarioBuilder forPinner(String pinnerName) {
        Expectation e = requireExpectation();
        resolvers.add(() -> e.setActor((Pinner) requireActor(pinnerName, Pinner.class)));
        return this;
    }

    /** Resolves names and returns the scenario. The builder must not be used afterwards. */
    public Scenario build() {
        resolvers.forEach(Runnable::run);
        resolvers.clear();
        return scenario;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ScenarioBuilder actor(String name, Actor a) {
        a.setName(name);
        scenario.getActors().add(a);
        currentActor = a;
        return this;
    }

    private ScheduleStep newStep(String actorName) {
        if (scenario.getSchedule() == null) {
            Schedule schedule = F.createSchedule();
            scenario.setSchedule(schedule);
        }
        ScheduleStep st = F.createScheduleStep();
        scenario.getSchedule().getSteps().add(st);
        resolvers.add(() -> st.setActor(requireActor(actorName, Actor.class)));
        return st;
    }

    private Device requireDevice() {
        if (currentDevice == null) {
            throw new IllegalStateException("add a device(...) first");
        }
        return currentDevice;
    }

    private Device requireNamedDevice(String name) {
        Device d = devices.get(name);
        if (d == null) {
            throw new IllegalStateException("no device named " + name);
        }
        return d;
    }

    private static Bar requireBar(Device d, int index) {
        return d.getBars().stream().filter(b -> b.getIndex() == index).findFirst()
                .orElseThrow(() -> new IllegalStateException("device " + d.getName() + " has no BAR " + index));
    }

    private Vma requireVma(String name) {
        Vma v = vmas.get(name);
        if (v == null) {
            throw new IllegalStateException("no VMA named " + name);
        }
        return v;
    }

    private Actor requireActor(String name, Class<? extends Actor> type) {
        return scenario.getActors().stream().filter(a -> name.equals(a.getName()) && type.isInstance(a)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " named " + name));
    }

    private Expectation requireExpectation() {
        if (currentExpectation == null) {
            throw new IllegalStateException("add an expect(...) first");
        }
        return currentExpectation;
    }
}
