package dev.pinscope.diagram.internal.commands;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.ecore.EObject;

import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.AddressSpace;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.PageTableWalker;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.SignalSender;
import dev.pinscope.model.scenario.Unmapper;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.scenario.Zapper;
import dev.pinscope.model.units.Hex;

/**
 * Builds the EMF command that adds a new element made by a palette tool. The address is where the
 * user clicked on the axis; the element gets kernel-sensible defaults around it (a 2M BAR mmap, a
 * leaf aligned to its level with the PFN its VMA maps there, a 1G BAR above the others, a pinner
 * over the rest of the VMA up to 2M).
 */
public final class CreateElementCommand {

    private static final ScenarioFactory F = ScenarioFactory.eINSTANCE;
    private static final ScenarioPackage P = ScenarioPackage.eINSTANCE;
    /** Where new BARs go when there is none yet: x86_64 64-bit MMIO window. */
    static final long FIRST_BAR_ADDRESS = 0x3800_0000_0000L;
    /**
     * Where the first VMA of an empty scenario goes: where mmap() of a vfio-pci BAR typically lands
     * on x86_64 (top-down below the stack), not at 0x0, which no user mapping can have.
     */
    public static final long FIRST_VMA_ADDRESS = 0x7f00_0000_0000L;

    private CreateElementCommand() {
    }

    /**
     * @param address the virtual address under the click
     * @param container the element clicked into: a {@link Vma} for entries, a {@link Device} for BARs
     * @return the command, or null when the element cannot go there
     */
    public static Command create(EditingDomain domain, Scenario s, ElementKind kind, long address, EObject container) {
        if (refusal(s, kind, address, container) != null) {
            return null;
        }
        return switch (kind) {
            case VMA -> vma(domain, s, address);
            case PUD, PMD, PTE -> entry(domain, s, kind, address, container instanceof Vma v ? v : ScenarioMath.vmaAt(s, address));
            case DEVICE -> add(domain, s, P.getScenario_Devices(), device(s), "Create device");
            case BAR -> container instanceof Device d ? bar(domain, s, d) : null;
            default -> actor(domain, s, kind, address);
        };
    }

    /** "2 MiB" for a PMD: the alignment a leaf of {@code level} needs. */
    public static String alignmentName(dev.pinscope.model.scenario.PageLevel level) {
        return switch (level) {
            case PTE -> "4 KiB";
            case PMD -> "2 MiB";
            case PUD -> "1 GiB";
        };
    }

