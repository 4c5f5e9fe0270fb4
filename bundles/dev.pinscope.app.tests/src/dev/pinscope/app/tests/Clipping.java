package dev.pinscope.app.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;

/**
 * Finds text a dialog cuts: a label, link, check box or button whose preferred size at the current (default) font
 * is larger than the bounds the layout gave it, or that lies partly outside its parent's visible area.
 */
final class Clipping {

    private Clipping() {
    }

    /** One line per cut text: what it says and by how much it is cut. */
    static List<String> in(Shell shell) {
        List<String> cut = new ArrayList<>();
        walk(shell, cut);
        return cut;
    }

    private static void walk(Control c, List<String> cut) {
        if (c.isDisposed() || !c.isVisible()) {
            return;
        }
        String text = switch (c) {
            case Label l when (l.getStyle() & SWT.SEPARATOR) == 0 -> l.getText();
            case Link l -> l.getText();
            case Button b -> b.getText();
            default -> null;
        };
        if (text != null && !text.isBlank()) {
            Point size = c.getSize();
            boolean wraps = (c.getStyle() & SWT.WRAP) != 0 || c instanceof Link;
            // a wrapping text may take more lines at its width; a single-line one needs its whole width
            Point wanted = wraps ? c.computeSize(size.x, SWT.DEFAULT) : c.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            if (!wraps && wanted.x > size.x) {
                cut.add("\"" + text + "\": " + size.x + " of " + wanted.x + " px wide");
            } else if (wanted.y > size.y + 1) {
                cut.add("\"" + text + "\": " + size.y + " of " + wanted.y + " px high");
            }
            Composite parent = c.getParent();
            Rectangle visible = parent.getClientArea();
            Rectangle b = c.getBounds();
            if (!(parent instanceof org.eclipse.swt.custom.ScrolledComposite) && size.x > 0
                    && (b.x + b.width > visible.x + visible.width + 1 || b.y + b.height > visible.y + visible.height + 1)) {
                cut.add("\"" + text + "\": " + b + " outside its parent's " + visible);
            }
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                walk(child, cut);
            }
        }
    }
}
