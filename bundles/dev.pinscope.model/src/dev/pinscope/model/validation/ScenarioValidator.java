package dev.pinscope.model.validation;

import static dev.pinscope.model.units.Hex.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreUtil;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.AddressSpace;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.KernelConfig;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.RetryPolicy;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.ScheduleStep;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Sizes;

/**
 * The scenario rules of DESIGN.md "Model (EMF)" and issue 3, as an EMF {@code EValidator}
 * registered for {@link ScenarioPackage} (the package registers it on initialisation), so
 * {@code Diagnostician.INSTANCE} applies them in the editor, the CLI and tests alike.
 *
 * <p>Every diagnostic is an ERROR whose data is {@code [element, ScenarioRule]} and whose message is
 * one sentence naming the element, the rule and a valid value. Address-space-wide rules (overlaps,
 * entries inside VMAs) run once per {@link AddressSpace} over sorted arrays, so a scenario with
 * 10,000 VMAs and 100,000 entries validates in well under a second.
 */
public class ScenarioValidator extends EObjectValidator {

    public static final ScenarioValidator INSTANCE = new ScenarioValidator();

    public static final String DIAGNOSTIC_SOURCE = "dev.pinscope.model";

    /** mmap_min_addr's usual value: nothing is mapped below it. */
    public static final long MMAP_MIN_ADDR = 0x10000L;
    /** TASK_SIZE_MAX on x86_64 with 4-level paging. */
    public static final long TASK_SIZE_4LEVEL = 0x00007ffffffff000L;
    /** TASK_SIZE_MAX on x86_64 with 5-level paging (LA57). */
    public static final long TASK_SIZE_5LEVEL = 0x00fffffffffff000L;

    /**
     * The most steps a scenario file may ask one run for. A run keeps its trace, so a file asking for
     * 2^63 steps would run and grow until memory is gone; a user who wants a longer run asks for it
     * on the command line ({@code pinscope run --max-steps N}), where it is deliberate.
     */
    public static final long MAX_STEPS_CAP = 10_000_000L;
    /** x86-64 MAXPHYADDR is at most 52 bits: no BAR lies at or above 2^52. */
    public static final long PHYS_ADDR_LIMIT = 1L << 52;

    private static final Pattern PCI_ADDRESS = Pattern.compile("[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[01][0-9a-fA-F]\\.[0-7]");
    private static final Object VMA_INDEX_KEY = new Object();

    /** Validates a scenario with every rule; the result's children are the individual problems. */
    public static Diagnostic validate(Scenario scenario) {
        return Diagnostician.INSTANCE.validate(scenario);
    }

    @Override
    public EPackage getEPackage() {
        return ScenarioPackage.eINSTANCE;
    }

    @Override
    public boolean validate(EClass eClass, EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
        // EMF's structural checks, except proxy/containment ones: REFERENCE_RESOLVED reports those in our words.
        boolean ok = validate_EveryMultiplicityConforms(object, diagnostics, context);
        ok &= validate_EveryDataValueConforms(object, diagnostics, context);
        Checker c = new Checker(diagnostics);
        checkReferences(object, c);
        switch (object) {
            case Scenario s -> checkScenario(s, c);
            case KernelConfig k -> checkKernel(k, c);
            case AddressSpace a -> checkAddressSpace(a, c, context);
            case Vma v -> checkVma(v, c);
            case PageTableEntry e -> checkEntry(e, c);
            case Device d -> checkDevice(d, c);
            case Bar b -> checkBar(b, c);
            case Pinner p -> checkPinner(p, c, context);
            case Zapper z -> checkZapper(z, c);
            case PageTableWalker w -> checkRepeat(w, w.getRepeat(), c);
            case CpuAccess a -> checkCpuAccess(a, c, context);
            case ScheduleStep st -> checkStep(st, c);
            case Expectation e -> checkExpectation(e, c);
            default -> {
            }
        }
        return ok && c.ok;
    }

    @Override
    public boolean validate(EDataType eDataType, Object value, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return true;
    }

    // ---- per element ----------------------------------------------------------------------------

