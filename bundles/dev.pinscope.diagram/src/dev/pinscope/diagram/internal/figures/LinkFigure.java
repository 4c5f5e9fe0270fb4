package dev.pinscope.diagram.internal.figures;

import org.eclipse.draw2d.ConnectionLocator;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** A reference or derived link, with a kernel-notation label (e.g. {@code pgoff 0x0}). */
public class LinkFigure extends PolylineConnection {

    private final Label label = new Label();

    public LinkFigure() {
        setTargetDecoration(new PolygonDecoration());
        label.setOpaque(true);
        label.setBackgroundColor(Colors.white());
        label.setFont(Colors.normal());
        ConnectionLocator at = new ConnectionLocator(this, ConnectionLocator.MIDDLE);
        add(label, at);
    }

    public void setStyle(Color color, boolean dashed, String text) {
        setForegroundColor(color);
        setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
        label.setForegroundColor(color);
        label.setText(text == null ? "" : text);
        label.setVisible(text != null && !text.isEmpty());
    }

    public String getLabelText() {
        return label.getText();
    }
}
