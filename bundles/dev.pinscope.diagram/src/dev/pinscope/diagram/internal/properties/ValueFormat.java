package dev.pinscope.diagram.internal.properties;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;

import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * How a numeric property is written and read in the Properties view: addresses, PFNs and page
 * offsets in hex, sizes as 4K/2M/1G, counts in decimal. Parsing throws with a message for the user.
 */
public enum ValueFormat {
    HEX, SIZE, LONG, INT, TEXT;

    private static final Set<String> SIZES = Set.of("size");
    private static final Set<String> COUNTS = Set.of("maxSteps", "pinnedPages");

    public static ValueFormat of(EStructuralFeature f) {
        if (!(f instanceof EAttribute a) || f.isMany()) {
            return TEXT;
        }
        var type = a.getEAttributeType();
        if (type == EcorePackage.Literals.ELONG || type == EcorePackage.Literals.ELONG_OBJECT) {
            if (SIZES.contains(f.getName())) {
                return SIZE;
            }
            return COUNTS.contains(f.getName()) ? LONG : HEX;
        }
        if (type == EcorePackage.Literals.EINT || type == EcorePackage.Literals.EINTEGER_OBJECT) {
            return INT;
        }
        return TEXT;
    }

    public boolean isNumeric() {
        return this != TEXT;
    }

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

    /** Parses the user's text. @throws NumberFormatException with a message naming the accepted forms */
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
