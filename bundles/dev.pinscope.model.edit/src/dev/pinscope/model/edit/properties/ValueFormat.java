package dev.pinscope.model.edit.properties;

import java.util.Set;

import org.eclipse.emf.ecore.EStructuralFeature;

import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * How a numeric property is shown and typed in the Properties view: addresses and PFNs in hex,
 * sizes as 4K/2M/1G, everything else as EMF shows it. The editor's cell editors use
 * {@link #parse} so users can type the same forms back (also plain decimal).
 */
public enum ValueFormat {
    HEX, SIZE, PLAIN;

    private static final ScenarioPackage P = ScenarioPackage.eINSTANCE;
    private static final Set<EStructuralFeature> HEX_FEATURES = Set.of(
            P.getVma_Start(), P.getVma_End(), P.getVma_Pgoff(),
            P.getPageTableEntry_Vaddr(), P.getPageTableEntry_Pfn(),
            P.getBar_PhysicalAddress(), P.getPinner_Vaddr(), P.getCpuAccess_Vaddr());
    private static final Set<EStructuralFeature> SIZE_FEATURES = Set.of(P.getBar_Size(), P.getPinner_Size());

    public static ValueFormat of(EStructuralFeature feature) {
        if (HEX_FEATURES.contains(feature)) {
            return HEX;
        }
        return SIZE_FEATURES.contains(feature) ? SIZE : PLAIN;
    }

    /** Text for a value of a feature with this format. */
    public String format(Object value) {
        if (value instanceof Long l) {
            return switch (this) {
                case HEX -> Hex.format(l);
                case SIZE -> Sizes.format(l);
                case PLAIN -> Long.toString(l);
            };
        }
        return value == null ? "" : value.toString();
    }

    /**
     * Parses what a user typed for a feature with this format.
     *
     * @throws NumberFormatException with a message that says which forms are accepted
     */
    public long parse(String text) {
        return switch (this) {
            case HEX -> Hex.parse(text);
            case SIZE -> Sizes.parse(text);
            case PLAIN -> Long.parseLong(text.strip());
        };
    }
}