    private void checkScenario(Scenario s, Checker c) {
        if (s.getKernel() == null) {
            c.error(s, ScenarioRule.SCENARIO_COMPLETE, ElementLabels.of(s) + " has no kernel configuration; add a KernelConfig element");
        }
        if (s.getAddressSpace() == null) {
            c.error(s, ScenarioRule.SCENARIO_COMPLETE, ElementLabels.of(s) + " has no address space; add an AddressSpace element");
        }
        if (s.getMaxSteps() < 1) {
            c.error(s, ScenarioRule.SCENARIO_MAX_STEPS, ElementLabels.of(s) + " has maxSteps " + s.getMaxSteps()
                    + ", but a run needs at least 1 step; use e.g. 100000");
        } else if (s.getMaxSteps() > MAX_STEPS_CAP) {
            c.error(s, ScenarioRule.SCENARIO_MAX_STEPS, ElementLabels.of(s) + " has maxSteps " + s.getMaxSteps()
                    + ", above the " + MAX_STEPS_CAP + " steps a scenario file may ask for; use at most " + MAX_STEPS_CAP
                    + ", and for a longer run pass --max-steps N to pinscope run");
        }
        if (s.getMaxRetries() < 0) {
            c.error(s, ScenarioRule.SCENARIO_BOUNDS, ElementLabels.of(s) + " has maxRetries " + s.getMaxRetries()
                    + ", but a retry count cannot be negative; use 0 or more");
        }
        boolean bounded = s.getPolicy() == RetryPolicy.BOUNDED
                || s.getExpectations().stream().anyMatch(e -> e.getPolicy() == RetryPolicy.BOUNDED);
        if (bounded && s.getMaxRetries() < 1) {
            c.error(s, ScenarioRule.BOUNDED_MAX_RETRIES, ElementLabels.of(s) + " uses the BOUNDED policy with maxRetries "
                    + s.getMaxRetries() + ", but BOUNDED needs maxRetries >= 1; set it to the N after which -EBUSY is returned");
        }
        Set<String> names = new HashSet<>();
        for (Actor a : s.getActors()) {
            if (a.getName() == null || a.getName().isBlank()) {
                c.error(a, ScenarioRule.ACTOR_NAME, "The " + a.eClass().getName() + " at position " + (s.getActors().indexOf(a) + 1)
                        + " has no name, but every actor needs one (it is the thread name); name it e.g. '"
                        + a.eClass().getName().toLowerCase() + (s.getActors().indexOf(a) + 1) + "'");
            } else if (!names.add(a.getName())) {
                c.error(a, ScenarioRule.ACTOR_NAME, ElementLabels.of(a) + " has the same name as an earlier actor, but actor names must be unique; rename it e.g. '"
                        + a.getName() + "-2'");
            }
        }
    }

    private void checkKernel(KernelConfig k, Checker c) {
        if (k.getBatchCapacity() < 1) {
            c.error(k, ScenarioRule.KERNEL_BATCH, "The kernel configuration has batchCapacity " + k.getBatchCapacity()
                    + ", but the vfio batch holds at least 1 page; use 512 (PAGE_SIZE / sizeof(struct page *))");
        }
    }

