package dev.pinscope.engine.internal;

import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ZapTrigger;

/**
 * Base of the classes that hold the steps of one kernel file (type1, follow_pfnmap, the fault path, the zappers,
 * the mm actors): the compiled scenario's tables and the state accessors every step uses, copied into final
 * fields so a step reads them with one load.
 */
abstract class KernelCode {
    // error codes kept in a pinner's 'ret' field
    static final int R_OK = 0, R_EINVAL = 1, R_EAGAIN = 2, R_EBUSY = 3, R_EFAULT = 4, R_EINTR = 5, R_ENOMEM = 6,
            R_ENOENT = 7;
    static final String[] R_NAMES = {"0", "-EINVAL", "-EAGAIN", "-EBUSY", "-EFAULT", "-EINTR", "-ENOMEM", "-ENOENT"};
    // vm_fault_t results kept in 'vmf'
    static final int VMF_NOPAGE = 0, VMF_SIGBUS = 1, VMF_SIGSEGV = 2, VMF_RETRY = 3;
    static final String[] VMF_NAMES = {"VM_FAULT_NOPAGE", "VM_FAULT_SIGBUS", "VM_FAULT_SIGSEGV", "VM_FAULT_RETRY"};
    static final int K_NONE = Topology.K_NONE, K_TABLE = Topology.K_TABLE, K_LEAF = Topology.K_LEAF;

    final Machine m;
    final Topology t;
    final ActorTable at;
    final StateLayout f;
    final Layout L;
    final KernelState ks;
    final Policy policy;
    final SimulationOptions options;

    KernelCode(Machine m) {
        this.m = m;
        this.t = m.t;
        this.at = m.at;
        this.f = m.f;
        this.L = m.f.bits;
        this.ks = m.ks;
        this.policy = m.policy;
        this.options = m.options;
    }

    static void say(StringBuilder ev, String text) {
        if (ev != null) {
            ev.append(text);
        }
    }

    final Pc pcOf(long[] s, int a) {
        return f.pcOf(s, a);
    }

    final void setPc(long[] s, int a, Pc p) {
        f.setPc(s, a, p);
    }

    final int ret(long[] s, int a) {
        return L.geti(s, f.pinner[a].ret);
    }

    final void setRet(long[] s, int a, int r) {
        L.set(s, f.pinner[a].ret, r);
    }

    /** vaddr_get_pfns()'s vaddr: dma->vaddr + dma->size + pinned pages. */
    final long curVaddr(long[] s, int a) {
        return ks.curVaddr(s, a);
    }

    /**
     * The end of one iteration of a zapper's, walker's or CPU thread's loop: the next iteration starts at the
     * first step, or the actor finishes after its last.
     */
    final void endIteration(long[] s, int a) {
        int k = at.kind[a];
        Pc first = switch (k) {
            case ActorTable.A_ZAP -> at.zapper(a).trigger() == ZapTrigger.HOT_RESET ? Pc.Z_TRYLOCK : Pc.Z_LOCK;
            case ActorTable.A_WALK -> Pc.W_LOCK;
            default -> Pc.C_LOCK;
        };
        Pc done = k == ActorTable.A_ZAP ? Pc.Z_DONE : k == ActorTable.A_WALK ? Pc.W_DONE : Pc.C_DONE;
        StateLayout.Loop lp = f.loop[a];
        if (lp.cursor >= 0) {
            L.set(s, lp.cursor, 0);
        }
        if (at.repeat[a] < 0) {
            setPc(s, a, first);
            return;
        }
        long it = L.get(s, lp.iteration) + 1;
        if (it >= at.repeat[a]) {
            L.set(s, lp.iteration, 0);
            setPc(s, a, done);
        } else {
            L.set(s, lp.iteration, it);
            setPc(s, a, first);
        }
    }
}
