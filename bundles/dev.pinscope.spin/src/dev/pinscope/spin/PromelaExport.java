package dev.pinscope.spin;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.DeviceSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a self-contained Promela model of a scenario under one policy, from templates per kernel function
 * (KERNEL-MODEL.md §1–§6 at the step granularity of §8.5), independently of the engine's transition code so that
 * SPIN can catch a mistake in the engine's explorer, reduction or cycle search. It reads only the scenario
 * ({@link ScenarioSpec}) and the engine's public option records.
 *
 * <p>Conventions of the model: one proctype per actor (pid = actor index + 1, after init); every atomic step is one
 * {@code d_step} that prints {@code @<actor>}; the pinner prints {@code RESULT <errno> <pages>} when MAP_DMA returns;
 * the pinner's retry path carries {@code accept_retry} (for the pinner chosen by {@code -DPINSCOPE_LIVE=i}, default
 * the first), so an acceptance cycle under weak fairness is a retry livelock; {@code assert} checks the stale-PFN
 * violation of §10 #10. {@code -DPINSCOPE_COLLECT} turns the end-of-pinner check into the verifier's result
 * collector (see {@link SpinVerifier}).
 */
public final class PromelaExport {
    private PromelaExport() {
    }

    /** The generated model and what a reader of its output needs to know. */
    public record Model(String text, Policy policy, List<String> actors, List<Integer> pinners) {
    }

    /**
     * Export options: the two settings the engine also has (§9 (c), §1.3 quirk), and whether the policy is chosen
     * when pan runs (environment variable PINSCOPE_POLICY, the policy's ordinal) instead of fixed in the model: then
     * the model text, and so one compiled pan, serves all six policies (the tests compile one pan per scenario).
     */
    public record Options(boolean boundedCountsUnlocked, boolean resetRetOnRetry, boolean policyAtRunTime) {
        public Options(boolean boundedCountsUnlocked, boolean resetRetOnRetry) {
            this(boundedCountsUnlocked, resetRetOnRetry, false);
        }

        public static Options defaults() {
            return new Options(false, false, false);
        }

        public static Options of(SimulationOptions so) {
            return new Options(so.boundedCountsUnlocked(), so.resetRetOnRetry(), false);
        }

        public Options withPolicyAtRunTime(boolean b) {
            return new Options(boundedCountsUnlocked, resetRetOnRetry, b);
        }
    }

    /** The model's name for a policy's ordinal (the value PINSCOPE_POLICY gives it). */
    static String policyConstant(Policy p) {
        return "POL_" + p.name();
    }

    public static Model export(ScenarioSpec spec, Policy policy) {
        return export(spec, policy, Options.defaults());
    }

    /**
     * @throws IllegalArgumentException with a one-line message when the scenario is outside what the export covers
     *                                  (too many slots or call sites, more than 255 actors, a retry bound over 254)
     */
    public static Model export(ScenarioSpec spec, Policy policy, Options options) {
        if (spec.actors().isEmpty()) {
            throw new IllegalArgumentException("scenario has no actors");
        }
        if (spec.actors().size() > 200) {
            throw new IllegalArgumentException("more than 200 actors are not supported by the Promela export");
        }
        if (policy == Policy.BOUNDED && (spec.maxRetries() < 0 || spec.maxRetries() > 254)) {
            throw new IllegalArgumentException("maxRetries must be 0..254 for the Promela export");
        }
        SimulationOptions so = SimulationOptions.defaults().withBoundedCountsUnlocked(options.boundedCountsUnlocked())
                .withResetRetOnRetry(options.resetRetOnRetry());
        Topology t = new Topology(spec);
        Pml o = new Pml();
        header(o, spec, options.policyAtRunTime() ? null : policy, t);
        globals(o, spec, t, options.policyAtRunTime());
        List<String> names = new ArrayList<>();
        List<Integer> pinners = new ArrayList<>();
        ActorTemplates at = new ActorTemplates(t, o);
        for (int a = 0; a < spec.actors().size(); a++) {
            ActorSpec as = spec.actors().get(a);
            names.add(as.name());
            switch (as) {
                case ActorSpec.Pinner p -> {
                    new PinnerTemplate(t, policy, options.policyAtRunTime(), spec.maxRetries(), so, a, pinners.size(), o)
                            .emit();
                    pinners.add(a);
                }
                case ActorSpec.Zapper z -> at.zapper(a, z);
                case ActorSpec.Walker w -> at.walker(a, w);
                case ActorSpec.CpuAccess c -> at.cpu(a, c);
                case ActorSpec.SignalSender s -> at.signal(a, s);
                case ActorSpec.Unmapper u -> at.unmapper(a, u);
            }
        }
        init(o, spec, t, options.policyAtRunTime());
        return new Model(o.toString(), policy, List.copyOf(names), List.copyOf(pinners));
    }

