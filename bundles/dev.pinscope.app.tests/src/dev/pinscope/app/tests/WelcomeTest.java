package dev.pinscope.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.help.HelpSystem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.internal.ErrorEditorPart;
import org.eclipse.ui.internal.WorkbenchWindow;
import org.eclipse.ui.intro.IIntroManager;
import org.eclipse.ui.intro.IIntroPart;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.EditorTitleUpdater;
import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;
import dev.pinscope.app.internal.welcome.WelcomeAction;
import dev.pinscope.app.internal.welcome.WelcomePart;

/** First-run experience: the Welcome page, Help menu entries, and what session restore relies on. */
class WelcomeTest {

    private static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window);
        return window;
    }

    private static void drain() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let layout and paint happen
        }
    }

    @Test
    void welcomePageOffersExampleNewScenarioAndGuide() throws Exception {
        IIntroManager intro = PlatformUI.getWorkbench().getIntroManager();
        assertTrue(intro.hasIntro(), "the product binds a Welcome page");
        IIntroPart part = intro.showIntro(window(), false);
        try {
            WelcomePart welcome = assertInstanceOf(WelcomePart.class, part);
            drain();
            List<String> labels = new ArrayList<>();
            for (Button button : welcome.actionButtons()) {
                assertTrue(button.isVisible() && button.getSize().x > 0, button.getText() + " is shown");
                labels.add(button.getText());
            }
            assertEquals(List.of("Open an example", "New scenario", "Read the guide"), labels);
            assertEquals(WelcomePart.HELP_CONTEXT, welcome.control().getData("org.eclipse.ui.help"), "F1 on the Welcome page");
            assertNotNull(HelpSystem.getContext(WelcomePart.HELP_CONTEXT), "the Welcome page's help context exists");
            WorkbenchTest.screenshot(window().getShell(), "welcome.png");

            // beside the editors (standby) the three ways in stay usable in the narrow panel
            intro.setIntroStandby(part, true);
            drain();
            for (Button button : welcome.actionButtons()) {
                assertTrue(button.isVisible(), button.getText() + " is shown in standby");
                assertTrue(button.getBounds().x + button.getBounds().width <= welcome.control().getSize().x + 1,
                        button.getText() + " fits the side panel");
            }
            WorkbenchTest.screenshot(window().getShell(), "welcome-standby.png");
        } finally {
            intro.closeIntro(part);
        }
        assertEquals(null, intro.getIntro(), "the Welcome page closes");
    }

    @Test
    void productNameIsTranslatedForDialogsThatShowIt() {
        // the p2 wizards and other platform dialogs title themselves with the product name
        assertEquals("Pinscope", Platform.getProduct().getName());
    }

    @Test
    void readTheGuideOpensAPageThatShipsInTheHelpBundle() {
        String resource = WelcomeAction.GUIDE;
        String bundle = resource.split("/")[1];
        assertNotNull(Platform.getBundle(bundle), bundle + " is part of the product");
        assertNotNull(Platform.getBundle(bundle).getEntry(resource.substring(bundle.length() + 2)), resource);
    }

    @Test
    void helpMenuHasContentsWelcomeAndTheUpdateCommands() {
        MenuManager bar = ((WorkbenchWindow) window()).getMenuManager();
        MenuManager help = (MenuManager) bar.find("help");
        assertNotNull(help);
        // Contributed items are materialised when the menu is about to show, as for a user
        Menu menu = help.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        List<String> labels = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                labels.add(item.getText().replace("&", "").replace("...", "\u2026").replaceAll("\t.*", ""));
            }
        }
        menu.notifyListeners(SWT.Hide, new Event());
        for (String expected : List.of("Welcome", "Help Contents", "Check for Updates", "Install New Software\u2026", "About Pinscope")) {
            assertTrue(labels.contains(expected), expected + " in Help menu " + labels);
        }
        assertTrue(labels.indexOf("Welcome") < labels.indexOf("About Pinscope"), "About stays last: " + labels);
    }

    @Test
    void windowTitleNamesTheActiveEditor() throws Exception {
        IWorkbenchPage page = window().getActivePage();
        IEditorPart editor = PinscopeWorkbenchAdvisor.openWelcomeExample(page);
        assertNotNull(editor, "a shipped example opens in the scenario editor");
        drain();
        assertEquals(EditorTitleUpdater.titleFor(editor.getTitle()), window().getShell().getText());
        page.closeAllEditors(false);
        drain();
        assertEquals("Pinscope", window().getShell().getText());
    }

    /** The ERROR entries of the workspace log, oldest first (with the line after each). */
    static List<String> errorEntries() throws java.io.IOException {
        Path log = Platform.getLogFileLocation().toPath();
        List<String> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("!ENTRY \\S+ 4 .*")) {
                out.add(lines.get(i) + (i + 1 < lines.size() ? " " + lines.get(i + 1) : ""));
            }
        }
        return out;
    }

    @Test
    void aFileOpenedFromDiskIsRememberedForTheNextSession() throws Exception {
        Path file = Files.createTempFile("pinscope-restore", ".txt");
        Files.writeString(file, "remember me\n");
        IWorkbenchPage page = window().getActivePage();
        PinscopeWorkbenchAdvisor.openFile(page, file);
        drain();
        // e4 reports a part that fails to initialise only in the log (and shows an error page in
        // it); the first text editor of the session may have been opened before this test ran
        assertEquals(List.of(), errorEntries().stream().filter(e -> e.contains("Unable to create part")).toList(),
                "no editor or view failed to open in this session");
        IEditorPart editor = page.getActiveEditor();
        assertNotNull(editor, "the file opened");
        assertFalse(editor instanceof ErrorEditorPart, "the text editor opened without an error: " + editor.getTitleToolTip());
        assertEquals(file.getFileName().toString(), editor.getTitle());
        IPersistableElement persistable = editor.getEditorInput().getPersistable();
        assertNotNull(persistable, "the editor input can be saved in the session");
        assertNotNull(PlatformUI.getWorkbench().getElementFactory(persistable.getFactoryId()),
                "the factory that restores it (" + persistable.getFactoryId() + ") is installed");
        page.closeAllEditors(false);
    }
}