    private void checkVma(Vma v, Checker c) {
        String l = ElementLabels.of(v);
        notNegative(v, c, "start", v.getStart(), "end", v.getEnd(), "pgoff", v.getPgoff());
        if (Long.compareUnsigned(v.getStart(), v.getEnd()) >= 0) {
            c.error(v, ScenarioRule.VMA_RANGE, l + " ends at " + format(v.getEnd()) + ", not after its start "
                    + format(v.getStart()) + "; set end to a later address such as " + format(v.getStart() + Sizes.PAGE_SIZE));
        }
        if (((v.getStart() | v.getEnd()) & (Sizes.PAGE_SIZE - 1)) != 0) {
            c.error(v, ScenarioRule.VMA_PAGE_ALIGNED, l + " [" + format(v.getStart()) + "-" + format(v.getEnd())
                    + ") is not page-aligned; use multiples of 4K such as [" + format(v.getStart() & -Sizes.PAGE_SIZE)
                    + "-" + format(roundUp(v.getEnd(), Sizes.PAGE_SIZE)) + ")");
        }
        long top = taskSize(v);
        if (Long.compareUnsigned(v.getStart(), MMAP_MIN_ADDR) < 0 || Long.compareUnsigned(v.getEnd(), top) > 0) {
            c.error(v, ScenarioRule.VMA_USER_SPACE, l + " [" + format(v.getStart()) + "-" + format(v.getEnd())
                    + ") is outside the user address space; keep it within [" + format(MMAP_MIN_ADDR) + "-" + format(top) + ")");
        }
        Bar bar = local(v, ScenarioPackage.Literals.VMA__BAR, Bar.class);
        if (bar != null && Long.compareUnsigned(v.getStart(), v.getEnd()) < 0) {
            // unsigned length, exact byte offset: pgoff << 12 must not wrap (pgoff 2^52 used to pass)
            long length = v.getEnd() - v.getStart();
            // pgoff * 4096 as an unsigned 64-bit byte offset, only when it fits: pgoff < 2^52
            boolean fits = v.getPgoff() >= 0 && (v.getPgoff() >>> (64 - Sizes.PAGE_SHIFT)) == 0;
            long offset = v.getPgoff() << Sizes.PAGE_SHIFT;
            if (!fits || Long.compareUnsigned(length, bar.getSize()) > 0
                    || Long.compareUnsigned(offset, bar.getSize() - length) > 0) {
                c.error(v, ScenarioRule.VMA_INSIDE_BAR, l + " maps " + Sizes.format(length) + " at page offset " + format(v.getPgoff())
                        + " of " + ElementLabels.of(bar) + " (" + Sizes.format(bar.getSize()) + "), past its end; use pgoff + length <= "
                        + Sizes.format(bar.getSize()));
            }
        }
        if (bar != null) {
            if (!v.getFlags().contains(VmFlag.VM_SHARED) || !v.getFlags().contains(VmFlag.VM_PFNMAP)) {
                c.error(v, ScenarioRule.VMA_BAR_FLAGS, l + " maps " + ElementLabels.of(bar)
                        + " without VM_SHARED|VM_PFNMAP, which vfio_pci_core_mmap() requires and sets; add VM_SHARED, VM_IO and VM_PFNMAP");
            }
        }
    }

    private void checkEntry(PageTableEntry e, Checker c) {
        PageLevel level = e.getLevel();
        long size = Sizes.of(level);
        long pages = size >>> Sizes.PAGE_SHIFT;
        String l = ElementLabels.of(e);
        notNegative(e, c, "vaddr", e.getVaddr(), "pfn", e.getPfn());
        if ((e.getVaddr() & (size - 1)) != 0 || (e.getPfn() & (pages - 1)) != 0) {
            c.error(e, ScenarioRule.ENTRY_ALIGNED, l + " with pfn " + format(e.getPfn()) + " is not aligned to its level size "
                    + Sizes.format(size) + "; use address " + format(e.getVaddr() & -size) + " and a pfn that is a multiple of "
                    + format(pages));
        }
        Scenario s = scenarioOf(e);
        KernelConfig k = s == null ? null : s.getKernel();
        if (k != null) {
            if (level == PageLevel.PUD && !k.isPudPfnmap()) {
                c.error(e, ScenarioRule.ENTRY_LEVEL_ENABLED, l + " is a PUD leaf, but the kernel configuration has pudPfnmap false; "
                        + "set pudPfnmap true or use PMD/PTE entries");
            }
            if (level == PageLevel.PMD && !k.isPmdPfnmap()) {
                c.error(e, ScenarioRule.ENTRY_LEVEL_ENABLED, l + " is a PMD leaf, but the kernel configuration has pmdPfnmap false; "
                        + "set pmdPfnmap true or use PTE entries");
            }
        }
    }

