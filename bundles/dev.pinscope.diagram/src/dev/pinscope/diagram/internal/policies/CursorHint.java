package dev.pinscope.diagram.internal.policies;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.MarginBorder;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.LayerManager;

import dev.pinscope.diagram.internal.commands.Refused;
import dev.pinscope.diagram.internal.figures.Colors;
import dev.pinscope.diagram.internal.parts.DiagramContext;

/**
 * The line beside the cursor while a tool hovers or drags: what the edit will do ("Move bar0 to
 * 0x7f0000200000") or why it will not, the latter also in the status line, so no click is refused
 * without a word.
 */
final class CursorHint {

    private final GraphicalEditPart host;
    private final DiagramContext context;
    private Label label;

    CursorHint(GraphicalEditPart host, DiagramContext context) {
        this.host = host;
        this.context = context;
    }

    void show(Command command, Point mouse) {
        if (mouse == null) {
            return;
        }
        String text = command == null ? null : command.getLabel();
        boolean refused = command instanceof Refused;
        context.status(refused ? text : null);
        if (text == null || text.isEmpty()) {
            erase();
            return;
        }
        IFigure layer = LayerManager.Helper.find(host).getLayer(LayerConstants.FEEDBACK_LAYER);
        if (label == null) {
            label = new Label();
            label.setOpaque(true);
            label.setFont(Colors.normal());
            label.setBorder(new MarginBorder(1, 4, 1, 4));
            layer.add(label);
        }
        label.setText(text);
        label.setForegroundColor(refused ? Colors.white() : Colors.TEXT);
        label.setBackgroundColor(refused ? Colors.ERROR : Colors.BAR_FILL);
        Dimension size = label.getPreferredSize();
        // right of and below the cursor, or left of it where the window would cut the text off
        Point p = mouse.getCopy().translate(16, 18);
        Dimension shown = size.getCopy();
        label.getParent().translateToAbsolute(shown);
        int visible = host.getViewer().getControl().getSize().x;
        if (p.x + shown.width > visible - 4) {
            p.x = Math.max(2, mouse.x - 8 - shown.width);
        }
        label.translateToRelative(p);
        label.setBounds(new Rectangle(p.x, p.y, size.width, size.height));
    }

    void erase() {
        if (label != null) {
            if (label.getParent() != null) {
                label.getParent().remove(label);
            }
            label = null;
        }
    }

    /** The hint's text while it is shown (for tests). */
    String text() {
        return label == null ? null : label.getText();
    }
}
