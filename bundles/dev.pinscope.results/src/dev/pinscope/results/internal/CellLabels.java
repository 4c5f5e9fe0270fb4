package dev.pinscope.results.internal;

import dev.pinscope.results.internal.Rows.Row;
import java.util.List;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;

/**
 * The Results tree's cells: the row's own columns, then the columns other features add (the SPIN check); a row
 * that alarms (a livelock, a violation, a failed expectation) and a contributed cell that disagrees are red, a
 * passed expectation dark green.
 */
final class CellLabels extends LabelProvider implements ITableLabelProvider, ITableColorProvider {
    private final ResultsView view;
    private final List<ResultsView.ExtraColumn> extra;

    CellLabels(ResultsView view, List<ResultsView.ExtraColumn> extra) {
        this.view = view;
        this.extra = extra;
    }

    @Override
    public Image getColumnImage(Object element, int column) {
        return null;
    }

    @Override
    public String getColumnText(Object element, int column) {
        String[] cells = ((Row) element).cells();
        return column < cells.length ? cells[column] : extra.get(column - cells.length).text(view, (Row) element);
    }

    @Override
    public Color getForeground(Object element, int column) {
        Row r = (Row) element;
        Display d = Display.getCurrent();
        if (column >= Rows.COLUMNS.length) {
            return extra.get(column - Rows.COLUMNS.length).red(view, r) ? d.getSystemColor(SWT.COLOR_RED) : null;
        }
        if (r.alarming()) {
            return d.getSystemColor(SWT.COLOR_RED);
        }
        if (r instanceof Rows.ExpectationRow) {
            return d.getSystemColor(SWT.COLOR_DARK_GREEN);
        }
        return null;
    }

    @Override
    public Color getBackground(Object element, int column) {
        return null;
    }
}