    private void checkDevice(Device d, Checker c) {
        if (d.getName() == null || !PCI_ADDRESS.matcher(d.getName()).matches()) {
            c.error(d, ScenarioRule.DEVICE_NAME, ElementLabels.of(d) + " is not named by a PCI address; use the form domain:bus:device.function such as 0000:01:00.0");
        }
        if (d.eContainer() instanceof Scenario s && d.getName() != null) {
            // one PCI address is one function: two devices of that address would zap each other's BARs unnoticed
            for (Device other : s.getDevices()) {
                if (other == d) {
                    break;
                }
                if (d.getName().equals(other.getName())) {
                    c.error(d, ScenarioRule.DEVICE_NAME_UNIQUE, ElementLabels.of(d) + " has the same PCI address as an earlier device; "
                            + "give each device its own address, or put all its BARs in one device");
                    break;
                }
            }
        }
        Set<Integer> seen = new HashSet<>();
        for (Bar b : d.getBars()) {
            if (!seen.add(b.getIndex())) {
                c.error(b, ScenarioRule.BAR_INDEX_UNIQUE, ElementLabels.of(b) + " repeats an index already used on this device; "
                        + "give each BAR of a device a different index 0 to 5");
            }
        }
    }

    private void checkBar(Bar b, Checker c) {
        String l = ElementLabels.of(b);
        if (b.getIndex() < 0 || b.getIndex() > 5) {
            c.error(b, ScenarioRule.BAR_INDEX, l + " has an index outside 0 to 5 (VFIO_PCI_BAR0_REGION_INDEX to BAR5); use 0 to 5");
        }
        notNegative(b, c, "physicalAddress", b.getPhysicalAddress(), "size", b.getSize());
        long size = b.getSize();
        if (b.getPhysicalAddress() < 0 || size < 0 || size > PHYS_ADDR_LIMIT || b.getPhysicalAddress() > PHYS_ADDR_LIMIT - size) {
            c.error(b, ScenarioRule.BAR_PHYS_RANGE, l + " [" + format(b.getPhysicalAddress()) + " +" + Sizes.format(size)
                    + ") reaches past " + format(PHYS_ADDR_LIMIT) + ", the 52-bit physical address limit of x86-64; place it lower");
        }
        if (Long.bitCount(size) != 1 || Long.compareUnsigned(size, Sizes.PAGE_SIZE) < 0) {
            long valid = Long.compareUnsigned(size, Sizes.PAGE_SIZE) <= 0 ? Sizes.PAGE_SIZE : Long.highestOneBit(size) << (size < 0 ? 0 : 1);
            c.error(b, ScenarioRule.BAR_SIZE, l + " has size " + Sizes.format(size) + ", but a BAR size is a power of two of at least 4K; use e.g. "
                    + Sizes.format(valid));
        } else if ((b.getPhysicalAddress() & (size - 1)) != 0) {
            c.error(b, ScenarioRule.BAR_ALIGNED, l + " at " + format(b.getPhysicalAddress()) + " is not aligned to its size "
                    + Sizes.format(size) + "; use e.g. " + format(b.getPhysicalAddress() & -size));
        }
    }

