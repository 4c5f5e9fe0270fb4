package dev.pinscope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.importer.ImportException;
import dev.pinscope.importer.ImportPlan;
import dev.pinscope.importer.PciResource;
import dev.pinscope.importer.ProcFs;
import dev.pinscope.importer.ScenarioImporter;
import dev.pinscope.importer.Smaps;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.units.Hex;
import dev.pinscope.model.units.Sizes;
import dev.pinscope.model.validation.ScenarioValidator;

/**
 * {@code pinscope import --smaps FILE|PID [--pci BDF[=RESOURCE_FILE]]… [--pin ADDR+SIZE | --no-pin] [--numa-maps[=FILE|PID]]
 * [-o OUT.pinscope]}:
 * a scenario from a process's smaps (live or saved) and its devices' sysfs resource files. Nothing is
 * written unless the whole import succeeds and the scenario validates; the file is written atomically.
 */
@Command(name = "import", sortOptions = false,
        description = {"Create a scenario from a process's /proc/PID/smaps (or a saved copy) and its PCI devices' sysfs",
            "resource files: the VMAs with their VmFlags, the vfio BAR mmaps linked to their BARs (region index in",
            "offset bits 40 and up), a pinner over the first BAR mmap. Nothing is written on error."})
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--smaps", required = true, paramLabel = "FILE|PID",
            description = "A saved smaps or maps file, or the pid of a running process (reads /proc/PID/smaps).")
    String smapsArg;

    @Option(names = "--pci", paramLabel = "BDF[=RESOURCE_FILE]",
            description = "A device behind the BAR mmaps: its PCI address and saved resource file; the address alone "
                    + "reads /sys/bus/pci/devices/BDF/resource. Repeatable.")
    List<String> pci = new ArrayList<>();

    @Option(names = "--pin", paramLabel = "ADDR+SIZE",
            description = "The pinner's range, e.g. 0x7f0000000000+2M (default: the whole first BAR mmap).")
    String pin;

    @Option(names = "--no-pin", description = "Add no pinner.")
    boolean noPin;

    @Option(names = "--numa-maps", arity = "0..1", fallbackValue = "", paramLabel = "FILE|PID",
            description = {"Offer the reported bug's walker: a saved numa_maps, or a pid (alone: the --smaps pid). When it "
                    + "lists the pinned BAR mmap and vfio-pci can install PUD leaves there, a numa_maps walker over it is "
                    + "added. Reading a live numa_maps walks that process's page tables."})
    String numaMaps;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.pinscope",
            description = "The file to write (replaced atomically); default NAME.pinscope here, never over an existing file.")
    String output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private final PrintStream out;

    ImportCommand(PinscopeCli cli) {
        this.out = cli.out();
    }

    @Override
    public Integer call() throws BadInput {
        try {
            ImportPlan plan = plan(smapsArg, pci);
            if (noPin) {
                plan.setPinner(0, 0);
            } else if (pin != null) {
                plan.setPinner(pinStart(pin), pinSize(pin));
            }
            if (numaMaps != null) {
                plan.suggestWalker(numaMaps(numaMaps, smapsArg));
            }
            ScenarioImporter.ImportResult r = ScenarioImporter.build(plan);
            Scenario s = r.scenario();
            var diagnostic = ScenarioValidator.validate(s);
            if (diagnostic.getSeverity() >= org.eclipse.emf.common.util.Diagnostic.ERROR) {
                var first = diagnostic.getChildren().isEmpty() ? diagnostic : diagnostic.getChildren().get(0);
                throw new BadInput("the imported scenario does not validate: " + first.getMessage()
                        + (diagnostic.getChildren().size() > 1 ? " (and " + (diagnostic.getChildren().size() - 1) + " more)" : ""));
            }
            // without a pinner (no BAR mmap) it is a layout to add actors to; the engine needs actors to compile
            CompileResult cr = s.getActors().isEmpty() ? null : Simulation.compile(s, SimulationOptions.defaults());
            if (cr != null && !cr.ok()) {
                throw new BadInput("the imported scenario does not compile: " + cr.errors().get(0));
            }
            Path target = Path.of(output != null ? output
                    : s.getName().replaceAll("[^A-Za-z0-9._-]", "-") + "." + Scenarios.FILE_EXTENSION);
            if (output == null && Files.exists(target)) {
                throw new BadInput(target + " exists; name the output with -o (it is then replaced)");
            }
            SaveResult saved = Scenarios.save(s, target);
            if (!saved.ok()) {
                throw new BadInput("cannot write " + target + ": " + saved.message());
            }
            long bars = s.getAddressSpace().getVmas().stream().filter(v -> v.getBar() != null).count();
            out.printf("%s: %d VMAs (%d BAR mmaps), %d devices from %s%s%n", target, s.getAddressSpace().getVmas().size(), bars,
                    s.getDevices().size(), plan.smaps().source(), plan.hasPinner()
                            ? "; pinner over " + Sizes.format(plan.pinSize()) + " at " + Hex.format(plan.pinStart()) : "");
            if (plan.walkerNote() != null) {
                out.println("  numa_maps: " + plan.walkerNote());
            }
            r.warnings().forEach(w -> out.println("  warning: " + w));
            return PinscopeCli.OK;
        } catch (ImportException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private static ImportPlan plan(String smapsArg, List<String> pci) throws ImportException, BadInput {
        List<PciResource> devices = new ArrayList<>();
        for (String p : pci) {
            int eq = p.indexOf('=');
            devices.add(eq < 0 ? PciResource.ofSysfs(p) : PciResource.read(p.substring(0, eq), Path.of(p.substring(eq + 1))));
        }
        Path file = Path.of(smapsArg);
        if (smapsArg.matches("[0-9]+") && !Files.exists(file)) {
            long pid = Long.parseLong(smapsArg);
            ProcFs proc = new ProcFs();
            Smaps smaps = proc.readSmaps(pid);
            return ImportPlan.propose(smaps, devices, ImportPlan.Provenance.ofPid(pid, proc.command(pid), smaps.source()));
        }
        return ImportPlan.propose(Smaps.read(file), devices, ImportPlan.Provenance.ofFile(smapsArg));
    }

    private static dev.pinscope.importer.NumaMaps numaMaps(String arg, String smapsArg) throws ImportException, BadInput {
        String which = arg.isEmpty() ? smapsArg : arg;
        boolean pid = which.matches("[0-9]+") && !Files.exists(Path.of(which));
        if (arg.isEmpty() && !pid) {
            throw new BadInput("--numa-maps without a value reads the numa_maps of the --smaps pid; --smaps is a file here, "
                    + "so give the saved numa_maps: --numa-maps FILE");
        }
        return pid ? new ProcFs().readNumaMaps(Long.parseLong(which)) : dev.pinscope.importer.NumaMaps.read(Path.of(which));
    }

    private static long pinStart(String pin) throws BadInput {
        int plus = pin.indexOf('+');
        try {
            return Hex.parse(plus < 0 ? pin : pin.substring(0, plus));
        } catch (NumberFormatException e) {
            throw new BadInput("--pin needs ADDR+SIZE such as 0x7f0000000000+2M, not '" + pin + "'");
        }
    }

    private static long pinSize(String pin) throws BadInput {
        int plus = pin.indexOf('+');
        try {
            long size = plus < 0 ? 0 : Sizes.parse(pin.substring(plus + 1));
            if (size == 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new BadInput("--pin needs ADDR+SIZE such as 0x7f0000000000+2M, not '" + pin + "'");
        }
    }

}
