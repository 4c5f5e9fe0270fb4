package dev.pinscope.diagram.internal.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.AddressSpace;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.Vma;

/**
 * Pastes copies of copied elements. Copies must not collide with the originals, so copied VMAs and
 * leaves move together to free address space above the highest VMA (keeping their relative layout
 * and their level alignment), actors and devices get fresh names, and a BAR goes to the next free
 * index of its device.
 */
public final class PasteElementsCommand {

    private static final ScenarioPackage P = ScenarioPackage.eINSTANCE;

    private PasteElementsCommand() {
    }

    public static Command create(EditingDomain domain, Scenario s, Collection<? extends EObject> originals) {
        List<EObject> roots = new ArrayList<>();
        for (EObject o : originals) {
            if (o instanceof Vma || o instanceof PageTableEntry || o instanceof Device || o instanceof Bar || o instanceof Actor) {
                roots.add(o);
            }
        }
        if (roots.isEmpty()) {
            return null;
        }
        // a copied VMA brings its leaves
        Set<EObject> all = new HashSet<>(roots);
        if (s.getAddressSpace() != null) {
            for (EObject o : List.copyOf(roots)) {
                if (o instanceof Vma v) {
                    for (PageTableEntry e : s.getAddressSpace().getEntries()) {
                        if (e.getVaddr() >= v.getStart() && e.getVaddr() < v.getEnd() && all.add(e)) {
                            roots.add(e);
                        }
                    }
                }
            }
        }
        List<EObject> copies = new ArrayList<>(EcoreUtil.copyAll(roots));
        long delta = addressShift(s, copies);
        Set<String> reserved = new HashSet<>();
        CompoundCommand cc = new CompoundCommand(roots.size() == 1 ? "Paste " + DeleteElementsCommand.describe(roots.get(0)) : "Paste " + roots.size() + " elements");
        AddressSpace as = s.getAddressSpace();
        if (as == null && copies.stream().anyMatch(c -> c instanceof Vma || c instanceof PageTableEntry)) {
            as = ScenarioFactory.eINSTANCE.createAddressSpace();
            cc.append(SetCommand.create(domain, s, P.getScenario_AddressSpace(), as));
        }
        for (int i = 0; i < copies.size(); i++) {
            EObject c = copies.get(i);
            EObject original = roots.get(i);
            switch (c) {
                case Vma v -> {
                    v.setStart(v.getStart() + delta);
                    v.setEnd(v.getEnd() + delta);
                    v.setName(fresh(s, v.getName(), reserved));
                    cc.append(AddCommand.create(domain, as, P.getAddressSpace_Vmas(), v));
                }
                case PageTableEntry e -> {
                    e.setVaddr(e.getVaddr() + delta);
                    cc.append(AddCommand.create(domain, as, P.getAddressSpace_Entries(), e));
                }
                case Device d -> {
                    d.setName(Names.freshPci(s, reserved));
                    reserved.add(d.getName());
                    cc.append(AddCommand.create(domain, s, P.getScenario_Devices(), d));
                }
                case Bar b -> {
                    Device owner = (Device) original.eContainer();
                    if (owner == null || owner.getBars().size() >= 6) {
                        continue;
                    }
                    Set<Integer> used = new HashSet<>();
                    owner.getBars().forEach(x -> used.add(x.getIndex()));
                    int index = 0;
                    while (used.contains(index)) {
                        index++;
                    }
                    b.setIndex(index);
                    cc.append(AddCommand.create(domain, owner, P.getDevice_Bars(), b));
                }
                case Actor a -> {
                    if (delta != 0 && a instanceof Pinner p) {
                        p.setVaddr(p.getVaddr() + delta);
                    } else if (delta != 0 && a instanceof CpuAccess cpu) {
                        cpu.setVaddr(cpu.getVaddr() + delta);
                    }
                    a.setName(fresh(s, a.getName(), reserved));
                    cc.append(AddCommand.create(domain, s, P.getScenario_Actors(), a));
                }
                default -> {
                }
            }
        }
        return cc.isEmpty() ? null : cc;
    }

    /** How far copied VMAs and leaves move: just above every VMA, aligned to their largest leaf. */
    static long addressShift(Scenario s, List<EObject> copies) {
        long min = Long.MAX_VALUE;
        long align = 2L << 20;
        boolean any = false;
        for (EObject c : copies) {
            if (c instanceof Vma v) {
                min = Math.min(min, v.getStart());
                any = true;
            } else if (c instanceof PageTableEntry e) {
                min = Math.min(min, e.getVaddr());
                align = Math.max(align, ScenarioMath.levelSize(e.getLevel()));
                any = true;
            }
        }
        if (!any) {
            return 0;
        }
        long top = 0;
        if (s.getAddressSpace() != null) {
            for (Vma v : s.getAddressSpace().getVmas()) {
                top = Math.max(top, v.getEnd());
            }
        }
        long base = ScenarioMath.alignDown(top + align + align - 1, align);
        long minAligned = ScenarioMath.alignDown(min, align);
        return base - minAligned;
    }

    private static String fresh(Scenario s, String name, Set<String> reserved) {
        String base = name == null || name.isBlank() ? "copy" : name.replaceAll("-copy\\d*$", "");
        Set<String> used = Names.used(s);
        used.addAll(reserved);
        String candidate = base + "-copy";
        for (int i = 2; used.contains(candidate); i++) {
            candidate = base + "-copy" + i;
        }
        reserved.add(candidate);
        return candidate;
    }
}