    private void checkPinner(Pinner p, Checker c, Map<Object, Object> context) {
        String l = ElementLabels.of(p);
        notNegative(p, c, "vaddr", p.getVaddr(), "size", p.getSize());
        if (((p.getVaddr() | p.getSize()) & (Sizes.PAGE_SIZE - 1)) != 0 || p.getSize() == 0) {
            c.error(p, ScenarioRule.PINNER_ALIGNED, l + " pins " + Sizes.format(p.getSize()) + " at " + format(p.getVaddr())
                    + ", but VFIO_IOMMU_MAP_DMA needs a page-aligned address and a non-zero page-aligned size; use e.g. "
                    + Sizes.format(Math.max(Sizes.PAGE_SIZE, roundUp(p.getSize(), Sizes.PAGE_SIZE))) + " at " + format(p.getVaddr() & -Sizes.PAGE_SIZE));
            return;
        }
        VmaIndex index = vmaIndex(scenarioOf(p), context);
        if (index == null) {
            return;
        }
        if (p.getVaddr() != 0 && Long.compareUnsigned(p.getSize(), -p.getVaddr()) >= 0) {
            // vaddr + size would wrap past 2^64: no VMA can cover it
            c.error(p, ScenarioRule.PINNER_MAPPED, l + " pins " + Sizes.format(p.getSize()) + " at " + format(p.getVaddr())
                    + ", which runs past the top of the address space; the range must lie inside VM_PFNMAP or page-backed VMAs");
            return;
        }
        long end = p.getVaddr() + p.getSize();
        long at = p.getVaddr();
        while (Long.compareUnsigned(at, end) < 0) {
            Vma v = index.find(at);
            if (v == null) {
                c.error(p, ScenarioRule.PINNER_MAPPED, l + " range [" + format(p.getVaddr()) + "-" + format(end) + ") is not mapped at "
                        + format(at) + "; the range must lie inside VM_PFNMAP or page-backed VMAs");
                return;
            }
            boolean pfnmap = v.getFlags().contains(VmFlag.VM_PFNMAP);
            boolean io = v.getFlags().contains(VmFlag.VM_IO);
            if (!pfnmap && io) {
                c.error(p, ScenarioRule.PINNER_MAPPED, l + " range covers " + ElementLabels.of(v)
                        + ", which is VM_IO without VM_PFNMAP and cannot be pinned; add VM_PFNMAP to it or pin only VM_PFNMAP or page-backed VMAs");
                return;
            }
            at = v.getEnd();
            if (at == 0) {
                return;
            }
        }
    }

    private void checkZapper(Zapper z, Checker c) {
        checkRepeat(z, z.getRepeat(), c);
        Device device = local(z, ScenarioPackage.Literals.ZAPPER__DEVICE, Device.class);
        if (z.eGet(ScenarioPackage.Literals.ZAPPER__DEVICE, false) == null) {
            c.error(z, ScenarioRule.REFERENCE_SET, ElementLabels.of(z) + " has no device, but a zapper zaps one device's BARs; set device to a device of this scenario");
        } else if (device != null && device.getBars().isEmpty()) {
            c.error(z, ScenarioRule.ZAPPER_DEVICE_HAS_BARS, ElementLabels.of(z) + " zaps " + ElementLabels.of(device)
                    + ", which has no BARs to zap; add a BAR to the device or pick a device with BARs");
        }
    }

    private void checkCpuAccess(CpuAccess a, Checker c, Map<Object, Object> context) {
        checkRepeat(a, a.getRepeat(), c);
        notNegative(a, c, "vaddr", a.getVaddr());
        VmaIndex index = vmaIndex(scenarioOf(a), context);
        if (index != null && index.find(a.getVaddr()) == null) {
            c.error(a, ScenarioRule.CPU_ACCESS_MAPPED, ElementLabels.of(a) + " touches " + format(a.getVaddr())
                    + ", which no VMA maps; use an address inside a VMA");
        }
    }

    private void checkRepeat(Actor a, int repeat, Checker c) {
        if (repeat < -1) {
            c.error(a, ScenarioRule.REPEAT_RANGE, ElementLabels.of(a) + " has repeat " + repeat + "; use -1 for forever or a count of 0 or more");
        }
    }

    private void checkStep(ScheduleStep st, Checker c) {
        String l = ElementLabels.of(st);
        Actor actor = local(st, ScenarioPackage.Literals.SCHEDULE_STEP__ACTOR, Actor.class);
        if (st.eGet(ScenarioPackage.Literals.SCHEDULE_STEP__ACTOR, false) == null) {
            c.error(st, ScenarioRule.REFERENCE_SET, l + " names no actor; set actor to one of the scenario's actors");
        } else if (actor != null && (scenarioOf(st) == null || !scenarioOf(st).getActors().contains(actor))) {
            c.error(st, ScenarioRule.SCHEDULE_ACTOR, l + " names actor '" + actor.getName()
                    + "', which is not an actor of this scenario; pick one of its actors");
        }
        if (st.getUntil() != null && st.getUntil().isBlank()) {
            c.error(st, ScenarioRule.SCHEDULE_LABEL, l + " runs until an empty label, which names no listing line; remove until or use one of "
                    + String.join(", ", ScheduleLabels.ALL));
        } else if (st.getUntil() == null || st.getCount() < -1) {
            // with until the count is not used, but a count below -1 means nothing in any step
            if (st.getCount() == 0 || st.getCount() < -1) {
                c.error(st, ScenarioRule.SCHEDULE_COUNT, l + " has count " + st.getCount()
                        + ", but a step runs -1 (until the actor finishes or blocks) or at least 1 atomic steps; use -1 or 1");
            }
        } else if (!ScheduleLabels.ALL.contains(st.getUntil())) {
            c.error(st, ScenarioRule.SCHEDULE_LABEL, l + " " + ScheduleLabels.unknown(st.getUntil()));
        }
    }

