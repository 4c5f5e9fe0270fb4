package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.junit.jupiter.api.Test;

import dev.pinscope.model.edit.properties.ValueFormat;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.provider.ScenarioItemProviderAdapterFactory;

/** Labels, icons and property descriptors of the edit bundle. */
class EditTest {

    private final ComposedAdapterFactory factory = new ComposedAdapterFactory(new ScenarioItemProviderAdapterFactory());

    private String label(EObject o) {
        return ((IItemLabelProvider) factory.adapt(o, IItemLabelProvider.class)).getText(o);
    }

    @Test
    void labelsReadLikeTheKernel() {
        Scenario s = Fixtures.valid();
        Vma bar0 = s.getAddressSpace().getVmas().get(0);
        assertEquals("vma bar0 [0x7f0000000000-0x7f0040000000) PFNMAP|IO|SHARED", label(bar0));
        PageTableEntry pud = s.getAddressSpace().getEntries().get(0);
        assertEquals("PUD 0x7f0000000000 -> pfn 0x3800000 rw", label(pud));
        assertEquals("BAR0 0x3800000000 4G", label(s.getDevices().get(0).getBars().get(0)));
        assertEquals("pinner qemu MAP_DMA [0x7f0000000000+1G) rw", label(s.getActors().get(0)));
        assertEquals("zapper reset DEVICE_RESET 0000:01:00.0 x1", label(s.getActors().get(1)));
        assertEquals("qemu until F2_READ", label(s.getSchedule().getSteps().get(0)));
        assertEquals("BOUNDED all schedules: {OK, EBUSY}", label(s.getExpectations().get(1)));
        pud.setWritable(false);
        assertEquals("PUD 0x7f0000000000 -> pfn 0x3800000 ro", label(pud));
    }

    @Test
    void everyClassHasItsOwnIcon() {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (EClassifier c : ScenarioPackage.eINSTANCE.getEClassifiers()) {
            if (c instanceof EClass ec) {
                Object icon = dev.pinscope.model.scenario.provider.PinscopeEditPlugin.INSTANCE.getImage("full/obj16/" + ec.getName());
                assertTrue(icon instanceof URL, "no icon for " + ec.getName());
                try (var in = ((URL) icon).openStream()) {
                    distinct.add(java.util.Arrays.toString(in.readAllBytes()));
                } catch (java.io.IOException e) {
                    throw new AssertionError("unreadable icon for " + ec.getName(), e);
                }
                if (!ec.isAbstract()) {
                    EObject o = ScenarioPackage.eINSTANCE.getEFactoryInstance().create(ec);
                    assertNotNull(((IItemLabelProvider) factory.adapt(o, IItemLabelProvider.class)).getImage(o), ec.getName());
                }
            }
        }
        long classes = ScenarioPackage.eINSTANCE.getEClassifiers().stream().filter(EClass.class::isInstance).count();
        assertEquals(classes, distinct.size(), "every class has a different icon");
    }

    @Test
    void addressesShowInHexSizesInUnitsWithCategories() {
        Scenario s = Fixtures.valid();
        Vma bar0 = s.getAddressSpace().getVmas().get(0);
        IItemPropertySource source = (IItemPropertySource) factory.adapt(bar0, IItemPropertySource.class);
        IItemPropertyDescriptor start = source.getPropertyDescriptor(bar0, ScenarioPackage.Literals.VMA__START);
        assertEquals("Address", start.getCategory(bar0));
        assertEquals("0x7f0000000000", start.getLabelProvider(bar0).getText(start.getPropertyValue(bar0)));
        IItemPropertyDescriptor flags = source.getPropertyDescriptor(bar0, ScenarioPackage.Literals.VMA__FLAGS);
        assertEquals("Mapping", flags.getCategory(bar0));

        var bar = s.getDevices().get(0).getBars().get(0);
        IItemPropertySource barSource = (IItemPropertySource) factory.adapt(bar, IItemPropertySource.class);
        IItemPropertyDescriptor size = barSource.getPropertyDescriptor(bar, ScenarioPackage.Literals.BAR__SIZE);
        assertEquals("4G", size.getLabelProvider(bar).getText(size.getPropertyValue(bar)));

        for (IItemPropertyDescriptor d : source.getPropertyDescriptors(bar0)) {
            assertNotNull(d.getCategory(bar0), "uncategorised property " + d.getDisplayName(bar0));
        }
        assertEquals(0x7f0000000000L, ValueFormat.of(ScenarioPackage.Literals.VMA__START).parse("0x7f0000000000"));
        assertEquals(1L << 30, ValueFormat.of(ScenarioPackage.Literals.BAR__SIZE).parse("1G"));
        assertTrue(ValueFormat.of(ScenarioPackage.Literals.SCENARIO__MAX_STEPS) == ValueFormat.LONG);
    }
}
