package dev.pinscope.diagram.internal.parts;

import java.util.function.Supplier;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.tools.CellEditorLocator;
import org.eclipse.gef.tools.DirectEditManager;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.widgets.Text;

import dev.pinscope.diagram.internal.commands.RenameCommand;

/** In-place editing of an element's name over the figure's name text. */
public class NameDirectEditManager extends DirectEditManager {

    public NameDirectEditManager(GraphicalEditPart part, Supplier<Rectangle> nameBounds) {
        super(part, TextCellEditor.class, new Locator(part, nameBounds));
    }

    @Override
    protected void initCellEditor() {
        EObject o = (EObject) getEditPart().getModel();
        EStructuralFeature f = RenameCommand.nameFeature(o);
        Object name = f == null ? null : o.eGet(f);
        getCellEditor().setValue(name == null ? "" : name.toString());
        ((Text) getCellEditor().getControl()).selectAll();
    }

    private record Locator(GraphicalEditPart part, Supplier<Rectangle> nameBounds) implements CellEditorLocator {
        @Override
        public void relocate(CellEditor celleditor) {
            Text text = (Text) celleditor.getControl();
            Rectangle r = nameBounds.get().getCopy();
            part.getFigure().translateToAbsolute(r);
            var pref = text.computeSize(-1, -1);
            text.setBounds(r.x - 2, r.y - 2, Math.max(r.width, pref.x + 20), pref.y + 2);
        }
    }
}