    private static void header(Pml o, ScenarioSpec spec, Policy policy, Topology t) {
        o.line("/*");
        o.line(" * Pinscope Promela export: " + spec.name().replace("*/", "* /"));
        o.line(" * " + (policy == null ? "Policy chosen when pan runs: PINSCOPE_POLICY=ordinal (POL_* below)"
                : "Policy " + policy + " (KERNEL-MODEL.md §9 (" + policy.letter() + ")") + "); follow_pfnmap_start() "
                + (spec.kernel().recheckUnderLock() ? "re-reads under the lock (ffef67b93aa3)"
                        : "uses the lockless snapshot (pre-ffef67b93aa3)") + "; THP " + spec.kernel().thpMode() + ".");
        o.line(" * Written from templates per kernel function (KERNEL-MODEL.md §1-§6, steps of §8.5), not from the");
        o.line(" * engine's transition code. One d_step = one atomic step; each prints @<actor index>.");
        o.line(" *   spin -a THIS.pml && gcc -O2 -o pan pan.c && ./pan -m1000000          (safety: stale PFN, end states)");
        o.line(" *   ./pan -a -f -m1000000                                                (retry livelock, weak fairness)");
        o.line(" *   spin -t THIS.pml                                                     (replay: @actor lines, RESULT)");
        o.line(" * " + t.slots.size() + " page-table slot(s), " + t.locks + " lock id(s) (1 = mm->page_table_lock).");
        o.line(" */");
        o.line("#ifndef PINSCOPE_LIVE");
        o.line("#define PINSCOPE_LIVE 0");
        o.line("#endif");
        o.line("#ifdef PINSCOPE_COLLECT");
        o.line("c_decl {");
        o.line("    /* result codes already collected, 8 bits per pinner (errno index; 7 = OK with a stale PFN) */");
        o.line("    unsigned long long pinscope_found_mask(void) {");
        o.line("        static int read; static unsigned long long m;");
        o.line("        if (!read) { char *e = getenv(\"PINSCOPE_FOUND\"); m = e ? strtoull(e, 0, 10) : 0; read = 1; }");
        o.line("        return m;");
        o.line("    }");
        o.line("}");
        o.line("#endif");
        if (policy == null) {
            o.line("c_decl {");
            o.line("    /* the policy of this run, the ordinal of KERNEL-MODEL.md §9's six (255 when unset) */");
            o.line("    int pinscope_policy(void) {");
            o.line("        char *e = getenv(\"PINSCOPE_POLICY\");");
            o.line("        return e && *e ? atoi(e) : 255;");
            o.line("    }");
            o.line("}");
            for (Policy p : Policy.values()) {
                o.line("#define " + policyConstant(p) + " " + p.ordinal());
            }
        }
        o.line("");
        String[] pcs = {"MAP_LOOP", "MAP_RESULT", "MAP_END", "PPR_LOOP", "PPR_CHECK", "PPR_OUT", "P_LOCK", "GUP",
            "LOOKUP", "RETRY", "RETRY_UNLOCK", "RELOCK", "VGP_COUNT", "P_UNLOCK", "FIXUP_RET", "F2_FAIL", "F_END",
            "F1_READ", "F1_LOCK_PUD", "F1_LOCK_PMD", "F1_LOCK_PTE", "F2_READ", "F2_LOCK_PUD", "F2_LOCK_PMD",
            "F2_LOCK_PTE", "FIXUP", "FIXUP_RESULT", "FIXUP_RELOCK", "HMF", "FAULT_LOCK", "FAULT_INSERT", "PROV_DROP",
            "PROV_INSERT", "P_DONE", "Z_LOCK", "Z_TRYLOCK", "ZAP", "Z_STATE", "Z_UNLOCK", "Z_BAR", "Z_LOCK2",
            "Z_STATE2", "Z_UNLOCK2", "Z_DONE", "W_LOCK", "SPLIT", "W_UNLOCK", "W_DONE", "C_LOCK", "C_FAULT",
            "C_FAULT_LOCK", "C_FAULT_INSERT", "C_UNLOCK", "C_DONE", "S_SEND", "S_DONE", "M_LOCK", "M_UNMAP",
            "M_UNLOCK", "M_DONE"};
        o.comment("program counters: one per atomic step (the engine's listing labels)");
        for (int i = 0; i < pcs.length; i++) {
            o.line("#define " + pcs[i] + " " + (i + 1));
        }
        o.comment("ret values of the pinner (vaddr_get_pfns()/follow_fault_pfn() errnos)");
        for (int i = 0; i < PinnerTemplate.R_NAMES.length; i++) {
            o.line("#define " + PinnerTemplate.R_NAMES[i] + " " + i);
        }
        o.comment("vm_fault_t results; page-table slot kinds (§8.3); leaf level index (PTE 0, PMD 1, PUD 2, GUP 3)");
        o.line("#define VMF_NOPAGE 0");
        o.line("#define VMF_SIGBUS 1");
        o.line("#define VMF_SIGSEGV 2");
        o.line("#define VMF_RETRY 3");
        o.line("#define NONE 0");
        o.line("#define TABLE 1");
        o.line("#define LEAF 2");
        o.line("#define LVL_GUP " + Topology.GUP);
        o.line("#define KIND(s) (slot[s] & 3)");
        o.line("#define SLOTW(s) ((slot[s] >> 2) & 1)");
        o.line("");
    }