    private void checkExpectation(Expectation e, Checker c) {
        Scenario s = scenarioOf(e);
        if (e.eGet(ScenarioPackage.Literals.EXPECTATION__ACTOR, false) == null && s != null) {
            long pinners = s.getActors().stream().filter(Pinner.class::isInstance).count();
            if (pinners != 1) {
                c.error(e, ScenarioRule.EXPECTATION_PINNER, ElementLabels.of(e) + " names no pinner, but the scenario has " + pinners
                        + " pinners; set actor to the pinner it is about");
            }
        }
        if (e.isSetPinnedPages() && e.getPinnedPages() < 0) {
            c.error(e, ScenarioRule.NOT_NEGATIVE, ElementLabels.of(e) + " expects pinnedPages " + e.getPinnedPages()
                    + ", but a pin count cannot be negative; use 0 or more");
        }
        if (e.getScope() == ExpectationScope.THIS_SCHEDULE && e.getResults().size() > 1) {
            c.error(e, ScenarioRule.EXPECTATION_SINGLE_RESULT, ElementLabels.of(e) + " lists " + e.getResults()
                    + ", but one schedule has one result; keep one, or use scope ALL_SCHEDULES for a set");
        }
    }

    private void checkReferences(EObject o, Checker c) {
        EObject root = EcoreUtil.getRootContainer(o);
        for (EReference ref : o.eClass().getEAllReferences()) {
            if (ref.isContainment() || ref.isContainer() || ref.isDerived() || !o.eIsSet(ref)) {
                continue;
            }
            Object value = o.eGet(ref, false);
            List<?> targets = value instanceof List<?> list ? list : Arrays.asList(value);
            for (Object t : targets) {
                if (t instanceof EObject target) {
                    if (target.eIsProxy()) {
                        c.error(o, ScenarioRule.REFERENCE_RESOLVED, ElementLabels.of(o) + " has " + ref.getName() + " pointing to '"
                                + EcoreUtil.getURI(target) + "', which does not exist; point it to an element of this scenario");
                    } else if (EcoreUtil.getRootContainer(target) != root) {
                        c.error(o, ScenarioRule.REFERENCE_RESOLVED, ElementLabels.of(o) + " has " + ref.getName() + " pointing to "
                                + ElementLabels.of(target) + ", which is not part of this scenario; point it to an element of this scenario");
                    }
                }
            }
        }
        if (o instanceof PageTableWalker w && w.eGet(ScenarioPackage.Literals.PAGE_TABLE_WALKER__VMA, false) == null) {
            c.error(o, ScenarioRule.REFERENCE_SET, ElementLabels.of(o) + " has no vma; set vma to the VMA the numa_maps/smaps walk covers");
        } else if (o instanceof Unmapper u && u.eGet(ScenarioPackage.Literals.UNMAPPER__VMA, false) == null) {
            c.error(o, ScenarioRule.REFERENCE_SET, ElementLabels.of(o) + " has no vma; set vma to the VMA munmap() removes");
        } else if (o instanceof SignalSender s && s.eGet(ScenarioPackage.Literals.SIGNAL_SENDER__TARGET, false) == null) {
            c.error(o, ScenarioRule.REFERENCE_SET, ElementLabels.of(o) + " has no target; set target to the pinner that receives SIGKILL");
        }
    }

