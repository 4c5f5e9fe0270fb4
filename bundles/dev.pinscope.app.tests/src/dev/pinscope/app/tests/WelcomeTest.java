package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
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
import org.eclipse.swt.widgets.Control;
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

    /**
     * The user's path: Welcome (full window) › Open an example › the picker lists the examples numbered, in Help ›
     * Examples' order with the reported bug first and marked › OK. The example opens read-only in the scenario
     * editor, which is visible (Welcome steps aside), and picking it again does not open a second editor.
     */
    @Test
    void openAnExampleFromTheWelcomePageShowsItsEditor() throws Exception {
        IIntroManager intro = PlatformUI.getWorkbench().getIntroManager();
        IWorkbenchPage page = window().getActivePage();
        page.closeAllEditors(false);
        IIntroPart part = intro.showIntro(window(), false);
        try {
            WelcomePart welcome = assertInstanceOf(WelcomePart.class, part);
            drain();
            assertFalse(intro.isIntroStandby(part), "Welcome fills the window");
            List<List<String>> pickerRows = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                pickerRows.add(pressAndPickFirst(welcome, WelcomeAction.OPEN_EXAMPLE));
                IEditorPart editor = page.getActiveEditor();
                assertNotNull(editor, "the example opened");
                assertEquals("02-numa-maps-split-w1.pinscope", editor.getEditorInput().getName());
                assertTrue(intro.getIntro() == null || intro.isIntroStandby(part), "Welcome stepped aside");
                Control canvas = ((org.eclipse.gef.GraphicalViewer) editor.getAdapter(org.eclipse.gef.GraphicalViewer.class)).getControl();
                assertTrue(canvas.isVisible() && canvas.getSize().x > 200 && canvas.getSize().y > 150,
                        "the example's diagram is visible: " + canvas.getSize());
                if (round == 0) {
                    WorkbenchTest.screenshot(window().getShell(), "welcome-example-opened.png");
                    intro.setIntroStandby(part, false); // back to the full Welcome page for the second pick
                    drain();
                }
            }
            assertEquals(1, page.getEditorReferences().length, "picking the same example again keeps one editor");
            List<String> rows = pickerRows.get(0);
            List<String> menu = dev.pinscope.diagram.internal.wizards.ExamplesMenu.entries().stream()
                    .map(dev.pinscope.diagram.internal.wizards.ExamplesMenu.Entry::label).toList();
            assertEquals(menu, rows, "the picker lists what Help › Examples lists, in its order");
            assertTrue(rows.get(0).startsWith("02 ") && rows.get(0).endsWith("(the reported bug)"), rows.get(0));
            assertTrue(rows.get(1).startsWith("01 ") && rows.get(2).startsWith("03 "), rows.toString());
            assertTrue(rows.stream().allMatch(r -> r.matches("\\d\\d  .*")), "every row is numbered: " + rows);
            assertEquals(menuItems("Examples"), rows.stream().map(r -> r.replace("&", "")).toList(), "Help › Examples shows the same rows");
        } finally {
            intro.closeIntro(part);
            page.closeAllEditors(false);
        }
    }

    /** Presses the Welcome button of {@code action}; in the dialog that opens reads the list and presses OK. */
    private static List<String> pressAndPickFirst(WelcomePart welcome, WelcomeAction action) {
        Button button = welcome.actionButtons().stream().filter(b -> b.getText().equals(action.label())).findFirst().orElseThrow();
        List<String> rows = new ArrayList<>();
        Display display = Display.getCurrent();
        Runnable pick = new Runnable() {
            int tries;

            @Override
            public void run() {
                org.eclipse.swt.widgets.Shell dialog = display.getActiveShell();
                if (dialog == null || !WelcomeAction.PICKER_TITLE.equals(dialog.getText())) {
                    if (tries++ < 100) {
                        display.timerExec(50, this);
                    }
                    return;
                }
                org.eclipse.swt.widgets.Table table = find(dialog, org.eclipse.swt.widgets.Table.class);
                for (org.eclipse.swt.widgets.TableItem item : table.getItems()) {
                    rows.add(item.getText());
                }
                WorkbenchTest.screenshotQuietly(window().getShell(), "welcome-example-picker.png");
                Button ok = (Button) dialog.getDefaultButton();
                ok.notifyListeners(SWT.Selection, new Event());
            }
        };
        display.timerExec(50, pick);
        button.notifyListeners(SWT.Selection, new Event());
        drain();
        assertFalse(rows.isEmpty(), "the example picker opened and listed examples");
        return rows;
    }

    static <T> T find(org.eclipse.swt.widgets.Control c, Class<T> type) {
        if (type.isInstance(c)) {
            return type.cast(c);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                T t = find(child, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The items of Help › {@code submenu} as drawn. */
    private static List<String> menuItems(String submenu) {
        Menu help = MenusTest.topMenu("Help").getMenu();
        return MenusTest.items(MenusTest.subMenu(help, submenu));
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
