package dev.pinscope.app.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.ToolItem;

/**
 * GTK keeps a tool item's tool tip up while the item's drop-down menu opens under it, where it covers the first
 * entries (the debug button's policy list). While a drop-down is open its tool item has no tool tip; the tool tip
 * comes back when the menu closes.
 */
public final class DropDownTooltips {

    private static final String SAVED = DropDownTooltips.class.getName();
    private static final List<ToolItem> QUIET = new ArrayList<>();

    private DropDownTooltips() {
    }

    public static void install(Display display) {
        display.addFilter(SWT.Selection, DropDownTooltips::arrowPressed);
        display.addFilter(SWT.Hide, DropDownTooltips::menuHidden);
    }

    private static void arrowPressed(Event e) {
        if (e.widget instanceof ToolItem item && e.detail == SWT.ARROW && item.getToolTipText() != null) {
            item.setData(SAVED, item.getToolTipText());
            item.setToolTipText(null);
            QUIET.add(item);
        }
    }

    private static void menuHidden(Event e) {
        if (!(e.widget instanceof Menu) || QUIET.isEmpty()) {
            return;
        }
        // after the menu's own Hide listeners (and a selected entry's action) have run
        e.display.asyncExec(() -> {
            for (ToolItem item : QUIET) {
                if (!item.isDisposed() && item.getToolTipText() == null && item.getData(SAVED) instanceof String tip) {
                    item.setToolTipText(tip);
                }
            }
            QUIET.clear();
        });
    }

    /** True while {@code item}'s drop-down is open and its tool tip is held back. */
    public static boolean isQuiet(ToolItem item) {
        return QUIET.contains(item);
    }
}
