package dev.pinscope.app.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.forms.widgets.FormText;
import org.eclipse.ui.forms.widgets.Hyperlink;
import org.eclipse.ui.forms.widgets.Section;

import dev.pinscope.app.internal.PartHelp;

/** What the Help view and the help window display, read from their widgets, and a condition wait for the UI. */
final class HelpTexts {

    static final String HELP_VIEW = "org.eclipse.help.ui.HelpView";

    private HelpTexts() {
    }

    /**
     * Every text the Help view shows: section titles, labels, links and the paragraphs of its form texts. A
     * FormText has no text getter; its model's accessible text is what it paints (and what a screen reader reads).
     */
    static List<String> helpView(IWorkbenchPage page) {
        IViewPart help = page.findView(HELP_VIEW);
        List<String> out = new ArrayList<>();
        if (help != null && PartHelp.partControl(help) instanceof Control root) {
            collect(root, out);
        }
        return out;
    }

    private static void collect(Control c, List<String> out) {
        if (c.isDisposed() || !c.isVisible()) {
            return;
        }
        String text = switch (c) {
            case Section s -> s.getText();
            case Hyperlink h -> h.getText();
            case Label l -> l.getText();
            case FormText f -> formText(f);
            default -> null;
        };
        if (text != null && !text.isBlank()) {
            out.add(text);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    private static String formText(FormText text) {
        try {
            var field = FormText.class.getDeclaredField("model");
            field.setAccessible(true);
            Object model = field.get(text);
            return (String) model.getClass().getMethod("getAccessibleText").invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the Help view's text", e);
        }
    }

    /** Runs the event loop until {@code done} holds or {@code timeoutMillis} passed; returns whether it holds. */
    static boolean waitUntil(BooleanSupplier done, long timeoutMillis) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { }); // wake the loop up to re-check what runs off the UI thread
                display.sleep();
            }
        }
        return true;
    }
}
