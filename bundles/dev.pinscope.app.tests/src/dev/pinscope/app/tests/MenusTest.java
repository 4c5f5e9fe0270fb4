package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;

/**
 * What the menu bar and the main tool bar show, read from the SWT widgets a user sees, in every Pinscope
 * perspective, with a scenario editor and with a plain text editor active.
 */
class MenusTest {

    /**
     * IDE contributions that have no meaning in Pinscope (no projects, no text-file line delimiters). File › Import
     * is Pinscope's own (smaps/sysfs import), so it is not one of them.
     */
    static final List<String> LEFTOVERS = List.of("Open Projects from File System", "Convert Line Delimiters To",
            "Switch Workspace", "Restart", "Properties\tAlt+Enter", "Search", "Open Type",
            "Toggle Breakpoint", "Build", "External Tools", "Next Annotation", "Previous Annotation",
            "Previous Edit Location", "Next Edit Location");

    private static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(w);
        return w;
    }

    /** The texts of a menu's items (without mnemonics), shown as a user would open it. */
    static List<String> items(Menu menu) {
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        List<String> out = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                out.add(item.getText().replace("&", "").replace("...", "\u2026"));
            }
        }
        menu.notifyListeners(SWT.Hide, new Event());
        return out;
    }

    static String label(String itemText) {
        return itemText.replaceAll("\t.*", "");
    }

    static MenuItem topMenu(String name) {
        for (MenuItem item : window().getShell().getMenuBar().getItems()) {
            if (item.getText().replace("&", "").equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " menu");
    }

    static Menu subMenu(Menu menu, String name) {
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        for (MenuItem item : menu.getItems()) {
            if (label(item.getText().replace("&", "")).equals(name) && item.getMenu() != null) {
                return item.getMenu();
            }
        }
        throw new AssertionError("no submenu " + name + " in " + items(menu));
    }

    private static List<IPerspectiveDescriptor> pinscopePerspectives() {
        List<IPerspectiveDescriptor> out = new ArrayList<>();
        for (IPerspectiveDescriptor p : PlatformUI.getWorkbench().getPerspectiveRegistry().getPerspectives()) {
            if (p.getId().startsWith("dev.pinscope.")) {
                out.add(p);
            }
        }
        assertTrue(out.size() >= 2, "Design and Debug perspectives: " + out);
        return out;
    }

    /** Runs {@code check} in every Pinscope perspective with a scenario editor, then a text editor, active. */
    static void inEveryPerspective(java.util.function.BiConsumer<String, IWorkbenchPage> check) throws Exception {
        IWorkbenchPage page = window().getActivePage();
        Path text = Files.createTempFile("pinscope-notes", ".txt");
        Files.writeString(text, "notes\n");
        for (IPerspectiveDescriptor p : pinscopePerspectives()) {
            page.setPerspective(p);
            drain();
            PinscopeWorkbenchAdvisor.openWelcomeExample(page);
            drain();
            check.accept(p.getLabel() + " perspective, scenario editor active", page);
            PinscopeWorkbenchAdvisor.openFile(page, text);
            drain();
            check.accept(p.getLabel() + " perspective, text editor active", page);
        }
    }

    @AfterEach
    void backToDesign() {
        IWorkbenchPage page = window().getActivePage();
        page.closeAllEditors(false);
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId("dev.pinscope.app.perspective.design"));
        drain();
    }

    @Test
    void fileMenuIsNewOpenFileAndExitWithoutIdeLeftovers() throws Exception {
        inEveryPerspective((where, page) -> {
            Menu file = topMenu("File").getMenu();
            List<String> items = items(file);
            List<String> labels = items.stream().map(MenusTest::label).toList();
            assertEquals("New", labels.get(0), where + ": File starts with New ▸ " + labels);
            List<String> newItems = items(subMenu(file, "New")).stream().map(MenusTest::label).toList();
            assertEquals("Pinscope Scenario", newItems.get(0), where + ": File › New " + newItems);
            assertEquals("Other\u2026", newItems.get(newItems.size() - 1), where + ": File › New " + newItems);
            assertEquals(1, labels.stream().filter(l -> l.equals("Open File\u2026")).count(), where + ": one Open File… in " + labels);
            assertEquals("Exit", labels.get(labels.size() - 1), where + ": Exit ends the File menu " + labels);
            for (String leftover : LEFTOVERS) {
                assertFalse(items.stream().anyMatch(i -> i.startsWith(leftover)), where + ": IDE leftover " + leftover + " in " + items);
            }
        });
    }

    /** Opens File with a real click (xdotool), as a user would, and keeps a screenshot of what drops down. */
    @Test
    void fileMenuOpensOnAClickAndIsPhotographed() throws Exception {
        org.eclipse.swt.widgets.Shell shell = window().getShell();
        shell.forceActive();
        drain();
        var bounds = shell.getBounds();
        Display display = Display.getCurrent();
        boolean[] shown = {false};
        topMenu("File").getMenu().addListener(SWT.Show, e -> shown[0] = true);
        new ProcessBuilder("xdotool", "mousemove", String.valueOf(bounds.x + 18), String.valueOf(bounds.y + 12), "click", "1")
                .inheritIO().start().waitFor();
        long end = System.currentTimeMillis() + 5000;
        while (!shown[0] && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                Thread.sleep(20);
            }
        }
        for (int i = 0; i < 25; i++) {
            drain();
            Thread.sleep(20);
        }
        assertTrue(shown[0], "a click on File opens the menu");
        WorkbenchTest.screenshot(shell, "file-menu.png");
        new ProcessBuilder("xdotool", "key", "Escape").inheritIO().start().waitFor();
        drain();
    }

    /**
     * Run › Run/Debug Configurations… are Pinscope's own lazy actions (building the menu bar must not activate Eclipse
     * Debug): in every perspective each is there once, with the platform's wording.
     */
    @Test
    void runMenuHasTheLaunchConfigurationDialogsOnce() throws Exception {
        inEveryPerspective((where, page) -> {
            List<String> run = items(topMenu("Run").getMenu()).stream().map(MenusTest::label).toList();
            for (String item : List.of("Run Configurations\u2026", "Debug Configurations\u2026")) {
                assertEquals(1, run.stream().filter(item::equals).count(), where + ": one " + item + " in " + run);
            }
        });
    }

    @Test
    void noMenuOfTheMenuBarRepeatsAnItemOrShowsAnIdeLeftover() throws Exception {
        inEveryPerspective((where, page) -> {
            for (MenuItem top : window().getShell().getMenuBar().getItems()) {
                List<String> items = items(top.getMenu());
                String name = top.getText().replace("&", "");
                assertEquals(List.of(), duplicates(items), where + ": " + name + " menu repeats an item: " + items);
                for (String leftover : LEFTOVERS) {
                    if (!(name.equals("Run") && leftover.equals("Toggle Breakpoint"))) {
                        assertFalse(items.stream().anyMatch(i -> i.startsWith(leftover)), where + ": " + leftover + " in " + name + " " + items);
                    }
                }
            }
        });
    }

    /**
     * The main tool bar of every perspective, as drawn: each visible button's command (or action) and tool tip.
     * Two buttons doing the same thing — the same command, the same tool tip, or the platform's generic Run/Debug
     * launch buttons beside Pinscope's own Debug/Run Scenario buttons — are a duplicate.
     */
    @Test
    void noPerspectiveToolBarShowsTheSameActionTwice() throws Exception {
        StringBuilder report = new StringBuilder();
        inEveryPerspective((where, page) -> {
            Map<String, String> shown = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (ToolItem item : mainToolItems()) {
                String tip = item.getToolTipText() == null ? "" : item.getToolTipText().replaceAll("\\s*\\(.*", "").strip();
                String id = commandOf(item);
                report.append(where).append(": ").append(id).append(" | ").append(item.getToolTipText()).append('\n');
                for (String key : new String[] {"command " + id, "tool tip " + tip}) {
                    if (key.endsWith(" ") || key.endsWith(" null")) {
                        continue;
                    }
                    if (shown.containsKey(key)) {
                        problems.add(key + " twice");
                    }
                    shown.put(key, tip);
                }
                for (String leftover : LEFTOVERS) {
                    if (tip.startsWith(leftover)) {
                        problems.add("IDE leftover " + tip);
                    }
                }
            }
            boolean pinscopeLaunch = shown.keySet().stream().anyMatch(k -> k.startsWith("command dev.pinscope.debug."));
            boolean genericLaunch = shown.keySet().stream().anyMatch(k -> k.startsWith("command org.eclipse.debug.internal.ui.actions.")
                    && (k.contains("DebugDropDown") || k.contains("RunDropDown")));
            if (pinscopeLaunch && genericLaunch) {
                problems.add("the platform's Run/Debug buttons beside Pinscope's Debug/Run Scenario buttons");
            }
            assertEquals(List.of(), problems, where + " tool bar: " + shown.keySet());
        });
        Path out = Path.of(System.getProperty("pinscope.screenshots", "target/screenshots"), "toolbars.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static List<String> duplicates(List<String> items) {
        List<String> seen = new ArrayList<>();
        List<String> dups = new ArrayList<>();
        for (String i : items) {
            String l = label(i);
            if (seen.contains(l) && !dups.contains(l)) {
                dups.add(l);
            }
            seen.add(l);
        }
        return dups;
    }

    /** The visible tool items of the window's main tool bar (the trim row right under the menu bar). */
    static List<ToolItem> mainToolItems() {
        List<ToolItem> out = new ArrayList<>();
        collect(window().getShell(), window().getShell().toDisplay(0, 0).y, out);
        return out;
    }

    private static void collect(Control c, int shellTop, List<ToolItem> out) {
        if (!c.isVisible() || c instanceof org.eclipse.swt.custom.CTabFolder) {
            return; // views and editors (in tab folders) have their own tool bars
        }
        if (c instanceof ToolBar bar && bar.toDisplay(0, 0).y - shellTop < 60) {
            for (ToolItem item : bar.getItems()) {
                if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                    out.add(item);
                }
            }
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, shellTop, out);
            }
        }
    }

    /** The command id (or action id) behind a tool item, read from its e4 model element or contribution item. */
    static String commandOf(ToolItem item) {
        Object data = item.getData();
        if (data instanceof org.eclipse.jface.action.ActionContributionItem a) {
            String def = a.getAction().getActionDefinitionId();
            return def != null ? def : a.getAction().getId() != null ? a.getAction().getId() : a.getAction().getClass().getName();
        }
        if (data instanceof org.eclipse.ui.menus.CommandContributionItem c) {
            return c.getCommand().getId();
        }
        if (data instanceof org.eclipse.jface.action.IContributionItem ci) {
            try {
                // e4's HandledContributionItem / DirectContributionItem: the model element names the command
                Object model = ci.getClass().getMethod("getModel").invoke(ci);
                try {
                    Object command = model.getClass().getMethod("getCommand").invoke(model);
                    if (command != null) {
                        return (String) command.getClass().getMethod("getElementId").invoke(command);
                    }
                } catch (NoSuchMethodException e) {
                    // a direct item: its own id
                }
                return (String) model.getClass().getMethod("getElementId").invoke(model);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return ci.getId();
            }
        }
        return null;
    }
}
