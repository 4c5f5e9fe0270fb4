package dev.pinscope.importer;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.FaultBehavior;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * Turns an {@link ImportPlan} into a scenario with {@link ScenarioBuilder}: the devices and their memory
 * BARs, the chosen VMAs with the flags the model has (the other VmFlags codes stay in the description
 * as a note and come back as warnings), each BAR mmap linked to its BAR at its pgoff, and the pinner.
 * The description says where the data came from (host, pid, file, date).
 */
public final class ScenarioImporter {

    /** The imported scenario, not yet validated, and what the user should know about it. */
    public record ImportResult(Scenario scenario, List<String> warnings) {
    }

    /** The pinner's name in an imported scenario. */
    public static final String PINNER = "pinner";

    /** The name of the numa_maps walker an import may add. */
    public static final String WALKER = "numa_maps";

    private ScenarioImporter() {
    }

    public static ImportResult build(ImportPlan plan) {
        List<String> warnings = new ArrayList<>();
        ImportPlan.Provenance from = plan.provenance();
        String name = from.pid().isPresent() ? from.command() + "-" + from.pid().getAsLong()
                : fileName(from.source()).replaceFirst("\\.[^.]*$", "");
        ScenarioBuilder b = ScenarioBuilder.named(name.isBlank() ? "imported" : name);

        // devices: BARs the model can hold (a power of two of at least 4K, memory)
        for (PciResource d : plan.devices()) {
            b.device(d.bdf());
            for (PciResource.Region r : d.regions()) {
                if (!r.memory()) {
                    warnings.add(d.bdf() + " BAR " + r.index() + " (" + r.kind() + ") is not memory: vfio-pci cannot mmap it; not imported");
                } else if (Long.bitCount(r.size()) != 1 || r.size() < Sizes.PAGE_SIZE) {
                    warnings.add(d.bdf() + " BAR " + r.index() + " of " + r.size() + " bytes is smaller than a page: vfio-pci "
                            + "cannot mmap it; not imported");
                } else {
                    b.bar(r.index(), r.start(), r.size());
                }
            }
        }

        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> unmodelled = new TreeMap<>();
        Map<String, Integer> unknown = new TreeMap<>();
        List<String> flagNotes = new ArrayList<>();
        List<String> leafNotes = new ArrayList<>();
        Map<String, ImportPlan.Row> barRows = new HashMap<>();
        List<String> pfnmapWithoutBar = new ArrayList<>();
        boolean la57 = false;
        String walkerVma = null;
        for (ImportPlan.Row row : plan.rows()) {
            SmapsVma v = row.vma();
            MapsLine m = v.maps();
            if (row.skipReason() != null) {
                warnings.add(label(m, row) + " " + range(m) + " is " + row.skipReason() + "; not imported");
                continue;
            }
            if (!row.include()) {
                continue;
            }
            String base = label(m, row);
            int k = seen.merge(base, 1, Integer::sum);
            String vmaName = k == 1 ? base : base + "#" + k;
            b.vma(vmaName, m.start(), m.size(), v.modelFlags().toArray(VmFlag[]::new));
            la57 |= Long.compareUnsigned(m.end(), ScenarioValidator.TASK_SIZE_4LEVEL) > 0;
            if (!v.unmodelledCodes().isEmpty() || !v.unknownCodes().isEmpty()) {
                flagNotes.add("  " + vmaName + " " + range(m) + ": " + String.join(" ", v.unmodelledCodes())
                        + (v.unknownCodes().isEmpty() ? "" : " (unknown: " + String.join(" ", v.unknownCodes()) + ")"));
            }
            v.unmodelledCodes().forEach(c -> unmodelled.merge(c, 1, Integer::sum));
            v.unknownCodes().forEach(c -> unknown.merge(c, 1, Integer::sum));
            String hint = plan.leafHint(row);
            if (!hint.isEmpty()) {
                leafNotes.add("  " + vmaName + ": " + hint);
            }
            if (row == plan.walker()) {
                walkerVma = vmaName;
            }
            if (row.mapsBar()) {
                barRows.put(vmaName, row);
            } else if (v.modelFlags().contains(VmFlag.VM_PFNMAP)) {
                pfnmapWithoutBar.add(vmaName);
                if (v.isVfioBar()) {
                    warnings.add(vmaName + " " + range(m) + " is a vfio BAR " + v.vfioRegionIndex() + " mmap but no device given "
                            + "holds it; imported as a plain VM_PFNMAP VMA (give the device's resource file with --pci BDF=FILE)");
                }
            }
        }
        if (plan.hasPinner()) {
            b.pinner(PINNER, plan.pinStart(), plan.pinSize());
        }
        if (walkerVma != null) {
            b.walker(WALKER, walkerVma, 1);
        } else if (plan.walker() != null) {
            warnings.add("the numa_maps walker's VMA was not imported; no walker added");
        }
        boolean wide = la57;
        b.kernel(kc -> kc.setLa57(wide));
        b.description(description(plan, flagNotes, leafNotes));
        Scenario s = b.build();

        // link the BAR mmaps (the builder's barVma() would replace the real VmFlags with vfio's defaults)
        for (Vma vma : s.getAddressSpace().getVmas()) {
            ImportPlan.Row row = barRows.get(vma.getName());
            if (row != null) {
                Bar bar = findBar(s, row.device(), row.bar());
                if (bar == null) {
                    warnings.add(vma.getName() + " maps " + row.device() + " BAR " + row.bar() + ", which was not imported; left unlinked");
                } else {
                    vma.setBar(bar);
                    vma.setPgoff(row.vma().vfioPgoff());
                }
                if (plan.candidates(row).size() > 1) {
                    warnings.add(vma.getName() + " fits BAR " + row.bar() + " of several devices; mapped to " + row.device()
                            + " (choose another in the wizard)");
                }
            } else if (pfnmapWithoutBar.contains(vma.getName())) {
                // no PFN is known for another driver's PFNMAP (e.g. [vvar]): a fault there installs nothing
                vma.setFaultBehavior(FaultBehavior.NO_INSTALL);
            }
        }
        unmodelled.forEach((c, n) -> warnings.add("VmFlags '" + c + "' (" + VmFlagMnemonic.of(c).orElseThrow().meaning() + ") on " + n
                + (n == 1 ? " VMA" : " VMAs") + " is not in the model; kept as a note in the description"));
        unknown.forEach((c, n) -> warnings.add("VmFlags '" + c + "' on " + n + (n == 1 ? " VMA" : " VMAs")
                + " is not documented in proc.rst; kept as a note in the description"));
        return new ImportResult(s, List.copyOf(warnings));
    }

