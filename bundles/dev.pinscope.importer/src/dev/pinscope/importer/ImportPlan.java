package dev.pinscope.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.pinscope.model.units.Sizes;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * What to import: the VMAs of an smaps file, which of them to keep, which device and BAR each vfio
 * BAR mmap maps, and the range a pinner pins. {@link #propose} fills it the way a user would most
 * often want it (every VMA, the vfio BAR mmaps mapped to the given devices, a pinner over the first
 * of them); the CLI takes that as it is, the wizard lets the user change it; {@link ScenarioImporter}
 * turns it into a scenario.
 */
public final class ImportPlan {

    /** Where the data came from: said in the scenario's description. */
    public record Provenance(String host, OptionalLong pid, String command, String source, Instant date) {
        public static Provenance ofPid(long pid, String command, String source) {
            return new Provenance(ProcFs.hostName(), OptionalLong.of(pid), command, source, Instant.now());
        }

        public static Provenance ofFile(String file) {
            return new Provenance(ProcFs.hostName(), OptionalLong.empty(), null, file, Instant.now());
        }
    }

    /** One VMA of the file and what becomes of it. */
    public static final class Row {
        private final SmapsVma vma;
        private final String skipReason;
        private boolean include;
        private String device;
        private int bar = -1;

        Row(SmapsVma vma, String skipReason) {
            this.vma = vma;
            this.skipReason = skipReason;
            this.include = skipReason == null;
        }

        public SmapsVma vma() {
            return vma;
        }

        /** Why this VMA cannot be imported (outside the user address space), null when it can. */
        public String skipReason() {
            return skipReason;
        }

        public boolean include() {
            return include;
        }

        public void setInclude(boolean include) {
            this.include = include && skipReason == null;
        }

        /** The PCI address of the device whose BAR this VMA maps, null for none. */
        public String device() {
            return device;
        }

        /** The BAR index (0-5), -1 for none. */
        public int bar() {
            return bar;
        }

        /** Maps this VMA to BAR {@code bar} of {@code device}; {@code (null, -1)} makes it a plain VMA. */
        public void mapTo(String device, int bar) {
            this.device = device;
            this.bar = device == null ? -1 : bar;
        }

        public boolean mapsBar() {
            return device != null && bar >= 0;
        }
    }

    private final Smaps smaps;
    private final List<PciResource> devices;
    private final List<Row> rows;
    private final Provenance provenance;
    private long pinStart;
    private long pinSize;
    private Row walker;
    private String walkerNote;

    private ImportPlan(Smaps smaps, List<PciResource> devices, Provenance provenance) {
        this.smaps = smaps;
        this.devices = List.copyOf(devices);
        this.provenance = provenance;
        List<Row> r = new ArrayList<>();
        long top = smaps.vmas().stream().anyMatch(v -> Long.compareUnsigned(v.maps().end(), ScenarioValidator.TASK_SIZE_4LEVEL) > 0
                && Long.compareUnsigned(v.maps().end(), ScenarioValidator.TASK_SIZE_5LEVEL) <= 0)
                        ? ScenarioValidator.TASK_SIZE_5LEVEL : ScenarioValidator.TASK_SIZE_4LEVEL;
        for (SmapsVma v : smaps.vmas()) {
            String skip = null;
            if (Long.compareUnsigned(v.maps().end(), top) > 0) {
                skip = "above TASK_SIZE " + dev.pinscope.model.units.Hex.format(top) + ": kernel-provided, not a user mapping";
            } else if (Long.compareUnsigned(v.maps().start(), ScenarioValidator.MMAP_MIN_ADDR) < 0) {
                skip = "below mmap_min_addr " + dev.pinscope.model.units.Hex.format(ScenarioValidator.MMAP_MIN_ADDR);
            }
            r.add(new Row(v, skip));
        }
        this.rows = List.copyOf(r);
    }

    /**
     * The default plan: every VMA in the user address space; each vfio BAR mmap mapped to the first
     * device whose BAR (the region index in offset bits 40 and up) holds it; a pinner over the first
     * mapped BAR mmap, the whole of it.
     */
    public static ImportPlan propose(Smaps smaps, List<PciResource> devices, Provenance provenance) {
        ImportPlan plan = new ImportPlan(smaps, devices, provenance);
        for (Row row : plan.rows) {
            if (row.include() && row.vma().isVfioBar()) {
                plan.candidates(row).stream().findFirst().ifPresent(d -> row.mapTo(d.bdf(), row.vma().vfioRegionIndex()));
            }
        }
        plan.rows.stream().filter(r -> r.include() && r.mapsBar()).findFirst()
                .ifPresent(r -> plan.setPinner(r.vma().maps().start(), r.vma().maps().size()));
        return plan;
    }

    /** The devices that have the BAR a vfio BAR mmap's offset names, large enough to hold the mapping. */
    public List<PciResource> candidates(Row row) {
        SmapsVma v = row.vma();
        return devices.stream().filter(d -> d.region(v.vfioRegionIndex()).filter(PciResource.Region::memory)
                .filter(b -> Long.compareUnsigned((v.vfioPgoff() << Sizes.PAGE_SHIFT) + v.maps().size(), b.size()) <= 0)
                .isPresent()).toList();
    }

    public Smaps smaps() {
        return smaps;
    }

    public List<PciResource> devices() {
        return devices;
    }

    public Optional<PciResource> device(String bdf) {
        return devices.stream().filter(d -> d.bdf().equals(bdf)).findFirst();
    }

    public List<Row> rows() {
        return rows;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Pins {@code [start, start + size)}; size 0 removes the pinner. */
    public void setPinner(long start, long size) {
        this.pinStart = start;
        this.pinSize = size;
    }

    public boolean hasPinner() {
        return pinSize != 0;
    }

    public long pinStart() {
        return pinStart;
    }

    public long pinSize() {
        return pinSize;
    }

    /**
     * Offers a numa_maps walker (the reported trigger) over the BAR mmap the pinner pins, from the process's
     * numa_maps. numa_maps lists a VMA when a reader of it walks that VMA ({@code show_numa_map()} under
     * {@code mmap_read_lock}), and the walk splits, for a PFNMAP VMA clears, every PUD leaf it meets. So a
     * walker is offered when numa_maps lists the pinned BAR mmap and vfio-pci can install a PUD leaf there;
     * over PMD or PTE leaves it would have nothing to split. Returns the decision as a sentence for the user
     * (also put in the scenario's description).
     */
    public String suggestWalker(NumaMaps numa) {
        walker = null;
        Optional<Row> pinned = rows.stream().filter(r -> r.include() && r.mapsBar() && hasPinner()
                && Long.compareUnsigned(r.vma().maps().start(), pinStart) <= 0
                && Long.compareUnsigned(pinStart, r.vma().maps().end()) < 0).findFirst();
        String at = numa.source();
        if (pinned.isEmpty()) {
            walkerNote = "no walker: the pinner pins no BAR mmap (" + at + " read)";
        } else {
            Row r = pinned.get();
            String vma = ScenarioImporter.label(r.vma().maps(), r);
            Optional<NumaMaps.Line> line = numa.vmaAt(r.vma().maps().start());
            if (line.isEmpty()) {
                walkerNote = "no walker: " + at + " does not list " + vma + ", so a numa_maps reader does not walk it";
            } else if (!leafHint(r).startsWith("PUD")) {
                walkerNote = "no walker: " + at + " line " + line.get().line() + " lists " + vma + ", but vfio-pci installs no PUD "
                        + "leaf there (" + leafHint(r) + ") and a numa_maps walk splits only PUD leaves";
            } else {
                walker = r;
                walkerNote = "walker added: a numa_maps reader over " + vma + " (" + at + " line " + line.get().line()
                        + " lists it; its walk splits the PUD leaves the pinner faults in)";
            }
        }
        return walkerNote;
    }

    /** The BAR mmap a numa_maps walker walks, null for no walker. */
    public Row walker() {
        return walker;
    }

    /** Adds a walker over {@code row}'s VMA, or (null) removes the walker and what was said about it. */
    public void setWalker(Row row) {
        this.walker = row;
        walkerNote = row == null ? null : "walker added: a numa_maps reader over " + ScenarioImporter.label(row.vma().maps(), row);
    }

    /** What {@link #suggestWalker} decided, null when it was not asked. */
    public String walkerNote() {
        return walkerNote;
    }

    /**
     * The largest leaf vfio-pci's huge fault can install in this BAR mmap: a PUD (PMD) where the VMA
     * holds a 1G- (2M-) aligned block whose PFN is aligned the same way (vfio_pci_mmap_huge_fault());
     * for other VMAs what smaps' size fields say ({@link SmapsVma#hugeLeafHints()}).
     */
    public String leafHint(Row row) {
        if (row.mapsBar()) {
            Optional<PciResource.Region> bar = device(row.device()).flatMap(d -> d.region(row.bar()));
            if (bar.isPresent()) {
                long start = row.vma().maps().start();
                long end = row.vma().maps().end();
                long phys = bar.get().start() + (row.vma().vfioPgoff() << Sizes.PAGE_SHIFT);
                for (long leaf : new long[] { Sizes.PUD_SIZE, Sizes.PMD_SIZE }) {
                    long first = (start + leaf - 1) & -leaf;
                    if (((start ^ phys) & (leaf - 1)) == 0 && Long.compareUnsigned(first + leaf, end) <= 0) {
                        return (leaf == Sizes.PUD_SIZE ? "PUD" : "PMD") + " " + Sizes.format(leaf) + " leaves possible";
                    }
                }
                return "PTE 4K leaves only";
            }
        }
        return String.join("; ", row.vma().hugeLeafHints());
    }
}
