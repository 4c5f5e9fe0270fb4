package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.util.ScenarioResourceFactoryImpl;

/** plugin.xml registrations: package, .pinscope extension parser and content type. */
class RegistrationTest {

    @TempDir
    Path dir;

    @Test
    void packageIsRegisteredByNamespace() {
        assertEquals(ScenarioPackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage("http://pinscope.dev/scenario/1.0"));
        assertEquals("scenario", ScenarioPackage.eINSTANCE.getName());
        assertEquals("pinscope", ScenarioPackage.eINSTANCE.getNsPrefix());
    }

    @Test
    void aPlainResourceSetOpensPinscopeFiles() throws Exception {
        Path f = dir.resolve("x.pinscope");
        assertTrue(Scenarios.save(Fixtures.valid(), f).ok());
        Resource.Factory factory = Resource.Factory.Registry.INSTANCE.getFactory(URI.createFileURI(f.toString()));
        assertTrue(factory instanceof ScenarioResourceFactoryImpl, String.valueOf(factory));
        ResourceSet rs = new ResourceSetImpl();
        Resource r = rs.getResource(URI.createFileURI(f.toString()), true);
        assertTrue(r.getContents().get(0) instanceof Scenario);
    }

    @Test
    void contentTypeIsDeclared() throws Exception {
        IContentType type = Platform.getContentTypeManager().getContentType("dev.pinscope.scenario");
        assertNotNull(type);
        assertTrue(type.isAssociatedWith("a.pinscope"));
        Path f = dir.resolve("y.pinscope");
        assertTrue(Scenarios.save(Fixtures.valid(), f).ok());
        try (var in = Files.newInputStream(f)) {
            IContentType found = Platform.getContentTypeManager().findContentTypeFor(in, f.getFileName().toString());
            assertEquals("dev.pinscope.scenario", found.getId());
        }
    }
}
