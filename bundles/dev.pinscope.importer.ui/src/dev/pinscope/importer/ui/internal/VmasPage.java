package dev.pinscope.importer.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.pinscope.importer.ImportPlan;
import dev.pinscope.importer.PciResource;
import dev.pinscope.importer.SmapsVma;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;

/**
 * Page 2: the VMAs with their flags; the checked ones are imported. The vfio BAR mmaps are preselected
 * and each is mapped to a device and BAR (editable in the Device and BAR columns).
 */
final class VmasPage extends WizardPage {

    static final String NONE = "(none)";
    static final String[] BARS = { "0", "1", "2", "3", "4", "5" };

    private CheckboxTableViewer table;
    private Label summary;
    private ImportPlan plan;
    private Font bold;

    VmasPage() {
        super("vmas");
        setTitle("VMAs");
        setDescription("Check the VMAs to import; map each vfio BAR mmap (preselected, in bold) to its device and BAR.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        summary = new Label(c, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        Button bars = new Button(c, SWT.PUSH);
        bars.setText("Only vfio &BAR mmaps");
        bars.addListener(SWT.Selection, e -> checkAll(false));
        Button all = new Button(c, SWT.PUSH);
        all.setText("&All VMAs");
        all.addListener(SWT.Selection, e -> checkAll(true));

        table = CheckboxTableViewer.newCheckList(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        bold = org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(org.eclipse.jface.resource.JFaceResources.DIALOG_FONT);
        column("Start", 125, r -> Hex.format(r.vma().maps().start()));
        column("End", 125, r -> Hex.format(r.vma().maps().end()));
        column("Size", 60, r -> Sizes.format(r.vma().maps().size()));
        column("Perms", 50, r -> r.vma().maps().perms());
        column("VmFlags", 190, r -> r.vma().hasVmFlags() ? String.join(" ", r.vma().vmFlags()) : "");
        column("Path", 170, r -> r.vma().maps().path());
        TableViewerColumn device = column("Device", 100, r -> r.device() == null ? "" : r.device());
        device.setEditingSupport(new DeviceEditing());
        TableViewerColumn bar = column("BAR", 45, r -> r.bar() < 0 ? "" : Integer.toString(r.bar()));
        bar.setEditingSupport(new BarEditing());
        column("Leaves", 170, r -> r.skipReason() != null ? "not importable: " + r.skipReason() : plan.leafHint(r));
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setCheckStateProvider(new org.eclipse.jface.viewers.ICheckStateProvider() {
            @Override
            public boolean isChecked(Object element) {
                return ((ImportPlan.Row) element).include();
            }

            @Override
            public boolean isGrayed(Object element) {
                return ((ImportPlan.Row) element).skipReason() != null;
            }
        });
        table.addCheckStateListener(e -> {
            ImportPlan.Row r = (ImportPlan.Row) e.getElement();
            r.setInclude(e.getChecked());
            table.update(r, null);
            update();
        });
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(1040, 320).applyTo(table.getControl());
        setControl(c);
    }

    private TableViewerColumn column(String title, int width, Function<ImportPlan.Row, String> text) {
        TableViewerColumn col = new TableViewerColumn(table, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ImportPlan.Row) element);
            }

            @Override
            public Font getFont(Object element) {
                return ((ImportPlan.Row) element).vma().isVfioBar() ? bold : null;
            }
        });
        return col;
    }

    /** Shows {@code p}: the VMAs as the plan has them (the wizard preselects before calling this). */
    void setPlan(ImportPlan p) {
        this.plan = p;
        table.setInput(p.rows());
        List<ImportPlan.Row> bars = p.rows().stream().filter(r -> r.vma().isVfioBar()).toList();
        if (!bars.isEmpty()) {
            table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(bars), true);
        }
        update();
    }

    private void checkAll(boolean all) {
        for (ImportPlan.Row r : plan.rows()) {
            r.setInclude(all || r.vma().isVfioBar());
        }
        table.refresh();
        update();
    }

    private void update() {
        long checked = plan.rows().stream().filter(ImportPlan.Row::include).count();
        long bars = plan.rows().stream().filter(r -> r.vma().isVfioBar()).count();
        long mapped = plan.rows().stream().filter(r -> r.include() && r.mapsBar()).count();
        summary.setText(String.format("%s: %d VMAs, %d checked; %d vfio BAR mmaps, %d mapped to a device BAR.",
                plan.smaps().source(), plan.rows().size(), checked, bars, mapped));
        summary.getParent().layout(true);
        setPageComplete(checked > 0);
        setMessage(checked > 0 ? null : "Check at least one VMA.", INFORMATION);
    }

    CheckboxTableViewer viewer() {
        return table;
    }

    /** Device column: the devices given on page 1, or none (a plain VM_PFNMAP VMA). */
    private final class DeviceEditing extends EditingSupport {
        DeviceEditing() {
            super(table);
        }

        private String[] choices() {
            List<String> c = new ArrayList<>();
            c.add(NONE);
            plan.devices().stream().map(PciResource::bdf).forEach(c::add);
            return c.toArray(String[]::new);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return new ComboBoxCellEditor(table.getTable(), choices(), SWT.READ_ONLY);
        }

        @Override
        protected boolean canEdit(Object element) {
            ImportPlan.Row r = (ImportPlan.Row) element;
            return r.skipReason() == null && r.vma().modelFlags().contains(dev.pinscope.model.scenario.VmFlag.VM_PFNMAP);
        }

        @Override
        protected Object getValue(Object element) {
            ImportPlan.Row r = (ImportPlan.Row) element;
            return r.device() == null ? 0 : Math.max(0, List.of(choices()).indexOf(r.device()));
        }

        @Override
        protected void setValue(Object element, Object value) {
            ImportPlan.Row r = (ImportPlan.Row) element;
            int i = (Integer) value;
            String d = i <= 0 ? null : choices()[i];
            SmapsVma v = r.vma();
            r.mapTo(d, r.bar() >= 0 ? r.bar() : Math.min(v.vfioRegionIndex(), SmapsVma.VFIO_PCI_BAR5_REGION_INDEX));
            table.update(r, null);
            update();
        }
    }

    /** BAR column: 0-5; the default is the region index the mmap offset encodes. */
    private final class BarEditing extends EditingSupport {
        BarEditing() {
            super(table);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return new ComboBoxCellEditor(table.getTable(), BARS, SWT.READ_ONLY);
        }

        @Override
        protected boolean canEdit(Object element) {
            return ((ImportPlan.Row) element).device() != null;
        }

        @Override
        protected Object getValue(Object element) {
            return Math.max(0, ((ImportPlan.Row) element).bar());
        }

        @Override
        protected void setValue(Object element, Object value) {
            ImportPlan.Row r = (ImportPlan.Row) element;
            r.mapTo(r.device(), (Integer) value);
            table.update(r, null);
            update();
        }
    }
}
