package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IStorage;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IStorageEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.XMLMemento;
import org.eclipse.ui.internal.ErrorEditorPart;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;
import dev.pinscope.app.internal.restore.NotRestored;
import dev.pinscope.app.internal.restore.NotRestoredEditor;
import dev.pinscope.diagram.internal.wizards.ExamplesMenu;
import dev.pinscope.model.examples.Examples;

/**
 * What a restart brings back. The workbench keeps an editor across a restart by writing its input's persistable
 * form into the session memento and asking the named element factory for the input on the next start; this test
 * does exactly that for every kind of editor Pinscope opens (a read-only shipped example, a policy listing, a
 * scenario file, a plain file), and checks that an editor which cannot be kept is named, with the reason, in the
 * editor area after the restart.
 */
class RestoreTest extends WorkbenchTestCase {

    /** Saves {@code editor}'s input as the session does, restores it through its factory, reopens it. */
    private static IEditorPart restartOne(IEditorPart editor) throws Exception {
        String title = editor.getTitle();
        String editorId = editor.getSite().getId();
        IPersistableElement persistable = editor.getEditorInput().getPersistable();
        assertNotNull(persistable, title + " is saved in the session");
        XMLMemento saved = XMLMemento.createWriteRoot("input");
        persistable.saveState(saved);
        StringWriter text = new StringWriter();
        saved.save(text);
        page().closeAllEditors(false);
        drain();

        IElementFactory factory = PlatformUI.getWorkbench().getElementFactory(persistable.getFactoryId());
        assertNotNull(factory, "the factory " + persistable.getFactoryId() + " that restores " + title + " is installed");
        IAdaptable restored = factory.createElement(XMLMemento.createReadRoot(new StringReader(text.toString())));
        IEditorInput input = assertInstanceOf(IEditorInput.class, restored, title + " comes back");
        IEditorPart reopened = page().openEditor(input, editorId);
        drain();
        assertFalse(reopened instanceof ErrorEditorPart, title + " reopened without an error");
        assertEquals(title, reopened.getTitle(), "the same editor comes back");
        return reopened;
    }

    @Test
    void aReadOnlyShippedExampleComesBackReadOnly() throws Exception {
        for (String id : List.of(ExamplesMenu.REPORTED_BUG, "04-adversarial-livelock")) {
            IEditorPart editor = ExamplesMenu.open(Examples.find(id).orElseThrow());
            drain();
            IEditorPart back = restartOne(editor);
            IStorageEditorInput input = assertInstanceOf(IStorageEditorInput.class, back.getEditorInput());
            assertTrue(input.getStorage().isReadOnly(), id + " is still the read-only shipped example");
            assertEquals(id + ".pinscope", input.getName());
        }
    }

    @Test
    void aPolicyListingComesBack() throws Exception {
        // the debugger opens listings while stepping; open one the way the restart does, then restart it
        IElementFactory factory = PlatformUI.getWorkbench().getElementFactory("dev.pinscope.debug.listingInputFactory");
        assertNotNull(factory, "the debugger restores its listings");
        XMLMemento memento = XMLMemento.createWriteRoot("input");
        memento.putString("policy", "PATCH_V1");
        IEditorInput input = (IEditorInput) factory.createElement(memento);
        IEditorPart listing = page().openEditor(input, "dev.pinscope.debug.listingEditor");
        drain();
        assertEquals("listing PATCH_V1.c", listing.getTitle());
        restartOne(listing);
    }

    @Test
    void scenarioAndPlainFilesComeBack() throws Exception {
        Path scenario = Files.createTempFile("pinscope-restore", ".pinscope");
        Files.write(scenario, dev.pinscope.model.io.Scenarios.toBytes(Examples.load("01-alone").scenario()));
        Path notes = Files.createTempFile("pinscope-restore", ".txt");
        Files.writeString(notes, "notes\n");
        for (Path file : List.of(scenario, notes)) {
            PinscopeWorkbenchAdvisor.openFile(page(), file);
            drain();
            restartOne(page().getActiveEditor());
        }
    }

    /** An editor input the session cannot save, as a plug-in of someone else might open. */
    private record Transient(String name) implements IStorageEditorInput {
        @Override
        public IStorage getStorage() {
            return new PlatformStorage(name);
        }

        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public ImageDescriptor getImageDescriptor() {
            return null;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public IPersistableElement getPersistable() {
            return null;
        }

        @Override
        public String getToolTipText() {
            return name;
        }

        @Override
        public <T> T getAdapter(Class<T> adapter) {
            return null;
        }
    }

    private static final class PlatformStorage extends PlatformObject implements IStorage {
        private final String name;

        PlatformStorage(String name) {
            this.name = name;
        }

        @Override
        public InputStream getContents() {
            return new ByteArrayInputStream("generated text\n".getBytes());
        }

        @Override
        public IPath getFullPath() {
            return null;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }
    }

    @Test
    void anEditorThatCannotComeBackIsNamedInTheEditorAreaAfterTheRestart() throws Exception {
        ExamplesMenu.open(Examples.find(ExamplesMenu.REPORTED_BUG).orElseThrow());
        page().openEditor(new Transient("generated-report.txt"), "org.eclipse.ui.DefaultTextEditor");
        drain();
        List<String> unrestorable = new ArrayList<>();
        NotRestored.unrestorable(PlatformUI.getWorkbench()).forEach(n -> unrestorable.add(n.title()));
        assertEquals(List.of("generated-report.txt"), unrestorable, "only the transient editor cannot be kept");

        NotRestored.remember(PlatformUI.getWorkbench()); // what shutdown does
        page().closeAllEditors(false);
        drain();
        NotRestored.report(page()); // what the next start does
        drain();
        IEditorReference[] refs = page().getEditorReferences();
        assertEquals(1, refs.length, "one page in the editor area says what did not come back");
        NotRestoredEditor notice = assertInstanceOf(NotRestoredEditor.class, refs[0].getEditor(true));
        page().activate(notice);
        drain();
        String shown = notice.label().getText();
        assertTrue(shown.contains("generated-report.txt") && shown.contains("cannot keep this kind of editor"), shown);
        assertTrue(notice.label().isVisible() && notice.label().getSize().y > notice.label().getFont().getFontData()[0].getHeight() * 2,
                "the message is shown in full: " + notice.label().getSize());
        WorkbenchTest.screenshot(page().getWorkbenchWindow().getShell(), "not-restored.png");

        page().closeAllEditors(false);
        drain();
        NotRestored.report(page());
        drain();
        assertEquals(0, page().getEditorReferences().length, "the notice is shown once");
    }
}