    /**
     * Why {@code kind} cannot be created at {@code address} in {@code container}, in words a kernel
     * developer would use, or null when it can.
     */
    public static String refusal(Scenario s, ElementKind kind, long address, EObject container) {
        switch (kind) {
            case VMA -> {
                long start = vmaStart(s, address);
                Vma at = ScenarioMath.vmaAt(s, start);
                if (start < 0) {
                    return "a VMA needs a user address at or above 0x0";
                }
                if (at != null) {
                    return "a new VMA cannot start inside " + at.getName() + " [" + Hex.format(at.getStart()) + ", " + Hex.format(at.getEnd())
                            + "): click on the axis where no VMA is";
                }
                return null;
            }
            case PUD, PMD, PTE -> {
                Vma vma = container instanceof Vma v ? v : ScenarioMath.vmaAt(s, address);
                String what = "a " + kind.level() + " leaf";
                if (vma == null) {
                    return what + " goes inside a VMA: click inside one";
                }
                long size = ScenarioMath.levelSize(kind.level());
                long vaddr = ScenarioMath.alignDown(address, size);
                if (vaddr < vma.getStart() || vaddr + size > vma.getEnd()) {
                    String why = vma.getEnd() - vma.getStart() < size ? " and is only " + dev.pinscope.model.units.Sizes.format(vma.getEnd() - vma.getStart()) + " long"
                            : vaddr < vma.getStart() ? "" : " and ends at " + Hex.format(vma.getEnd());
                    return what + " needs a " + alignmentName(kind.level()) + "-aligned address inside the VMA; " + vma.getName() + " starts at "
                            + Hex.format(vma.getStart()) + why;
                }
                for (PageTableEntry e : s.getAddressSpace().getEntries()) {
                    if (e.getVaddr() < vaddr + size && vaddr < ScenarioMath.end(e)) {
                        return Hex.format(vaddr) + " is already mapped by a " + e.getLevel() + " leaf at " + Hex.format(e.getVaddr());
                    }
                }
                return null;
            }
            case BAR -> {
                if (!(container instanceof Device d)) {
                    return "a BAR goes inside a device: click on one on the physical side";
                }
                return d.getBars().size() >= 6 ? d.getName() + " already has all six BARs" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The page the click means; in a scenario without VMAs the usual BAR mmap address instead of 0x0. */
    private static long vmaStart(Scenario s, long address) {
        boolean empty = s.getAddressSpace() == null || s.getAddressSpace().getVmas().isEmpty();
        return empty && address < FIRST_VMA_ADDRESS ? FIRST_VMA_ADDRESS : ScenarioMath.alignDown(address, ScenarioMath.PAGE);
    }

    private static Command vma(EditingDomain domain, Scenario s, long address) {
        long start = vmaStart(s, address);
        if (ScenarioMath.vmaAt(s, start) != null || start < 0) {
            return null;
        }
        long end = start + (2L << 20);
        if (s.getAddressSpace() != null) {
            for (Vma v : s.getAddressSpace().getVmas()) {
                if (v.getStart() > start && v.getStart() < end) {
                    end = v.getStart();
                }
            }
        }
        Vma v = F.createVma();
        v.setName(Names.fresh(s, "vma", Set.of()));
        v.setStart(start);
        v.setEnd(end);
        v.getFlags().addAll(ScenarioBuilder.VFIO_BAR_FLAGS);
        CompoundCommand cc = new Creation("Create VMA " + v.getName(), v);
        AddressSpace as = ensureAddressSpace(domain, s, cc);
        cc.append(AddCommand.create(domain, as, P.getAddressSpace_Vmas(), v));
        return cc;
    }

    private static Command entry(EditingDomain domain, Scenario s, ElementKind kind, long address, Vma vma) {
        if (vma == null) {
            return null;
        }
        long size = ScenarioMath.levelSize(kind.level());
        long vaddr = ScenarioMath.alignDown(address, size);
        if (vaddr < vma.getStart() || vaddr + size > vma.getEnd()) {
            return null; // a leaf never maps beyond its VMA
        }
        PageTableEntry e = F.createPageTableEntry();
        e.setLevel(kind.level());
        e.setVaddr(vaddr);
        e.setPfn(Math.max(0, ScenarioMath.pfnFor(vma, vaddr)));
        e.setWritable(true);
        e.setSpecial(true);
        return add(domain, s.getAddressSpace(), P.getAddressSpace_Entries(), e, "Create " + kind.label() + " at " + dev.pinscope.model.units.Hex.format(vaddr));
    }

    private static Device device(Scenario s) {
        Device d = F.createDevice();
        d.setName(Names.freshPci(s, Set.of()));
        return d;
    }

    private static Command bar(EditingDomain domain, Scenario s, Device d) {
        int index = 0;
        while (index < 6) {
            final int i = index;
            if (d.getBars().stream().noneMatch(b -> b.getIndex() == i)) {
                break;
            }
            index++;
        }
        if (index == 6) {
            return null; // a PCI function has six BARs at most
        }
        long size = 1L << 30;
        long top = FIRST_BAR_ADDRESS;
        for (Device other : s.getDevices()) {
            for (Bar b : other.getBars()) {
                top = Math.max(top, b.getPhysicalAddress() + b.getSize());
            }
        }
        Bar b = F.createBar();
        b.setIndex(index);
        b.setSize(size);
        b.setPhysicalAddress((top + size - 1) & -size);
        return add(domain, d, P.getDevice_Bars(), b, "Create BAR" + index);
    }

    private static Command actor(EditingDomain domain, Scenario s, ElementKind kind, long address) {
        Actor a = switch (kind) {
            case PINNER -> {
                Pinner p = F.createPinner();
                long vaddr = ScenarioMath.alignDown(address, ScenarioMath.PAGE);
                Vma v = ScenarioMath.vmaAt(s, vaddr);
                p.setVaddr(vaddr);
                p.setSize(v == null ? 2L << 20 : Math.min(v.getEnd() - vaddr, 2L << 20));
                p.setWrite(true);
                yield p;
            }
            case ZAPPER -> {
                Zapper z = F.createZapper();
                z.setDevice(s.getDevices().isEmpty() ? null : s.getDevices().get(0));
                yield z;
            }
            case WALKER -> {
                PageTableWalker w = F.createPageTableWalker();
                w.setVma(vmaNear(s, address));
                yield w;
            }
            case CPU_ACCESS -> {
                CpuAccess c = F.createCpuAccess();
                c.setVaddr(ScenarioMath.alignDown(address, ScenarioMath.PAGE));
                yield c;
            }
            case SIGNAL -> {
                SignalSender sig = F.createSignalSender();
                sig.setTarget(s.getActors().stream().filter(Pinner.class::isInstance).map(Pinner.class::cast).findFirst().orElse(null));
                yield sig;
            }
            case UNMAPPER -> {
                Unmapper u = F.createUnmapper();
                u.setVma(vmaNear(s, address));
                yield u;
            }
            default -> null;
        };
        if (a == null) {
            return null;
        }
        String prefix = switch (kind) {
            case PINNER -> "pinner";
            case ZAPPER -> "zapper";
            case WALKER -> "numa_maps";
            case CPU_ACCESS -> "cpu";
            case SIGNAL -> "kill";
            case UNMAPPER -> "munmap";
            default -> "actor";
        };
        a.setName(Names.fresh(s, prefix, Set.of()));
        return add(domain, s, P.getScenario_Actors(), a, "Create " + kind.label() + " " + a.getName());
    }

    private static Vma vmaNear(Scenario s, long address) {
        Vma v = ScenarioMath.vmaAt(s, address);
        if (v == null && s.getAddressSpace() != null && !s.getAddressSpace().getVmas().isEmpty()) {
            v = s.getAddressSpace().getVmas().get(0);
        }
        return v;
    }

    private static AddressSpace ensureAddressSpace(EditingDomain domain, Scenario s, CompoundCommand cc) {
        if (s.getAddressSpace() != null) {
            return s.getAddressSpace();
        }
        AddressSpace as = F.createAddressSpace();
        cc.append(SetCommand.create(domain, s, P.getScenario_AddressSpace(), as));
        return as;
    }

    /** A command that creates one element: the editor selects it once it has run, so Properties shows it. */
    public static final class Creation extends CompoundCommand {
        private final EObject created;

        Creation(String label, EObject created) {
            super(label);
            this.created = created;
        }

        public EObject created() {
            return created;
        }

        @Override
        public java.util.Collection<?> getResult() {
            return List.of(created);
        }

        @Override
        public java.util.Collection<?> getAffectedObjects() {
            return List.of(created);
        }
    }

    private static Command add(EditingDomain domain, EObject owner, org.eclipse.emf.ecore.EStructuralFeature f, EObject value, String label) {
        CompoundCommand cc = new Creation(label, value);
        cc.append(AddCommand.create(domain, owner, f, List.of(value)));
        return cc;
    }
}
