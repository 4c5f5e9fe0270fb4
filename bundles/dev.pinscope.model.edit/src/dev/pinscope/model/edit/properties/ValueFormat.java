package dev.pinscope.model.edit.properties;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;

import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * How a property is shown and typed in the Properties view (the EMF item providers' labels and the diagram's
 * cell editors use this one enum): addresses, PFNs and page offsets in hex, sizes as 4K/2M/1G, counts in decimal,
 * everything else as EMF shows it. {@link #parse} reads the same forms back (also plain decimal) and throws with
 * a message for the user.
 */
public enum ValueFormat {
    HEX, SIZE, LONG, INT, TEXT;

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
        if (SIZE_FEATURES.contains(feature)) {
            return SIZE;
        }
        if (!(feature instanceof EAttribute a) || feature.isMany()) {
            return TEXT;
        }
        var type = a.getEAttributeType();
        if (type == EcorePackage.Literals.ELONG || type == EcorePackage.Literals.ELONG_OBJECT) {
            return LONG;
        }
        if (type == EcorePackage.Literals.EINT || type == EcorePackage.Literals.EINTEGER_OBJECT) {
            return INT;
        }
        return TEXT;
    }

    public boolean isNumeric() {
        return this != TEXT;
    }

    /** Text for a value of a feature with this format. */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case HEX -> Hex.format(((Number) value).longValue());
            case SIZE -> Sizes.format(((Number) value).longValue());
            default -> value instanceof List<?> l ? l.toString() : value.toString();
        };
    }

    /**
     * Parses what a user typed for a feature with this format: a Long, an Integer or (TEXT) the stripped text.
     *
     * @throws NumberFormatException with a message that says which forms are accepted
     */
    public Object parse(String text) {
        String t = text == null ? "" : text.strip();
        return switch (this) {
            case HEX -> Hex.parse(t);
            case SIZE -> Sizes.parse(t);
            case LONG -> {
                try {
                    yield Long.parseLong(t.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new NumberFormatException("'" + text + "' is not a whole number");
                }
            }
            case INT -> {
                try {
                    yield Integer.decode(t.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new NumberFormatException("'" + text + "' is not a whole number (e.g. 1, -1 for forever)");
                }
            }
            case TEXT -> t;
        };
    }

    /** The error message for {@code text}, or null when it parses. */
    public String check(String text) {
        try {
            parse(text);
            return null;
        } catch (NumberFormatException e) {
            return e.getMessage();
        }
    }
}
