package dev.pinscope.model.edit.properties;

import java.util.Map;

import org.eclipse.emf.ecore.EStructuralFeature;

import dev.pinscope.model.scenario.ScenarioPackage;

/** The Properties view groups features the way a kernel developer thinks about them. */
public final class PropertyCategories {

    public static final String IDENTITY = "Identity";
    public static final String ADDRESS = "Address";
    public static final String MAPPING = "Mapping";
    public static final String KERNEL = "Kernel";
    public static final String DEVICE_STATE = "Device state";
    public static final String BEHAVIOUR = "Behaviour";
    public static final String RUN = "Run";
    public static final String EXPECTED = "Expected";

    private static final ScenarioPackage P = ScenarioPackage.eINSTANCE;
    private static final Map<EStructuralFeature, String> CATEGORIES = Map.ofEntries(
            Map.entry(P.getScenario_Name(), IDENTITY), Map.entry(P.getScenario_Description(), IDENTITY),
            Map.entry(P.getScenario_FormatVersion(), IDENTITY),
            Map.entry(P.getScenario_Policy(), RUN), Map.entry(P.getScenario_MaxRetries(), RUN),
            Map.entry(P.getScenario_MaxSteps(), RUN),
            Map.entry(P.getKernelConfig_ThpMode(), KERNEL), Map.entry(P.getKernelConfig_PudPfnmap(), KERNEL),
            Map.entry(P.getKernelConfig_PmdPfnmap(), KERNEL), Map.entry(P.getKernelConfig_RecheckUnderLock(), KERNEL),
            Map.entry(P.getKernelConfig_DisableHugepages(), KERNEL), Map.entry(P.getKernelConfig_BatchCapacity(), KERNEL),
            Map.entry(P.getKernelConfig_La57(), KERNEL),
            Map.entry(P.getVma_Name(), IDENTITY), Map.entry(P.getVma_Start(), ADDRESS), Map.entry(P.getVma_End(), ADDRESS),
            Map.entry(P.getVma_Flags(), MAPPING), Map.entry(P.getVma_Bar(), MAPPING), Map.entry(P.getVma_Pgoff(), MAPPING),
            Map.entry(P.getVma_FaultBehavior(), BEHAVIOUR),
            Map.entry(P.getPageTableEntry_Vaddr(), ADDRESS), Map.entry(P.getPageTableEntry_Level(), MAPPING),
            Map.entry(P.getPageTableEntry_Pfn(), MAPPING), Map.entry(P.getPageTableEntry_Writable(), MAPPING),
            Map.entry(P.getPageTableEntry_Special(), MAPPING),
            Map.entry(P.getDevice_Name(), IDENTITY), Map.entry(P.getDevice_MemoryEnabled(), DEVICE_STATE),
            Map.entry(P.getDevice_PowerState(), DEVICE_STATE), Map.entry(P.getDevice_NoCommandMemory(), DEVICE_STATE),
            Map.entry(P.getDevice_PmRuntimeEngaged(), DEVICE_STATE),
            Map.entry(P.getBar_Index(), IDENTITY), Map.entry(P.getBar_PhysicalAddress(), ADDRESS), Map.entry(P.getBar_Size(), ADDRESS),
            Map.entry(P.getBar_HasStructPage(), MAPPING), Map.entry(P.getBar_PageReserved(), MAPPING),
            Map.entry(P.getActor_Name(), IDENTITY),
            Map.entry(P.getPinner_Vaddr(), ADDRESS), Map.entry(P.getPinner_Size(), ADDRESS), Map.entry(P.getPinner_Write(), BEHAVIOUR),
            Map.entry(P.getZapper_Device(), BEHAVIOUR), Map.entry(P.getZapper_Trigger(), BEHAVIOUR), Map.entry(P.getZapper_Repeat(), BEHAVIOUR),
            Map.entry(P.getPageTableWalker_Vma(), BEHAVIOUR), Map.entry(P.getPageTableWalker_Repeat(), BEHAVIOUR),
            Map.entry(P.getCpuAccess_Vaddr(), ADDRESS), Map.entry(P.getCpuAccess_Write(), BEHAVIOUR), Map.entry(P.getCpuAccess_Repeat(), BEHAVIOUR),
            Map.entry(P.getSignalSender_Target(), BEHAVIOUR), Map.entry(P.getUnmapper_Vma(), BEHAVIOUR),
            Map.entry(P.getScheduleStep_Actor(), RUN), Map.entry(P.getScheduleStep_Count(), RUN),
            Map.entry(P.getScheduleStep_Until(), RUN), Map.entry(P.getScheduleStep_Optional(), RUN),
            Map.entry(P.getExpectation_Policy(), RUN), Map.entry(P.getExpectation_Scope(), RUN), Map.entry(P.getExpectation_Actor(), RUN),
            Map.entry(P.getExpectation_Results(), EXPECTED), Map.entry(P.getExpectation_PinnedPages(), EXPECTED),
            Map.entry(P.getExpectation_Livelock(), EXPECTED), Map.entry(P.getExpectation_Violation(), EXPECTED));

    private PropertyCategories() {
    }

    /** The category of a feature, or null (EMF's "Misc") for one not listed. */
    public static String of(EStructuralFeature feature) {
        return CATEGORIES.get(feature);
    }
}