    private static void globals(Pml o, ScenarioSpec spec, Topology t, boolean policyAtRunTime) {
        if (policyAtRunTime) {
            o.comment("the retry policy of this run (set once by init from PINSCOPE_POLICY)");
            o.line("byte policy;");
        }
        int nd = Math.max(1, spec.devices().size());
        int nv = Math.max(1, spec.vmas().size());
        o.comment("page-table slots the scenario touches (§8.3): kind | writable << 2");
        for (Topology.Slot s : t.slots) {
            o.comment(String.format("slot %d: %s at 0x%x%s, lock %d%s", s.id(), s.level(), s.vaddr(),
                    s.vma() >= 0 ? " (" + spec.vmas().get(s.vma()).name() + ")" : "", s.lock(),
                    s.capable() ? ", a fault installs a leaf here" : ""));
        }
        o.line("byte slot[" + Math.max(1, t.slots.size()) + "];");
        o.comment("page-table locks: owning pinner's actor index + 1, 0 = free");
        o.line("byte ptl[" + t.locks + "];");
        o.comment("mm->mmap_lock (rwsem, readers may overtake a waiting writer), i_mmap_rwsem readers (zaps)");
        o.line("byte mmap_r; bit mmap_w; byte immap_r;");
        o.comment("per device (§8.4): memory_lock (rwsem), vconfig COMMAND.MEMORY, current_state, pm_runtime_engaged");
        o.line("byte mem_r[" + nd + "]; bit mem_w[" + nd + "]; bit dev_mem[" + nd + "]; byte dev_power[" + nd
                + "]; bit dev_pm[" + nd + "];");
        o.line("bit vma_present[" + nv + "];");
        o.comment("per actor: fatal_signal_pending() (pinners), result code + 1 once MAP_DMA returned (0 = running)");
        o.line("bit fatal_signal_pending[" + spec.actors().size() + "];");
        o.line("byte res[" + spec.actors().size() + "];");
    }

    private static void init(Pml o, ScenarioSpec spec, Topology t, boolean policyAtRunTime) {
        o.line("");
        o.comment("the initial kernel state, then every actor");
        o.line("init {");
        o.in();
        o.line("atomic {");
        o.in();
        if (policyAtRunTime) {
            o.line("c_code { now.policy = pinscope_policy(); };");
            o.line("assert(policy < " + Policy.values().length + ");");
        }
        for (Topology.Slot s : t.slots) {
            if (s.initKind() != Topology.NONE) {
                o.line("slot[" + s.id() + "] = " + (s.initKind() + (s.initW() ? 4 : 0)) + ";");
            }
        }
        for (int v = 0; v < spec.vmas().size(); v++) {
            o.line("vma_present[" + v + "] = 1;");
        }
        for (int d = 0; d < spec.devices().size(); d++) {
            DeviceSpec ds = spec.devices().get(d);
            o.line("dev_mem[" + d + "] = " + (ds.memoryEnabled() ? 1 : 0) + "; dev_power[" + d + "] = "
                    + ds.powerState().ordinal() + "; dev_pm[" + d + "] = " + (ds.pmRuntimeEngaged() ? 1 : 0) + ";");
        }
        for (int a = 0; a < spec.actors().size(); a++) {
            o.line("run P" + a + "_" + Pml.ident(spec.actors().get(a).name()) + "();");
        }
        o.out();
        o.line("}");
        o.out();
        o.line("}");
    }
}
