package dev.pinscope.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.XMLHelper;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.SAXXMIHandler;

import dev.pinscope.model.scenario.ScenarioPackage;

/**
 * EMF's XMI handler, confined to the file being read. A scenario only ever refers to its own
 * elements and only uses the scenario namespace, so everything else is reported as a load error at
 * the line and column where it appears, before EMF would create a proxy for it or look the package
 * up (EMF would otherwise fetch an unknown namespace URI as a package, and resolve a cross-document
 * proxy on the first {@code get} by opening its URI):
 * <ul>
 * <li>a reference whose URI names another document ({@code http:}, {@code file:}, another file,
 * an archive, a pipe) — whether written as an IDREF attribute, an {@code href} or element text;</li>
 * <li>a namespace other than {@link ScenarioPackage#eNS_URI} used for an element or {@code xsi:type};</li>
 * <li>several targets in a single-valued reference (EMF would silently keep the last).</li>
 * </ul>
 */
final class ConfinedHandler extends SAXXMIHandler {

    ConfinedHandler(XMLResource resource, XMLHelper helper, Map<?, ?> options) {
        super(resource, helper, options);
    }

    @Override
    protected EPackage getPackageForURI(String uriString) {
        if (uriString == null) {
            return null;
        }
        if (ScenarioPackage.eNS_URI.equals(uriString)) {
            return ScenarioPackage.eINSTANCE;
        }
        // No registry look-up, no java: class loading, no fetching the namespace as a document.
        error(new PackageNotFoundException(uriString, getLocation(), getLineNumber(), getColumnNumber()));
        return null;
    }

    @Override
    protected void setValueFromId(EObject object, EReference reference, String ids) {
        List<String> targets = new ArrayList<>();
        for (StringTokenizer st = new StringTokenizer(ids); st.hasMoreTokens();) {
            String id = st.nextToken();
            // "prefix:Type uri#fragment" names the proxy's type first; the type is not a target
            if (id.indexOf('#') >= 0 || id.indexOf(':') < 0) {
                targets.add(id);
            }
        }
        for (String id : targets) {
            if (isForeign(id)) {
                refuseForeign(object, reference, id);
                return;
            }
        }
        if (!reference.isMany() && targets.size() > 1) {
            problem(reference.getName() + " of " + object.eClass().getName() + " refers to one element, but "
                    + targets.size() + " are given ('" + ids.trim() + "'); keep one of them");
            return;
        }
        super.setValueFromId(object, reference, ids);
    }

    @Override
    protected void handleProxy(InternalEObject proxy, String uriLiteral) {
        if (isForeign(uriLiteral)) {
            refuseForeign(proxy.eContainer(), null, uriLiteral);
            // never resolvable, and not a same-document proxy EMF would try to patch up
            proxy.eSetProxyURI(URI.createURI("refused:reference"));
            return;
        }
        super.handleProxy(proxy, uriLiteral);
    }

    /** True when {@code literal} names a document other than this one (by any scheme or path). */
    private boolean isForeign(String literal) {
        int hash = literal.indexOf('#');
        if (hash < 0) {
            return false; // a plain IDREF / fragment path: resolved inside this resource only
        }
        if (hash == 0) {
            return false;
        }
        URI uri;
        try {
            uri = URI.createURI(literal.substring(0, hash));
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (resourceURI == null) {
            return true;
        }
        if (uri.isRelative() && resourceURI.isHierarchical() && !resourceURI.isRelative()) {
            uri = uri.resolve(resourceURI);
        }
        return !uri.equals(resourceURI.trimFragment());
    }

    private void refuseForeign(EObject owner, EReference reference, String literal) {
        int hash = literal.indexOf('#');
        String fragment = hash >= 0 ? literal.substring(hash + 1) : "";
        String where = reference == null ? "a reference" : reference.getName()
                + (owner == null ? "" : " of " + owner.eClass().getName());
        problem(where + " points into another document, '" + literal + "'; a scenario file may only refer to its own elements"
                + (fragment.startsWith("//") ? " (e.g. " + fragment + ")" : "") + ", and Pinscope opens nothing else");
    }

    private void problem(String message) {
        error(new ConfinedLoadProblem(message, getLocation(), getLineNumber(), getColumnNumber()));
    }
}
