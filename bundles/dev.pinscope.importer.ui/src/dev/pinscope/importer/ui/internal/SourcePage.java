package dev.pinscope.importer.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;

import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Text;

import dev.pinscope.importer.PciResource;
import dev.pinscope.importer.ProcFs;

/** Page 1: a running process (pid, command) or a saved smaps file, and the PCI devices behind its BARs. */
class SourcePage extends WizardPage {

    private Button fromProcess;
    private Button fromFile;
    private Text filter;
    private TableViewer processes;
    private Text file;
    private Button browse;
    private List devices;
    private final ArrayList<String> deviceSpecs = new ArrayList<>();

    SourcePage() {
        super("source");
        setTitle("Address Space from /proc");
        setDescription("Pick a running process, or a saved /proc/PID/smaps (e.g. from a bug report), and the devices it maps.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));

        fromProcess = new Button(c, SWT.RADIO);
        fromProcess.setText("A &running process:");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(fromProcess);
        new Label(c, SWT.NONE).setText("F&ilter:");
        filter = new Text(c, SWT.BORDER | SWT.SEARCH);
        filter.setMessage("pid or command");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(filter);

        processes = new TableViewer(c, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        processes.getTable().setHeaderVisible(true);
        processes.getTable().setLinesVisible(true);
        column(processes, "PID", 70, p -> Long.toString(p.pid()));
        column(processes, "Command", 140, ProcFs.ProcessInfo::command);
        column(processes, "Command line", 420, ProcFs.ProcessInfo::cmdline);
        processes.setContentProvider(ArrayContentProvider.getInstance());
        processes.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                String f = filter.getText().strip().toLowerCase(Locale.ROOT);
                ProcFs.ProcessInfo p = (ProcFs.ProcessInfo) element;
                return f.isEmpty() || Long.toString(p.pid()).startsWith(f) || p.cmdline().toLowerCase(Locale.ROOT).contains(f);
            }
        });
        processes.setInput(new ProcFs().processes());
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(640, 220).applyTo(processes.getControl());
        filter.addListener(SWT.Modify, e -> processes.refresh());

        fromFile = new Button(c, SWT.RADIO);
        fromFile.setText("A saved smaps or maps &file:");
        file = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        browse = new Button(c, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            String chosen = d.open();
            if (chosen != null) {
                file.setText(chosen);
            }
        });

        Label dl = new Label(c, SWT.NONE);
        dl.setText("PCI &devices (sysfs resource files):");
        GridDataFactory.swtDefaults().span(3, 1).applyTo(dl);
        devices = new List(c, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(SWT.DEFAULT, 60).applyTo(devices);
        Composite buttons = new Composite(c, SWT.NONE);
        buttons.setLayout(new GridLayout(1, true));
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("&Add...");
        GridDataFactory.fillDefaults().applyTo(add);
        add.addListener(SWT.Selection, e -> addDevice());
        Button remove = new Button(buttons, SWT.PUSH);
        remove.setText("Re&move");
        GridDataFactory.fillDefaults().applyTo(remove);
        remove.addListener(SWT.Selection, e -> {
            int i = devices.getSelectionIndex();
            if (i >= 0) {
                deviceSpecs.remove(i);
                devices.remove(i);
                validate();
            }
        });

        fromProcess.setSelection(true);
        fromProcess.addListener(SWT.Selection, e -> validate());
        fromFile.addListener(SWT.Selection, e -> validate());
        processes.addSelectionChangedListener(e -> validate());
        file.addListener(SWT.Modify, e -> {
            if (!file.getText().isBlank() && !fromFile.getSelection()) {
                fromFile.setSelection(true);
                fromProcess.setSelection(false);
            }
            validate();
        });
        setControl(c);
        validate();
    }

    private static void column(TableViewer v, String title, int width, java.util.function.Function<ProcFs.ProcessInfo, String> text) {
        TableViewerColumn col = new TableViewerColumn(v, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ProcFs.ProcessInfo) element);
            }
        });
    }

    private void addDevice() {
        IInputValidator check = s -> {
            String bdf = s.contains("=") ? s.substring(0, s.indexOf('=')).strip() : s.strip();
            if (!PciResource.BDF.matcher(bdf).matches()) {
                return "Start with the PCI address, e.g. 0000:01:00.0";
            }
            Path res = s.contains("=") ? Path.of(s.substring(s.indexOf('=') + 1).strip())
                    : Path.of("/sys/bus/pci/devices", bdf, "resource");
            return Files.isReadable(res) ? null : res + " cannot be read";
        };
        InputDialog d = new InputDialog(getShell(), "Add PCI Device",
                "PCI address, then '=' and its saved resource file; the address alone reads /sys/bus/pci/devices/BDF/resource:",
                "", check);
        if (d.open() == InputDialog.OK) {
            addDevice(d.getValue().strip());
        }
    }

    /** Adds {@code BDF} or {@code BDF=RESOURCE_FILE} to the device list. */
    void addDevice(String spec) {
        deviceSpecs.add(spec);
        devices.add(spec);
        validate();
    }

    private void validate() {
        boolean proc = fromProcess.getSelection();
        processes.getControl().setEnabled(proc);
        filter.setEnabled(proc);
        String error = null;
        if (proc && selectedProcess() == null) {
            error = "Select a process.";
        } else if (!proc && file.getText().isBlank()) {
            error = "Enter the smaps file.";
        } else if (!proc && !Files.isRegularFile(Path.of(file.getText().strip()))) {
            error = file.getText().strip() + " is not a file.";
        }
        setErrorMessage(null);
        setMessage(error == null ? null : error, INFORMATION);
        setPageComplete(error == null);
    }

    ProcFs.ProcessInfo selectedProcess() {
        Object o = ((IStructuredSelection) processes.getSelection()).getFirstElement();
        return o instanceof ProcFs.ProcessInfo p ? p : null;
    }

    boolean fromProcess() {
        return fromProcess.getSelection();
    }

    Path file() {
        return Path.of(file.getText().strip());
    }

    java.util.List<String> deviceSpecs() {
        return java.util.List.copyOf(deviceSpecs);
    }

    // for the UI tests: what a user clicks and types
    TableViewer processesViewer() {
        return processes;
    }

    void useFile(String path) {
        file.setText(path);
    }

    void useProcess(long pid) {
        fromFile.setSelection(false);
        fromProcess.setSelection(true);
        filter.setText(Long.toString(pid));
        Object match = null;
        for (Object o : (java.util.List<?>) processes.getInput()) {
            if (((ProcFs.ProcessInfo) o).pid() == pid) {
                match = o;
            }
        }
        if (match == null) { // started after the page listed the processes
            processes.setInput(new ProcFs().processes());
            for (Object o : (java.util.List<?>) processes.getInput()) {
                if (((ProcFs.ProcessInfo) o).pid() == pid) {
                    match = o;
                }
            }
        }
        if (match == null) {
            throw new IllegalArgumentException("no process " + pid);
        }
        processes.setSelection(new org.eclipse.jface.viewers.StructuredSelection(match), true);
        validate();
    }
}
