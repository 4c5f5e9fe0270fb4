package dev.pinscope.debug.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.internal.core.model.RaceHistory;
import dev.pinscope.debug.internal.core.model.SuspendedState;
import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.KernelSnapshot;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Sizes;

/**
 * The run's state at one position as the diagram overlay: it only reads the snapshot and the design model,
 * it never changes the model. Built anew after every suspend.
 */
public final class RunOverlay implements IDiagramOverlay {

    private final PinscopeDebugTarget target;
    private final SuspendedState state;
    private final Scenario scenario;
    private final long address;
    private final List<Ghost> ghosts;
    private final List<RaceHistory.SlotChange> lastChanges;
    /** What the step that led to the position shown touched (null at the start): drawn highlighted. */
    private final StepTouches touched;

    public RunOverlay(PinscopeDebugTarget target, SuspendedState state, Scenario scenario) {
        this.target = target;
        this.state = state;
        this.scenario = scenario;
        this.address = computeAddress();
        synchronized (target) {
            this.lastChanges = target.history().lastChangesBefore(state.position());
            this.touched = state.lastStep() == null ? null
                    : StepTouches.of(target.history(), state.position() - 1, state.lastStep().actorName());
        }
        this.ghosts = computeGhosts();
    }

    /**
     * A slot whose last change took a leaf away (LEAF → none: zapped; LEAF → table: split) and which is not a
     * leaf again now: a ghost with who and when, kept for every later position.
     */
    private List<Ghost> computeGhosts() {
        List<Ghost> out = new ArrayList<>();
        for (RaceHistory.SlotChange c : lastChanges) {
            if (c.from() != KernelSnapshot.SlotKind.LEAF || c.to() == KernelSnapshot.SlotKind.LEAF) {
                continue;
            }
            PageLevel level = PageLevel.get(c.level());
            if (level == null) {
                continue;
            }
            boolean split = c.to() == KernelSnapshot.SlotKind.TABLE;
            out.add(new Ghost(c.vaddr(), level, split ? EntryState.SPLIT : EntryState.ZAPPED,
                    (split ? "split by " : "zapped by ") + c.actor() + ", step " + (c.step() + 1)));
        }
        return out;
    }

    @Override
    public List<Ghost> ghosts() {
        return ghosts;
    }

    /** Faulted in (none → leaf) and no pinner F1/F2 read of it since. */
    @Override
    public boolean isUnread(TransientEntry entry) {
        for (RaceHistory.SlotChange c : lastChanges) {
            if (c.vaddr() == entry.vaddr() && c.level().equals(entry.level().getName())
                    && c.to() == KernelSnapshot.SlotKind.LEAF) {
                long size = Sizes.of(entry.level());
                synchronized (target) {
                    return !target.history().readBetween(c.step() + 1, state.position(), entry.vaddr(), size);
                }
            }
        }
        return false;
    }

    @Override
    public List<Vma> unmappedVmas() {
        List<Vma> out = new ArrayList<>();
        if (scenario.getAddressSpace() == null) {
            return out;
        }
        for (Vma vma : scenario.getAddressSpace().getVmas()) {
            for (KernelSnapshot.VmaState v : state.now().vmas()) {
                if (v.name().equals(vma.getName()) && !v.present()) {
                    out.add(vma);
                }
            }
        }
        return out;
    }

    /** The run this picture belongs to. */
    public PinscopeDebugTarget target() {
        return target;
    }

    /** The position shown. */
    public SuspendedState state() {
        return state;
    }

