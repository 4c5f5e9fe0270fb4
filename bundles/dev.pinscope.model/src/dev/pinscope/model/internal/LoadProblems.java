package dev.pinscope.model.internal;

import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.ClassNotFoundException;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.UnresolvedReferenceException;
import org.xml.sax.SAXParseException;

import dev.pinscope.model.io.FileDiagnostic;
import dev.pinscope.model.io.UserText;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.validation.ElementLabels;

/**
 * Turns EMF's XMI load errors into one-sentence messages a scenario author can act on; EMF's own
 * texts name Java classes and repeat the location.
 */
public final class LoadProblems {

    private static final String NS_PREFIX = "http://pinscope.dev/scenario/";

    private LoadProblems() {
    }

    public static String message(Resource.Diagnostic d) {
        if (d instanceof ConfinedLoadProblem c) {
            return stripLocation(c.getMessage());
        }
        if (d instanceof FeatureNotFoundException f) {
            return "'" + f.getName() + "' is not an attribute or element of " + className(f.getObject())
                    + "; check the spelling against the scenario model (DESIGN.md, Model)";
        }
        if (d instanceof ClassNotFoundException c) {
            return "'" + c.getName() + "' is not a scenario model class; use one of the classes in DESIGN.md, Model";
        }
        if (d instanceof IllegalValueException v) {
            EStructuralFeature feature = v.getFeature();
            String type = feature == null ? "value" : typeHint(feature);
            Object value = v.getValue() instanceof EObject eo ? ElementLabels.of(eo) : v.getValue();
            return "'" + value + "' is not a valid " + (feature == null ? "value" : feature.getName())
                    + " of " + className(v.getObject()) + "; expected " + type;
        }
        if (d instanceof UnresolvedReferenceException u) {
            return "the reference '" + u.getReference() + "' points to nothing in this file";
        }
        if (d instanceof PackageNotFoundException p) {
            return packageMessage(p.uri());
        }
        if (d instanceof Exception e && findSax(e) != null) {
            return "malformed XML: " + UserText.of(findSax(e).getMessage());
        }
        return UserText.of(stripLocation(d.getMessage()));
    }

    public static FileDiagnostic fromException(String file, Throwable e) {
        SAXParseException sax = findSax(e);
        if (sax != null) {
            return FileDiagnostic.error(file, sax.getLineNumber(), sax.getColumnNumber(), "malformed XML: " + UserText.of(sax.getMessage()));
        }
        Throwable t = e;
        while ((t instanceof WrappedException || t instanceof Resource.IOWrappedException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Resource.Diagnostic rd) {
            return FileDiagnostic.error(file, rd.getLine(), rd.getColumn(), message(rd));
        }
        return FileDiagnostic.error(file, 0, 0, "cannot load: " + UserText.of(t));
    }

    private static String packageMessage(String uri) {
        if (uri != null && uri.startsWith(NS_PREFIX) && !uri.equals(ScenarioPackage.eNS_URI)) {
            return "the file uses scenario format " + uri.substring(NS_PREFIX.length())
                    + ", newer than format 1.0 that this Pinscope reads; open it with a newer Pinscope";
        }
        return "the XML namespace '" + uri + "' is not the scenario format " + ScenarioPackage.eNS_URI
                + " (Pinscope does not look other namespaces up); this is not a Pinscope scenario file";
    }

    private static String typeHint(EStructuralFeature feature) {
        Class<?> c = feature.getEType().getInstanceClass();
        if (c == long.class || c == int.class) {
            return "a decimal integer (addresses are stored in decimal, e.g. 139637976727552 for 0x7f0000000000)";
        }
        if (c == boolean.class) {
            return "true or false";
        }
        if (feature.getEType() instanceof org.eclipse.emf.ecore.EEnum en) {
            return "one of " + en.getELiterals().stream().map(l -> l.getLiteral()).toList();
        }
        return "a " + feature.getEType().getName();
    }

    private static String className(Object o) {
        return o instanceof EObject eo ? eo.eClass().getName() : "the element";
    }

    private static SAXParseException findSax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SAXParseException s) {
                return s;
            }
        }
        return null;
    }

    /** EMF appends " (uri, line, column)" to some messages; the diagnostic carries those already. */
    private static String stripLocation(String msg) {
        if (msg == null) {
            return "unknown problem";
        }
        int i = msg.lastIndexOf(" (");
        return i > 0 && msg.endsWith(")") && msg.substring(i).contains(", ") ? msg.substring(0, i) : msg;
    }
}