    // ---- address space: sorted passes ----------------------------------------------------------

    private void checkAddressSpace(AddressSpace a, Checker c, Map<Object, Object> context) {
        VmaIndex index = vmaIndex(scenarioOf(a), context);
        if (index == null) {
            index = new VmaIndex(a.getVmas());
        }
        Vma[] vmas = index.sorted;
        for (int i = 1; i < vmas.length; i++) {
            Vma prev = vmas[i - 1];
            Vma cur = vmas[i];
            if (Long.compareUnsigned(cur.getStart(), prev.getEnd()) < 0) {
                c.error(cur, ScenarioRule.VMA_OVERLAP, ElementLabels.of(cur) + " [" + format(cur.getStart()) + "-" + format(cur.getEnd())
                        + ") overlaps " + ElementLabels.of(prev) + " [" + format(prev.getStart()) + "-" + format(prev.getEnd())
                        + "); start it at or after " + format(prev.getEnd()));
            }
        }
        PageTableEntry[] entries = a.getEntries().toArray(new PageTableEntry[0]);
        Arrays.sort(entries, (x, y) -> Long.compareUnsigned(x.getVaddr(), y.getVaddr()));
        PageTableEntry coverer = null;
        long coveredTo = 0;
        for (PageTableEntry e : entries) {
            long size = Sizes.of(e.getLevel());
            // vaddr + size reaching 2^64 wraps (to 0 or past it); clamp to the top so it neither hides overlaps nor fits a VMA
            boolean wraps = e.getVaddr() != 0 && Long.compareUnsigned(size, -e.getVaddr()) >= 0;
            long end = wraps ? -1L : e.getVaddr() + size;
            if (coverer != null && Long.compareUnsigned(e.getVaddr(), coveredTo) < 0) {
                c.error(e, ScenarioRule.ENTRY_OVERLAP, ElementLabels.of(e) + " covers addresses that " + ElementLabels.of(coverer)
                        + " already maps; remove one of them or move it to " + format(coveredTo) + " or later");
            }
            if (coverer == null || Long.compareUnsigned(end, coveredTo) > 0) {
                coverer = e;
                coveredTo = end;
            }
            Vma v = index.find(e.getVaddr());
            if (v == null || wraps || Long.compareUnsigned(end, v.getEnd()) > 0 || !v.getFlags().contains(VmFlag.VM_PFNMAP)) {
                c.error(e, ScenarioRule.ENTRY_IN_VMA, ElementLabels.of(e) + " (" + Sizes.format(size) + ") is not inside one VM_PFNMAP VMA"
                        + (v == null ? "" : " (it meets " + ElementLabels.of(v) + ")") + "; place it within a VM_PFNMAP VMA's [start, end)");
                continue;
            }
            Bar bar = local(v, ScenarioPackage.Literals.VMA__BAR, Bar.class);
            if (bar != null) {
                // exact: a BAR PFN + pgoff past 2^63 is no PFN the entry can hold
                Long expected = expectedPfn(bar.getPhysicalAddress(), v.getPgoff(), e.getVaddr() - v.getStart());
                if (expected == null || e.getPfn() != expected) {
                    c.error(e, ScenarioRule.ENTRY_PFN, ElementLabels.of(e) + " has pfn " + format(e.getPfn()) + ", but "
                            + ElementLabels.of(v) + " maps " + ElementLabels.of(bar) + " there at "
                            + (expected == null ? "no representable pfn; fix the VMA's pgoff" : "pfn " + format(expected) + "; use pfn " + format(expected)));
                }
            }
        }
    }

    /** VMAs sorted by start, for lookups by address (vma_lookup()). Cached per validation run. */
    static final class VmaIndex {
        final Vma[] sorted;

        VmaIndex(List<Vma> vmas) {
            sorted = vmas.toArray(new Vma[0]);
            Arrays.sort(sorted, Comparator.comparing(Vma::getStart, Long::compareUnsigned));
        }

