package dev.pinscope.debug.internal.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.KernelSnapshot;

/**
 * The "kernel" node of the Variables view: VMAs, page-table slots, locks and their owners, device state
 * and pending signals, as text the kernel would print. A value is flagged changed when the same path had
 * another text before the last step.
 */
public final class KernelVariables {

    private KernelVariables() {
    }

    /** A tree of name → text, built the same way for the current and the previous state. */
    private record Node(String text, Map<String, Node> children) {
        static Node leaf(String text) {
            return new Node(text, Map.of());
        }
    }

    public static PinscopeVariable kernelNode(PinscopeDebugTarget target, SuspendedState st) {
        Node now = tree(st.now());
        Node before = st.previous() == null ? null : tree(st.previous());
        return toVariable(target, "kernel", now, before, st.previous() != null);
    }

    private static PinscopeVariable toVariable(PinscopeDebugTarget target, String name, Node now, Node before,
            boolean compare) {
        List<PinscopeVariable> kids = new ArrayList<>();
        for (var e : now.children().entrySet()) {
            Node old = before == null ? null : before.children().get(e.getKey());
            kids.add(toVariable(target, e.getKey(), e.getValue(), old, compare));
        }
        boolean changed = compare && (now.children().isEmpty()
                ? before == null || !before.text().equals(now.text())
                : kids.stream().anyMatch(PinscopeVariable::hasValueChanged));
        return new PinscopeVariable(target, name, new PinscopeValue(target, now.text(), kids), changed);
    }

    /** {@code returned -EINVAL}, {@code returned 0 (512 pages pinned)}, {@code not returned yet (blocked on mmap_lock)}. */
    static String result(ActorView a) {
        if (a.status() != ActorView.Status.FINISHED || a.result() == null) {
            return "not returned yet (" + (a.status() == ActorView.Status.BLOCKED ? "blocked on " + a.waitingFor()
                    : a.status() == ActorView.Status.FINISHED ? "finished" : "runnable") + ")";
        }
        return "returned " + a.result().kernelName()
                + (a.result() == dev.pinscope.engine.spec.Errno.OK ? " (" + a.pinnedPages() + " pages pinned)" : "")
                + (a.stalePfn() ? ", STALE PFN" : "");
    }

    // the model's formatters, as the editor and the engine's frames use them (512 bytes is "512", not "0K")
    static String hex(long v) {
        return dev.pinscope.model.units.Hex.format(v);
    }

    static String size(long bytes) {
        return dev.pinscope.model.units.Sizes.format(bytes);
    }

    private static Node tree(KernelSnapshot s) {
        Map<String, Node> root = new LinkedHashMap<>();

        // what each pinner's VFIO_IOMMU_MAP_DMA returned so far: the answer a run is for, so first
        Map<String, Node> results = new LinkedHashMap<>();
        int returned = 0;
        for (ActorView a : s.actors()) {
            if (a.kind() == ActorView.Kind.PINNER) {
                if (a.status() == ActorView.Status.FINISHED && a.result() != null) {
                    returned++;
                }
                results.put(a.name(), Node.leaf(result(a)));
            }
        }
        root.put("results", new Node(returned + " of " + results.size() + " pinner" + (results.size() == 1 ? "" : "s")
                + " returned", results));

        Map<String, Node> vmas = new LinkedHashMap<>();
        for (var v : s.vmas()) {
            vmas.put(v.name(), Node.leaf(hex(v.start()) + "-" + hex(v.end()) + " (" + size(v.end() - v.start()) + ") "
                    + v.flags() + (v.present() ? "" : " [unmapped]")));
        }
        root.put("vmas", new Node(vmas.size() + " VMA" + (vmas.size() == 1 ? "" : "s"), vmas));

        Map<String, Node> slots = new LinkedHashMap<>();
        int leaves = 0;
        for (var sl : s.slots()) {
            String text = switch (sl.kind()) {
                case NONE -> "none";
                case TABLE -> "table (split)";
                case LEAF -> "leaf pfn " + hex(sl.pfn()) + (sl.writable() ? " W" : " RO") + (sl.special() ? " special" : "");
            };
            if (sl.kind() == KernelSnapshot.SlotKind.LEAF) {
                leaves++;
            }
            slots.put(sl.level() + " @ " + hex(sl.vaddr()), Node.leaf(text));
        }
        root.put("page tables", new Node(leaves + " leaves present of " + slots.size() + " slots", slots));

        Map<String, Node> locks = new LinkedHashMap<>();
        int held = 0;
        for (var l : s.locks()) {
            List<String> parts = new ArrayList<>();
            if (l.writer() != null) {
                parts.add("held W by " + l.writer());
            }
            if (!l.readers().isEmpty()) {
                parts.add("held R by " + String.join(", ", l.readers()));
            }
            if (!l.waiters().isEmpty()) {
                parts.add("waiting: " + String.join(", ", l.waiters()));
            }
            if (l.writer() != null || !l.readers().isEmpty()) {
                held++;
            }
            locks.put(l.name(), Node.leaf(parts.isEmpty() ? "free" : String.join("; ", parts)));
        }
        root.put("locks", new Node(held + " held", locks));

        Map<String, Node> devices = new LinkedHashMap<>();
        for (var d : s.devices()) {
            Map<String, Node> f = new LinkedHashMap<>();
            f.put("COMMAND.MEMORY", Node.leaf(d.commandMemory() ? "1" : "0"));
            f.put("power_state", Node.leaf(d.powerState()));
            f.put("pm_runtime_engaged", Node.leaf(Boolean.toString(d.pmRuntimeEngaged())));
            f.put("no_command_memory", Node.leaf(Boolean.toString(d.noCommandMemory())));
            f.put("faults see memory", Node.leaf(d.memoryEnabled() ? "enabled" : "disabled (SIGBUS)"));
            devices.put(d.name(), new Node(d.powerState() + (d.memoryEnabled() ? ", memory enabled" : ", memory disabled"), f));
        }
        root.put("devices", new Node(devices.size() + " device" + (devices.size() == 1 ? "" : "s"), devices));

        Map<String, Node> signals = new LinkedHashMap<>();
        int pending = 0;
        for (ActorView a : s.actors()) {
            if (a.kind() != ActorView.Kind.PINNER) {
                continue;
            }
            String v = null;
            for (Frame fr : a.frames()) {
                for (Frame.Variable x : fr.locals()) {
                    if (x.name().equals("fatal_signal_pending")) {
                        v = x.value();
                    }
                }
            }
            if ("true".equals(v)) {
                pending++;
            }
            signals.put(a.name(), Node.leaf(v == null ? "(not in vaddr_get_pfns)" : "true".equals(v) ? "SIGKILL pending" : "none"));
        }
        root.put("signals", new Node(pending == 0 ? "none pending" : pending + " fatal signal(s) pending", signals));

        return new Node("step " + s.step(), root);
    }
}
