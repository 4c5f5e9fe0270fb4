package dev.pinscope.app.internal.sketch;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.LineBorder;
import org.eclipse.draw2d.BorderLayout;
import org.eclipse.draw2d.PositionConstants;
import org.eclipse.draw2d.RoundedRectangle;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** A rounded box coloured by the kind of kernel object it stands for. */
public class NodeFigure extends RoundedRectangle {

    private final Label label = new Label();

    public NodeFigure(SketchNode.Kind kind) {
        // labels sit at the top so nested boxes (an entry inside its VMA) do not hide them
        setLayoutManager(new BorderLayout());
        label.setLabelAlignment(PositionConstants.LEFT);
        setBackgroundColor(colorFor(kind));
        setForegroundColor(ColorConstants.darkGray);
        setBorder(new LineBorder(ColorConstants.gray, 1));
        add(label, BorderLayout.TOP);
    }

    public void setText(String text) {
        label.setText(text);
        setToolTip(new Label(text));
    }

    public String getText() {
        return label.getText();
    }

    private static Color colorFor(SketchNode.Kind kind) {
        Display d = Display.getDefault();
        return switch (kind) {
            case VMA -> new Color(d, 221, 232, 245);
            case PUD_ENTRY -> new Color(d, 242, 177, 52);
            case DEVICE -> new Color(d, 206, 230, 208);
            case PINNER -> new Color(d, 240, 210, 210);
        };
    }
}
