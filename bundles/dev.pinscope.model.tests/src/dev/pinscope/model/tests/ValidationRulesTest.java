package dev.pinscope.model.tests;

import static dev.pinscope.model.tests.Fixtures.ANON;
import static dev.pinscope.model.tests.Fixtures.BAR_PFN;
import static dev.pinscope.model.tests.Fixtures.VA;
import static dev.pinscope.model.units.Sizes.GiB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Errno;
import dev.pinscope.model.scenario.Expectation;
import dev.pinscope.model.scenario.ExpectationScope;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.validation.ScenarioRule;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * Every rule has a violating case (the diagnostic appears, names the element and the rule) and a
 * passing near-miss (that rule stays silent). Each case starts from {@link Fixtures#valid()}.
 */
class ValidationRulesTest {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;

    record Case(ScenarioRule rule, String element, Consumer<Scenario> violate, Consumer<Scenario> pass) {
    }

    static Vma vma(Scenario s, String name) {
        return s.getAddressSpace().getVmas().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    static <T extends Actor> T actor(Scenario s, Class<T> type) {
        return s.getActors().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    static Bar bar0(Scenario s) {
        return s.getDevices().get(0).getBars().get(0);
    }

    static PageTableEntry entry(Scenario s) {
        return s.getAddressSpace().getEntries().get(0);
    }

    static Device deviceWithBars(Scenario s, String name, int bars) {
        Device d = F.createDevice();
        d.setName(name);
        for (int i = 0; i < bars; i++) {
            Bar b = F.createBar();
            b.setIndex(i);
            b.setSize(0x1000);
            b.setPhysicalAddress(0x1000L * (i + 1));
            d.getBars().add(b);
        }
        s.getDevices().add(d);
        return d;
    }

    static Pinner secondPinner(Scenario s) {
        Pinner p = F.createPinner();
        p.setName("kvm");
        p.setVaddr(VA);
        p.setSize(0x1000);
        s.getActors().add(p);
        return p;
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(ScenarioRule.SCENARIO_COMPLETE, "scenario 'base'", s -> s.setKernel(null), s -> s.setKernel(F.createKernelConfig())));
        c.add(new Case(ScenarioRule.SCENARIO_BOUNDS, "scenario 'base'", s -> s.setMaxRetries(-1), s -> s.setMaxRetries(0)));
        c.add(new Case(ScenarioRule.SCENARIO_MAX_STEPS, "scenario 'base'", s -> s.setMaxSteps(0), s -> s.setMaxSteps(1)));
        c.add(new Case(ScenarioRule.SCENARIO_MAX_STEPS, "scenario 'base'", s -> s.setMaxSteps(-5), s -> s.setMaxSteps(100_000)));
        c.add(new Case(ScenarioRule.SCENARIO_MAX_STEPS, "scenario 'base'", s -> s.setMaxSteps(ScenarioValidator.MAX_STEPS_CAP + 1),
                s -> s.setMaxSteps(ScenarioValidator.MAX_STEPS_CAP)));
        c.add(new Case(ScenarioRule.SCENARIO_MAX_STEPS, "scenario 'base'", s -> s.setMaxSteps(Long.MAX_VALUE), s -> s.setMaxSteps(2_000_000)));
        // negative addresses, sizes, offsets, PFNs, pin counts: one case per attribute
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "BAR 0 of device 0000:01:00.0", s -> bar0(s).setPhysicalAddress(Long.MIN_VALUE),
                s -> bar0(s).setPhysicalAddress(0)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "BAR 0 of device 0000:01:00.0", s -> bar0(s).setSize(Long.MIN_VALUE),
                s -> bar0(s).setSize(GiB(8))));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "VMA 'bar0'", s -> vma(s, "bar0").setPgoff(-1), s -> vma(s, "bar0").setPgoff(1)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "VMA 'anon'", s -> vma(s, "anon").setStart(-0x1000L), s -> vma(s, "anon").setStart(0x1000L)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "PUD entry at 0x7f0000000000", s -> entry(s).setPfn(-0x40000L), s -> entry(s).setPfn(0x40000L)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "pinner 'qemu'", s -> actor(s, Pinner.class).setSize(-4096), s -> actor(s, Pinner.class).setSize(4096)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "pinner 'qemu'", s -> actor(s, Pinner.class).setVaddr(-4096), s -> actor(s, Pinner.class).setVaddr(4096)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "CPU access 'vcpu0'", s -> actor(s, CpuAccess.class).setVaddr(-1), s -> actor(s, CpuAccess.class).setVaddr(1)));
        c.add(new Case(ScenarioRule.NOT_NEGATIVE, "expectation 1", s -> s.getExpectations().get(0).setPinnedPages(-4096),
                s -> s.getExpectations().get(0).setPinnedPages(0)));
        c.add(new Case(ScenarioRule.BAR_PHYS_RANGE, "BAR 0 of device 0000:01:00.0", s -> bar0(s).setPhysicalAddress(1L << 52),
                s -> bar0(s).setPhysicalAddress((1L << 52) - GiB(4))));
        c.add(new Case(ScenarioRule.BAR_PHYS_RANGE, "BAR 0 of device 0000:01:00.0", s -> bar0(s).setPhysicalAddress(Long.MIN_VALUE),
                s -> bar0(s).setPhysicalAddress(0)));
        c.add(new Case(ScenarioRule.BOUNDED_MAX_RETRIES, "scenario 'base'", s -> s.setMaxRetries(0), s -> s.setMaxRetries(1)));
        c.add(new Case(ScenarioRule.KERNEL_BATCH, "kernel configuration", s -> s.getKernel().setBatchCapacity(0),
                s -> s.getKernel().setBatchCapacity(1)));
        c.add(new Case(ScenarioRule.VMA_RANGE, "VMA 'anon'", s -> vma(s, "anon").setEnd(ANON), s -> vma(s, "anon").setEnd(ANON + 0x1000)));
        c.add(new Case(ScenarioRule.VMA_USER_SPACE, "VMA 'anon'", s -> {
            vma(s, "anon").setStart(0x1000);
            vma(s, "anon").setEnd(0x2000);
        }, s -> {
            vma(s, "anon").setStart(0x10000);
            vma(s, "anon").setEnd(0x11000);
        }));
        c.add(new Case(ScenarioRule.VMA_PAGE_ALIGNED, "VMA 'anon'", s -> vma(s, "anon").setStart(ANON + 0x800),
                s -> vma(s, "anon").setStart(ANON + 0x1000)));
        c.add(new Case(ScenarioRule.VMA_OVERLAP, "VMA 'anon'", s -> {
            vma(s, "anon").setStart(VA + GiB(1) - 0x1000);
            vma(s, "anon").setEnd(VA + GiB(1) + 0x1000);
        }, s -> {
            vma(s, "anon").setStart(VA + GiB(1));
            vma(s, "anon").setEnd(VA + GiB(1) + 0x1000);
        }));
        c.add(new Case(ScenarioRule.VMA_INSIDE_BAR, "VMA 'bar0'", s -> vma(s, "bar0").setPgoff(0xC0001),
                s -> vma(s, "bar0").setPgoff(0xC0000)));
        // pgoff << 12 wraps to 0 at 2^52: the VMA would map 2^52 pages past the BAR
        c.add(new Case(ScenarioRule.VMA_INSIDE_BAR, "VMA 'bar0'", s -> vma(s, "bar0").setPgoff(1L << 52), s -> vma(s, "bar0").setPgoff(0)));
        c.add(new Case(ScenarioRule.VMA_INSIDE_BAR, "VMA 'bar0'", s -> vma(s, "bar0").setPgoff((1L << 52) + 0x40000),
                s -> vma(s, "bar0").setPgoff(0x40000)));
        c.add(new Case(ScenarioRule.VMA_BAR_FLAGS, "VMA 'bar0'", s -> vma(s, "bar0").getFlags().remove(VmFlag.VM_SHARED),
                s -> vma(s, "bar0").getFlags().remove(VmFlag.VM_WRITE)));
        c.add(new Case(ScenarioRule.ENTRY_ALIGNED, "PUD entry at 0x7f0000001000", s -> entry(s).setVaddr(VA + 0x1000), s -> {
            entry(s).setLevel(PageLevel.PTE);
            entry(s).setVaddr(VA + 0x1000);
            entry(s).setPfn(BAR_PFN + 1);
        }));
        c.add(new Case(ScenarioRule.ENTRY_IN_VMA, "PUD entry at 0x7f0040000000", s -> {
            entry(s).setVaddr(VA + GiB(1));
            entry(s).setPfn(BAR_PFN + 0x40000);
        }, s -> entry(s).setVaddr(VA)));
        c.add(new Case(ScenarioRule.ENTRY_PFN, "PUD entry at 0x7f0000000000", s -> entry(s).setPfn(BAR_PFN + 0x40000),
                s -> entry(s).setPfn(BAR_PFN)));
        c.add(new Case(ScenarioRule.ENTRY_OVERLAP, "PTE entry at 0x7f0000001000", s -> {
            PageTableEntry pte = F.createPageTableEntry();
            pte.setLevel(PageLevel.PTE);
            pte.setVaddr(VA + 0x1000);
            pte.setPfn(BAR_PFN + 1);
            s.getAddressSpace().getEntries().add(pte);
        }, s -> {
            entry(s).setLevel(PageLevel.PMD);
            PageTableEntry pmd = F.createPageTableEntry();
            pmd.setLevel(PageLevel.PMD);
            pmd.setVaddr(VA + 0x200000);
            pmd.setPfn(BAR_PFN + 0x200);
            s.getAddressSpace().getEntries().add(pmd);
        }));
        c.add(new Case(ScenarioRule.ENTRY_LEVEL_ENABLED, "PUD entry at 0x7f0000000000", s -> s.getKernel().setPudPfnmap(false),
                s -> s.getKernel().setPmdPfnmap(false)));
        c.add(new Case(ScenarioRule.BAR_INDEX, "BAR 6 of device 0000:01:00.0", s -> bar0(s).setIndex(6), s -> bar0(s).setIndex(5)));
        c.add(new Case(ScenarioRule.BAR_INDEX_UNIQUE, "BAR 0 of device 0000:01:00.0", s -> {
            Bar b = F.createBar();
            b.setIndex(0);
            b.setSize(0x1000);
            b.setPhysicalAddress(0x1000);
            s.getDevices().get(0).getBars().add(b);
        }, s -> {
            Bar b = F.createBar();
            b.setIndex(2);
            b.setSize(0x1000);
            b.setPhysicalAddress(0x1000);
            s.getDevices().get(0).getBars().add(b);
        }));
        c.add(new Case(ScenarioRule.BAR_SIZE, "BAR 0 of device 0000:01:00.0", s -> bar0(s).setSize(GiB(3)), s -> bar0(s).setSize(GiB(2))));
        c.add(new Case(ScenarioRule.BAR_ALIGNED, "BAR 0 of device 0000:01:00.0", s -> bar0(s).setPhysicalAddress(0x38_0000_1000L),
                s -> bar0(s).setPhysicalAddress(0x39_0000_0000L)));
        c.add(new Case(ScenarioRule.DEVICE_NAME, "device gpu0", s -> s.getDevices().get(0).setName("gpu0"),
                s -> s.getDevices().get(0).setName("0000:65:1f.7")));
        c.add(new Case(ScenarioRule.DEVICE_NAME_UNIQUE, "device 0000:02:00.0", s -> {
            s.getDevices().add(F.createDevice());
            s.getDevices().get(0).setName("0000:02:00.0");
            s.getDevices().get(1).setName("0000:02:00.0");
        }, s -> {
            s.getDevices().add(F.createDevice());
            s.getDevices().get(0).setName("0000:02:00.0");
            s.getDevices().get(1).setName("0000:03:00.0");
        }));
        c.add(new Case(ScenarioRule.PINNER_ALIGNED, "pinner 'qemu'", s -> actor(s, Pinner.class).setSize(4097),
                s -> actor(s, Pinner.class).setSize(4096)));
        c.add(new Case(ScenarioRule.PINNER_MAPPED, "pinner 'qemu'", s -> {
            actor(s, Pinner.class).setVaddr(VA + GiB(1) - 0x1000);
            actor(s, Pinner.class).setSize(0x2000);
        }, s -> {
            actor(s, Pinner.class).setVaddr(VA + GiB(1) - 0x1000);
            actor(s, Pinner.class).setSize(0x1000);
        }));
        // vaddr + size wraps past 2^64 to a small address
        c.add(new Case(ScenarioRule.PINNER_MAPPED, "pinner 'qemu'", s -> {
            actor(s, Pinner.class).setVaddr(VA);
            actor(s, Pinner.class).setSize(-VA + 0x1000);
        }, s -> {
            actor(s, Pinner.class).setVaddr(VA);
            actor(s, Pinner.class).setSize(0x1000);
        }));
        c.add(new Case(ScenarioRule.ZAPPER_DEVICE_HAS_BARS, "zapper 'reset'",
                s -> actor(s, Zapper.class).setDevice(deviceWithBars(s, "0000:02:00.0", 0)),
                s -> actor(s, Zapper.class).setDevice(deviceWithBars(s, "0000:02:00.0", 1))));
        c.add(new Case(ScenarioRule.CPU_ACCESS_MAPPED, "CPU access 'vcpu0'", s -> actor(s, CpuAccess.class).setVaddr(0x5000_0000L),
                s -> actor(s, CpuAccess.class).setVaddr(ANON)));
        c.add(new Case(ScenarioRule.ACTOR_NAME, "walker 'qemu'", s -> actor(s, PageTableWalker.class).setName("qemu"),
                s -> actor(s, PageTableWalker.class).setName("smaps")));
        c.add(new Case(ScenarioRule.REPEAT_RANGE, "walker 'numa_maps'", s -> actor(s, PageTableWalker.class).setRepeat(-2),
                s -> actor(s, PageTableWalker.class).setRepeat(-1)));
        c.add(new Case(ScenarioRule.REPEAT_RANGE, "zapper 'reset'", s -> actor(s, Zapper.class).setRepeat(Integer.MIN_VALUE),
                s -> actor(s, Zapper.class).setRepeat(0)));
        c.add(new Case(ScenarioRule.REPEAT_RANGE, "CPU access 'vcpu0'", s -> actor(s, CpuAccess.class).setRepeat(-2),
                s -> actor(s, CpuAccess.class).setRepeat(-1)));
        c.add(new Case(ScenarioRule.REFERENCE_SET, "walker 'numa_maps'", s -> actor(s, PageTableWalker.class).setVma(null),
                s -> actor(s, PageTableWalker.class).setVma(vma(s, "anon"))));
        c.add(new Case(ScenarioRule.REFERENCE_RESOLVED, "VMA 'bar0'", s -> {
            Bar proxy = F.createBar();
            ((InternalEObject) proxy).eSetProxyURI(URI.createURI("other.pinscope#//@devices.0/@bars.0"));
            vma(s, "bar0").setBar(proxy);
        }, s -> vma(s, "bar0").setBar(bar0(s))));
        c.add(new Case(ScenarioRule.SCHEDULE_ACTOR, "schedule step 2", s -> {
            Scenario other = Fixtures.valid();
            s.getSchedule().getSteps().get(1).setActor(other.getActors().get(2));
        }, s -> s.getSchedule().getSteps().get(1).setActor(actor(s, Zapper.class))));
        c.add(new Case(ScenarioRule.SCHEDULE_COUNT, "schedule step 2", s -> s.getSchedule().getSteps().get(1).setCount(0),
                s -> s.getSchedule().getSteps().get(1).setCount(1)));
        c.add(new Case(ScenarioRule.SCHEDULE_COUNT, "schedule step 2", s -> s.getSchedule().getSteps().get(1).setCount(-2),
                s -> s.getSchedule().getSteps().get(1).setCount(-1)));
        // with until the count is not used; below -1 it means nothing either way
        c.add(new Case(ScenarioRule.SCHEDULE_COUNT, "schedule step 1", s -> {
            s.getSchedule().getSteps().get(0).setUntil("F2_LOCK");
            s.getSchedule().getSteps().get(0).setCount(-2);
        }, s -> {
            s.getSchedule().getSteps().get(0).setUntil("F2_LOCK");
            s.getSchedule().getSteps().get(0).setCount(-1);
        }));
        c.add(new Case(ScenarioRule.SCHEDULE_LABEL, "schedule step 1", s -> s.getSchedule().getSteps().get(0).setUntil("F3_READ"),
                s -> s.getSchedule().getSteps().get(0).setUntil("F2_LOCK")));
        // until="" names no line (it used to validate and act as if absent)
        c.add(new Case(ScenarioRule.SCHEDULE_LABEL, "schedule step 1", s -> s.getSchedule().getSteps().get(0).setUntil(""),
                s -> s.getSchedule().getSteps().get(0).setUntil(null)));
        c.add(new Case(ScenarioRule.EXPECTATION_PINNER, "expectation 1 (PRE_PATCH, THIS_SCHEDULE)", s -> secondPinner(s), s -> {
            Pinner kvm = secondPinner(s);
            s.getExpectations().forEach(e -> e.setActor(kvm));
        }));
        c.add(new Case(ScenarioRule.EXPECTATION_SINGLE_RESULT, "expectation 1 (PRE_PATCH, THIS_SCHEDULE)",
                s -> s.getExpectations().get(0).getResults().add(Errno.OK), s -> {
                    Expectation e = s.getExpectations().get(0);
                    e.getResults().add(Errno.OK);
                    e.setScope(ExpectationScope.ALL_SCHEDULES);
                }));
        return c;
    }

    @Test
    void fixtureIsValid() {
        Diagnostic d = ScenarioValidator.validate(Fixtures.valid());
        assertEquals(Diagnostic.OK, d.getSeverity(), () -> messages(d));
    }

    @Test
    void everyRuleHasACase() {
        Set<ScenarioRule> covered = cases().stream().map(Case::rule).collect(Collectors.toCollection(() -> EnumSet.noneOf(ScenarioRule.class)));
        assertEquals(EnumSet.allOf(ScenarioRule.class), covered);
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFiresAndNamesTheElement() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule().id() + " violated", () -> {
            Scenario s = Fixtures.valid();
            c.violate().accept(s);
            Diagnostic d = ScenarioValidator.validate(s);
            List<Diagnostic> hits = ScenarioValidator.byRule(d, c.rule());
            assertFalse(hits.isEmpty(), () -> c.rule().id() + " did not fire; got: " + messages(d));
            Diagnostic hit = hits.get(0);
            assertEquals(Diagnostic.ERROR, hit.getSeverity());
            assertTrue(hit.getMessage().toLowerCase().contains(c.element().toLowerCase()),
                    () -> "message does not name " + c.element() + ": " + hit.getMessage());
            assertTrue(hit.getMessage().contains("[" + c.rule().id() + "]"), hit.getMessage());
            assertTrue(hit.getMessage().endsWith("."), hit.getMessage());
            // one sentence: no sentence break inside (abbreviations aside)
            String body = hit.getMessage().substring(0, hit.getMessage().length() - 1).replace("e.g. ", "");
            assertFalse(body.contains(". "), hit.getMessage());
            assertTrue(hit.getData().get(0) instanceof org.eclipse.emf.ecore.EObject);
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachRuleAcceptsItsNearMiss() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule().id() + " satisfied", () -> {
            Scenario s = Fixtures.valid();
            c.pass().accept(s);
            Diagnostic d = ScenarioValidator.validate(s);
            assertEquals(List.of(), ScenarioValidator.byRule(d, c.rule()).stream().map(Diagnostic::getMessage).toList());
        }));
    }

    @Test
    void validatorIsRegisteredForThePackage() {
        Object registered = EValidator.Registry.INSTANCE.get(ScenarioPackage.eINSTANCE);
        EValidator v = registered instanceof EValidator.Descriptor desc ? desc.getEValidator() : (EValidator) registered;
        assertSame(ScenarioValidator.INSTANCE, v);
        // Diagnostician.INSTANCE (what the editor and CLI call) applies the scenario rules.
        Scenario s = Fixtures.valid();
        s.getDevices().get(0).setName("gpu0");
        assertFalse(ScenarioValidator.byRule(Diagnostician.INSTANCE.validate(s), ScenarioRule.DEVICE_NAME).isEmpty());
    }

    @Test
    void maxStepsAboveTheCapPointsAtTheCommandLineOption() {
        Scenario s = Fixtures.valid();
        s.setMaxSteps(Long.MAX_VALUE);
        List<Diagnostic> hits = ScenarioValidator.byRule(ScenarioValidator.validate(s), ScenarioRule.SCENARIO_MAX_STEPS);
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).getMessage().contains("--max-steps"), hits.get(0).getMessage());
        assertTrue(hits.get(0).getMessage().contains("10000000"), hits.get(0).getMessage());
    }

    @Test
    void validationDoesNotResolveAProxy() {
        // a proxy whose URI would have to be opened to resolve; validation must report it, not open it
        Scenario s = Fixtures.valid();
        Bar proxy = F.createBar();
        ((InternalEObject) proxy).eSetProxyURI(URI.createURI("http://127.0.0.1:9/x.pinscope#//@devices.0/@bars.0"));
        vma(s, "bar0").setBar(proxy);
        org.eclipse.emf.ecore.resource.ResourceSet rs = dev.pinscope.model.io.Scenarios.newResourceSet();
        org.eclipse.emf.ecore.resource.Resource r = rs.createResource(URI.createURI("memory:/v.pinscope"));
        r.getContents().add(s);
        Diagnostic d = ScenarioValidator.validate(s);
        assertFalse(ScenarioValidator.byRule(d, ScenarioRule.REFERENCE_RESOLVED).isEmpty());
        assertEquals(1, rs.getResources().size(), "validation loaded another resource");
    }

    @Test
    void entryOutsideAnyVmaNamesNoVmaButStillFires() {
        Scenario s = Fixtures.valid();
        entry(s).setVaddr(0x4000_0000_0000L);
        entry(s).setPfn(0);
        assertFalse(ScenarioValidator.byRule(ScenarioValidator.validate(s), ScenarioRule.ENTRY_IN_VMA).isEmpty());
    }

    private static String messages(Diagnostic d) {
        return d.getChildren().stream().map(Diagnostic::getMessage).collect(Collectors.joining("\n"));
    }
}
