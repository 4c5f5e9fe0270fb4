package dev.pinscope.model.internal;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.xmi.XMLLoad;
import org.eclipse.emf.ecore.xmi.impl.XMILoadImpl;
import org.xml.sax.helpers.DefaultHandler;

import dev.pinscope.model.scenario.util.ScenarioResourceImpl;

/**
 * The resource a scenario file is parsed into: the generated one, with a handler that refuses to
 * leave the file ({@link ConfinedHandler}). Saving is unchanged.
 */
public final class ConfinedScenarioResource extends ScenarioResourceImpl {

    public ConfinedScenarioResource(URI uri) {
        super(uri);
    }

    @Override
    protected XMLLoad createXMLLoad() {
        return new XMILoadImpl(createXMLHelper()) {
            @Override
            protected DefaultHandler makeDefaultHandler() {
                return new ConfinedHandler(resource, helper, options);
            }
        };
    }
}
