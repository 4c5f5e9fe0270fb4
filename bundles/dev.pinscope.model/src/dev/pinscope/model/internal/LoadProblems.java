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
            return "'" + abbreviate(f.getName()) + "' is not an attribute or element of " + className(f.getObject())
                    + "; check the spelling against the scenario model (DESIGN.md, Model)";
        }
        if (d instanceof ClassNotFoundException c) {
            return "'" + abbreviate(c.getName()) + "' is not a scenario model class; use one of the classes in DESIGN.md, Model";
        }
        if (d instanceof IllegalValueException v) {
            EStructuralFeature feature = v.getFeature();
            String type = feature == null ? "value" : typeHint(feature);
            // an element is named by its label (already quoted: VMA 'bar0'), a text value is quoted and cut short
            String value = v.getValue() instanceof EObject eo ? ElementLabels.of(eo) : "'" + abbreviate(String.valueOf(v.getValue())) + "'";
            return value + " is not a valid " + (feature == null ? "value" : feature.getName())
                    + " of " + className(v.getObject()) + "; expected " + type;
        }
        if (d instanceof UnresolvedReferenceException u) {
            return "the reference '" + abbreviate(u.getReference()) + "' points to nothing in this file";
        }
        if (d instanceof PackageNotFoundException p) {
            return packageMessage(p.uri());
        }
        if (d instanceof Exception e && findSax(e) != null) {
            return xml(findSax(e).getMessage());
        }
        if (d instanceof Exception e && encodingProblem(e) != null) {
            return encodingProblem(e);
        }
        return plain(UserText.of(stripLocation(d.getMessage())));
    }

    public static FileDiagnostic fromException(String file, Throwable e) {
        SAXParseException sax = findSax(e);
        if (sax != null) {
            return FileDiagnostic.error(file, sax.getLineNumber(), sax.getColumnNumber(), xml(sax.getMessage()));
        }
        if (encodingProblem(e) != null) {
            return FileDiagnostic.error(file, 1, 1, encodingProblem(e));
        }
        Throwable t = e;
        while ((t instanceof WrappedException || t instanceof Resource.IOWrappedException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Resource.Diagnostic rd) {
            return FileDiagnostic.error(file, rd.getLine(), rd.getColumn(), message(rd));
        }
        return FileDiagnostic.error(file, 0, 0, "cannot load: " + plain(UserText.of(t)));
    }

    private static final java.util.regex.Pattern UTF8_BYTE = java.util.regex.Pattern.compile(
            "Invalid byte (\\d+) of (\\d+)-byte UTF-8 sequence\\.?");

    /** A parser's complaint in the file author's terms: what is wrong and what is allowed. */
    private static String xml(String parserMessage) {
        String m = UserText.of(parserMessage);
        if (m.startsWith("DOCTYPE is disallowed")) {
            return "the file has a <!DOCTYPE> declaration; a scenario file may not declare a DTD or entities "
                    + "(they could read other files or expand without bound), remove it";
        }
        if (m.startsWith("The entity \"") && m.contains("was referenced, but not declared")) {
            return "malformed XML: " + m.replaceAll("\\.$", "") + "; a scenario file may use only &amp; &lt; &gt; &quot; &apos; and &#N; character references";
        }
        String p = plain(m);
        return p.equals(m) ? "malformed XML: " + m : p;
    }

    /** Byte-level problems the decoder reports without naming the encoding. */
    private static String plain(String m) {
        java.util.regex.Matcher u = UTF8_BYTE.matcher(m);
        if (u.find()) {
            return "the file is not valid UTF-8 text (byte " + u.group(1) + " of a " + u.group(2) + "-byte sequence is wrong); "
                    + "save it as UTF-8, or name its real encoding in the first line, e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>";
        }
        return m;
    }

    /** The XML declaration names an encoding Java cannot decode (EMF reports just its name). */
    private static String encodingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.UnsupportedEncodingException || t instanceof java.nio.charset.UnsupportedCharsetException
                    || t instanceof java.nio.charset.IllegalCharsetNameException) {
                return "the XML declaration names encoding '" + abbreviate(String.valueOf(t.getMessage()))
                        + "', which Pinscope cannot decode; use encoding=\"UTF-8\" (or UTF-16, ISO-8859-1)";
            }
        }
        return null;
    }

    /** A value from the file, cut to a length that keeps a message on one line. */
    public static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 60 ? value : value.substring(0, 57) + "… (" + value.length() + " characters)";
    }

    private static String packageMessage(String uri) {
        if (uri != null && uri.startsWith(NS_PREFIX) && !uri.equals(ScenarioPackage.eNS_URI)) {
            return "the file uses scenario format " + uri.substring(NS_PREFIX.length())
                    + ", newer than format 1.0 that this Pinscope reads; open it with a newer Pinscope";
        }
        if (uri == null || uri.isEmpty()) {
            return "an element has no XML namespace; a scenario file's root is pinscope:Scenario with xmlns:pinscope=\""
                    + ScenarioPackage.eNS_URI + "\"; this is not a Pinscope scenario file";
        }
        return "the XML namespace '" + abbreviate(uri) + "' is not the scenario format " + ScenarioPackage.eNS_URI
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