    private KernelSnapshot.SlotState slotOf(long vaddr, String level) {
        for (KernelSnapshot.SlotState s : state.now().slots()) {
            if (s.vaddr() == vaddr && s.level().equals(level)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public EntryState entryState(PageTableEntry entry) {
        KernelSnapshot.SlotState s = slotOf(entry.getVaddr(), entry.getLevel().getName());
        if (s == null) {
            return EntryState.PRESENT;
        }
        return switch (s.kind()) {
            case LEAF -> EntryState.PRESENT;
            case TABLE -> EntryState.SPLIT;
            case NONE -> EntryState.ZAPPED;
        };
    }

    @Override
    public List<TransientEntry> transientEntries() {
        List<TransientEntry> out = new ArrayList<>();
        for (KernelSnapshot.SlotState s : state.now().slots()) {
            if (s.kind() != KernelSnapshot.SlotKind.LEAF) {
                continue;
            }
            boolean inModel = scenario.getAddressSpace() != null && scenario.getAddressSpace().getEntries().stream()
                    .anyMatch(e -> e.getVaddr() == s.vaddr() && e.getLevel().getName().equals(s.level()));
            PageLevel level = PageLevel.get(s.level());
            if (!inModel && level != null) {
                out.add(new TransientEntry(s.vaddr(), level, s.pfn()));
            }
        }
        return out;
    }

    /**
     * What the step that led here touched (a Timeline row selected is a jump to just after its step): its actor,
     * the leaf it faulted in, zapped, split or read, the VMA it unmapped, the device of a zapper.
     */
    @Override
    public boolean isHighlighted(EObject element) {
        return touched != null && touched.touches(element);
    }

    @Override
    public boolean isHighlighted(long vaddr, PageLevel level) {
        return touched != null && touched.touchesLeaf(vaddr, level);
    }

    @Override
    public String lockLabel(EObject element) {
        List<String> held = new ArrayList<>();
        for (KernelSnapshot.LockState l : state.now().locks()) {
            String holders = holders(l);
            if (holders == null) {
                continue;
            }
            boolean mine;
            if (element instanceof Device d) {
                mine = l.name().startsWith("memory_lock") && l.name().contains(d.getName());
            } else if (element instanceof Vma) {
                mine = !l.name().startsWith("memory_lock");
            } else {
                mine = false;
            }
            if (mine) {
                held.add(shortName(l.name()) + " " + holders);
            }
        }
        return held.isEmpty() ? null : String.join("; ", held);
    }

    private static String shortName(String lock) {
        int p = lock.indexOf(" (");
        return p > 0 && !lock.startsWith("pmd_lock") ? lock.substring(0, p) : lock;
    }

    private static String holders(KernelSnapshot.LockState l) {
        if (l.writer() != null) {
            return "W: " + l.writer();
        }
        if (!l.readers().isEmpty()) {
            return "R: " + String.join(", ", l.readers());
        }
        return null;
    }

    @Override
    public String actorStatus(Actor actor) {
        for (ActorView v : state.actors()) {
            if (v.name().equals(actor.getName())) {
                String signal = signalPending(v) ? " · SIGKILL pending" : "";
                return switch (v.status()) {
                    case FINISHED -> v.result() == null ? "done" : "done: " + v.result().kernelName();
                    case BLOCKED -> "blocked on " + v.waitingFor();
                    case RUNNABLE -> v.frames().isEmpty() ? "runnable"
                            : v.frames().get(0).function() + (v.frames().get(0).label() == null ? ""
                                    : " " + v.frames().get(0).label());
                } + signal;
            }
        }
        return null;
    }

    /** A fatal signal pending on a pinner (fatal_signal_pending() would say true), shown on its box. */
    private static boolean signalPending(ActorView v) {
        for (Frame f : v.frames()) {
            for (Frame.Variable x : f.locals()) {
                if (x.name().equals("fatal_signal_pending") && "true".equals(x.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public long currentAddress() {
        return address;
    }

    private long computeAddress() {
        if (state.lastStep() == null) {
            return -1;
        }
        ActorView v = state.actor(state.lastStep().actor());
        for (Frame f : v.frames()) {
            for (Frame.Variable x : f.locals()) {
                if ((x.name().equals("address") || x.name().equals("vaddr") || x.name().equals("addr"))
                        && x.value().startsWith("0x")) {
                    try {
                        return Long.parseUnsignedLong(x.value().substring(2), 16);
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }
}