        /** The VMA with start <= addr < end, or null; with overlaps, the last one starting at or before addr. */
        Vma find(long addr) {
            int lo = 0;
            int hi = sorted.length - 1;
            int best = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (Long.compareUnsigned(sorted[mid].getStart(), addr) <= 0) {
                    best = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (best < 0) {
                return null;
            }
            Vma v = sorted[best];
            return Long.compareUnsigned(addr, v.getEnd()) < 0 ? v : null;
        }
    }

    private static VmaIndex vmaIndex(Scenario s, Map<Object, Object> context) {
        if (s == null || s.getAddressSpace() == null) {
            return null;
        }
        if (context == null) {
            return new VmaIndex(s.getAddressSpace().getVmas());
        }
        @SuppressWarnings("unchecked")
        Map<AddressSpace, VmaIndex> cache = (Map<AddressSpace, VmaIndex>) context.computeIfAbsent(VMA_INDEX_KEY, k -> new HashMap<>());
        return cache.computeIfAbsent(s.getAddressSpace(), as -> new VmaIndex(as.getVmas()));
    }

    private static Scenario scenarioOf(EObject o) {
        return EcoreUtil.getRootContainer(o) instanceof Scenario s ? s : null;
    }

    private static long taskSize(Vma v) {
        Scenario s = scenarioOf(v);
        return s != null && s.getKernel() != null && s.getKernel().isLa57() ? TASK_SIZE_5LEVEL : TASK_SIZE_4LEVEL;
    }

    /** BAR PFN + pgoff + page offset in the VMA, or null when it does not fit a signed 64-bit PFN. */
    private static Long expectedPfn(long barPhys, long pgoff, long offsetInVma) {
        try {
            return Math.addExact(Math.addExact(barPhys >>> Sizes.PAGE_SHIFT, pgoff), offsetInVma >>> Sizes.PAGE_SHIFT);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /**
     * The target of a single-valued reference without resolving it: validation never opens another
     * document, so a proxy (a reference into one) counts as absent here and REFERENCE_RESOLVED reports it.
     */
    private static <T> T local(EObject owner, EReference ref, Class<T> type) {
        if (owner == null) {
            return null;
        }
        Object value = owner.eGet(ref, false);
        return type.isInstance(value) && !((EObject) value).eIsProxy() ? type.cast(value) : null;
    }

    /** One NOT_NEGATIVE error per negative attribute, given as name/value pairs. */
    private static void notNegative(EObject o, Checker c, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            long value = (Long) namesAndValues[i + 1];
            if (value < 0) {
                c.error(o, ScenarioRule.NOT_NEGATIVE, ElementLabels.of(o) + " has " + namesAndValues[i] + " " + value
                        + ", but addresses, sizes, page offsets and PFNs are never negative; use a value from 0 up");
            }
        }
    }

    private static long roundUp(long value, long align) {
        return (value + align - 1) & -align;
    }

    /** Collects diagnostics; keeps going after the first so the user sees all problems at once. */
    private static final class Checker {
        final DiagnosticChain chain;
        boolean ok = true;

        Checker(DiagnosticChain chain) {
            this.chain = chain;
        }

        void error(EObject element, ScenarioRule rule, String sentence) {
            ok = false;
            if (chain != null) {
                String message = sentence.endsWith(".") ? sentence : sentence + " [" + rule.id() + "].";
                chain.add(new BasicDiagnostic(Diagnostic.ERROR, DIAGNOSTIC_SOURCE, rule.ordinal(),
                        Character.toUpperCase(message.charAt(0)) + message.substring(1), new Object[] {element, rule}));
            }
        }
    }

    /** Problems of {@code diagnostic} with the given rule, for tests and tools. */
    public static List<Diagnostic> byRule(Diagnostic diagnostic, ScenarioRule rule) {
        List<Diagnostic> out = new ArrayList<>();
        collect(diagnostic, rule, out);
        return out;
    }

    private static void collect(Diagnostic d, ScenarioRule rule, List<Diagnostic> out) {
        if (d.getData().size() > 1 && d.getData().get(1) == rule) {
            out.add(d);
        }
        for (Diagnostic child : d.getChildren()) {
            collect(child, rule, out);
        }
    }
}