    private static Bar findBar(Scenario s, String bdf, int index) {
        for (Device d : s.getDevices()) {
            if (d.getName().equals(bdf)) {
                for (Bar bar : d.getBars()) {
                    if (bar.getIndex() == index) {
                        return bar;
                    }
                }
            }
        }
        return null;
    }

    private static String description(ImportPlan plan, List<String> flagNotes, List<String> leafNotes) {
        ImportPlan.Provenance from = plan.provenance();
        StringBuilder d = new StringBuilder("Imported from ").append(from.source());
        if (from.pid().isPresent()) {
            d.append(" (pid ").append(from.pid().getAsLong()).append(", ").append(from.command()).append(")");
        }
        d.append(" on host ").append(from.host()).append(" at ")
                .append(DateTimeFormatter.ISO_INSTANT.format(from.date().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)))
                .append(" by pinscope import.");
        for (PciResource r : plan.devices()) {
            d.append("\nDevice ").append(r.bdf()).append(" from ").append(r.source()).append(".");
        }
        if (plan.hasPinner()) {
            d.append("\nPinner: VFIO_IOMMU_MAP_DMA of ").append(Sizes.format(plan.pinSize())).append(" at ")
                    .append(Hex.format(plan.pinStart())).append(".");
        }
        if (plan.walkerNote() != null) {
            d.append("\nnuma_maps: ").append(plan.walkerNote()).append(".");
        }
        if (!flagNotes.isEmpty()) {
            d.append("\nVmFlags the model does not have:\n").append(String.join("\n", flagNotes));
        }
        if (!leafNotes.isEmpty()) {
            d.append("\nHuge leaves:\n").append(String.join("\n", leafNotes));
        }
        return d.toString();
    }

    /** A short VMA name as a kernel developer reads a maps line: the file's name, [heap], anon, vfio BAR2. */
    static String label(MapsLine m, ImportPlan.Row row) {
        String p = m.path().replaceFirst(" \\(deleted\\)$", "");
        if (row != null && row.vma().isVfioBar()) {
            return (row.mapsBar() ? row.device() + " " : "vfio ") + "BAR" + row.vma().vfioRegionIndex();
        }
        if (p.isEmpty()) {
            return "anon";
        }
        if (p.startsWith("[") || !p.contains("/")) {
            return p;
        }
        String f = fileName(p);
        return f.isEmpty() ? p : f;
    }

    private static String range(MapsLine m) {
        return "[" + Hex.format(m.start()) + "-" + Hex.format(m.end()) + ")";
    }

    private static String fileName(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }
}
