package dev.pinscope.results.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuCreator;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;

/**
 * A tool bar button with a drop-down menu (the Results view's Export): the arrow and the button both open the
 * menu. It stands in for a view menu: a view that has a view menu gets a second tool bar in its part stack's tab
 * row, and when the stack is narrow the platform wraps that one onto a row of its own that it does not always
 * leave room for, so it covered the view's first line.
 */
final class DropDownAction extends Action implements IMenuCreator {
    private final MenuManager items;
    private Menu menu;

    DropDownAction(String text, MenuManager items) {
        super(text, AS_DROP_DOWN_MENU);
        this.items = items;
        setMenuCreator(this);
    }

    /** The menu's entries, for the tests and for whoever reads the tool bar from code. */
    MenuManager items() {
        return items;
    }

    @Override
    public void runWithEvent(org.eclipse.swt.widgets.Event event) {
        // a click on the button itself opens the menu below it, as the arrow does
        Widget w = event.widget;
        if (w instanceof ToolItem item) {
            ToolBar bar = item.getParent();
            Rectangle r = item.getBounds();
            Point at = bar.toDisplay(r.x, r.y + r.height);
            Menu m = getMenu(bar);
            m.setLocation(at);
            m.setVisible(true);
        }
    }

    @Override
    public Menu getMenu(Control parent) {
        dispose();
        // the menu just disposed took the entries' widgets with it, and the manager, not dirty, would fill the new
        // one with nothing: the drop-down opened empty from its second use on (after the first export)
        items.markDirty();
        menu = items.createContextMenu(parent);
        return menu;
    }

    @Override
    public Menu getMenu(Menu parent) {
        return null;
    }

    @Override
    public void dispose() {
        if (menu != null && !menu.isDisposed()) {
            menu.dispose();
        }
        menu = null;
    }
}
