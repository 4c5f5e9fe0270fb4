package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.Level;
import dev.pinscope.engine.spec.Policy;

/**
 * mm/memory.c {@code follow_pfnmap_start()} as follow_fault_pfn calls it at F1 and F2 (§3.3): the lockless
 * walk to the leaf, then the level lock, the re-read (post-ffef67b93aa3, {@code recheckUnderLock}) or the stale
 * snapshot (before it), and the failure codes that reach the retry policies.
 */
final class FollowPfnmap extends KernelCode {
    FollowPfnmap(Machine m) {
        super(m);
    }

    void step(long[] s, int a, Pc p, StringBuilder ev) {
        if (p == Pc.F1_READ || p == Pc.F2_READ) {
            stepFollowRead(s, a, p == Pc.F1_READ, ev);
        } else {
            stepFollowLock(s, a, p, ev);
        }
    }

    private void stepFollowRead(long[] s, int a, boolean f1, StringBuilder ev) {
        // follow_pfnmap_start(): lockless pgd/p4d/pud/pmd reads (§3.3). A PUD table cannot turn back into a leaf
        // or vanish while the mmap lock is held, so reading PUD and PMD in one step loses no interleaving.
        long va = curVaddr(s, a);
        if (readLevel(s, a, f1, Level.PUD, t.pudSlot(va), ev) || readLevel(s, a, f1, Level.PMD, t.pmdSlot(va), ev)) {
            return;
        }
        L.set(s, f.pinner[a].lvl, Level.PTE.ordinal());
        setPc(s, a, f1 ? Pc.F1_LOCK_PTE : Pc.F2_LOCK_PTE);
        say(ev, "pud table; pmd table → pte_offset_map_lock()");
    }

    /**
     * One level of the lockless walk: a leaf is the snapshot whose lock the next step takes; none fails the walk
     * (E5 at the PUD, E7 at the PMD); a table returns false, and the walk reads the next level.
     */
    private boolean readLevel(long[] s, int a, boolean f1, Level lvl, int slot, StringBuilder ev) {
        boolean pud = lvl == Level.PUD;
        int k = f.slotKind(s, slot);
        if (k == K_LEAF) {
            StateLayout.Pinner pf = f.pinner[a];
            L.set(s, pf.lvl, lvl.ordinal());
            L.set(s, pf.writable, f.slotW(s, slot));
            setPc(s, a, pud ? (f1 ? Pc.F1_LOCK_PUD : Pc.F2_LOCK_PUD) : (f1 ? Pc.F1_LOCK_PMD : Pc.F2_LOCK_PMD));
            say(ev, pud ? "pud = READ_ONCE(*pudp): leaf (lockless snapshot)"
                    : "pud table; pmd = pmdp_get_lockless(): leaf (lockless snapshot)");
            return true;
        }
        if (k == K_NONE) {
            followFail(s, a, f1);
            if (ev != null) {
                ev.append(pud ? "pud none → " : "pmd none → ").append(R_NAMES[noEntry()]).append(pud ? " (E5)" : " (E7)");
            }
            return true;
        }
        return false;
    }

    private void followFail(long[] s, int a, boolean f1) {
        StateLayout.Pinner pf = f.pinner[a];
        setRet(s, a, noEntry());
        L.set(s, pf.lvl, 0);
        L.set(s, pf.writable, 0);
        L.set(s, pf.stale, 0);
        if (f1) {
            // follow_fault_pfn(): F1 failed → fixup_user_fault() with a fresh 'unlocked = false' (§2)
            L.set(s, pf.unlocked, 0);
            L.set(s, pf.tried, 0);
            setPc(s, a, Pc.FIXUP);
        } else {
            setPc(s, a, Pc.F2_FAIL);
        }
    }

    private void stepFollowLock(long[] s, int a, Pc p, StringBuilder ev) {
        StateLayout.Pinner pf = f.pinner[a];
        boolean f1 = p == Pc.F1_LOCK_PUD || p == Pc.F1_LOCK_PMD || p == Pc.F1_LOCK_PTE;
        long va = curVaddr(s, a);
        Level lvl = switch (p) {
            case F1_LOCK_PUD, F2_LOCK_PUD -> Level.PUD;
            case F1_LOCK_PMD, F2_LOCK_PMD -> Level.PMD;
            default -> Level.PTE;
        };
        int slot = lvl == Level.PUD ? t.pudSlot(va) : lvl == Level.PMD ? t.pmdSlot(va) : t.pteSlot(va);
        int lock = slot < 0 ? 0 : t.sLock[slot];
        String ln = lvl == Level.PUD ? "pud_lock" : lvl == Level.PMD ? "pmd_lock" : "pte lock";
        if (lvl == Level.PTE) {
            // pte_offset_map_lock(): NULL if the pmd changed under us (E8); the PTE is only read under its lock
            int pmd = t.pmdSlot(va);
            if (f.slotKind(s, pmd) != K_TABLE || slot < 0) {
                followFail(s, a, f1);
                if (ev != null) {
                    ev.append("pte_offset_map_lock: pmd changed → " + R_NAMES[noEntry()] + " (E8)");
                }
                return;
            }
            if (f.slotKind(s, slot) != K_LEAF) {
                followFail(s, a, f1);
                if (ev != null) {
                    ev.append("pte lock taken; pte none → unlock, " + R_NAMES[noEntry()] + " (E9)");
                }
                return;
            }
            L.set(s, pf.ptl, lock);
            L.set(s, pf.writable, f.slotW(s, slot));
            setRet(s, a, R_OK);
            setPc(s, a, Pc.F_END);
            say(ev, "pte lock taken; pte present → 0 (lock held)");
            return;
        }
        int k = f.slotKind(s, slot);
        if (m.recheck) {
            // post-ffef67b93aa3: re-read under the lock; none → -EINVAL (E6/E8a), table → walk again (§3.3)
            if (k == K_NONE) {
                followFail(s, a, f1);
                if (ev != null) {
                    ev.append(ln + " taken; re-read: none → unlock, " + R_NAMES[noEntry()]
                            + (lvl == Level.PUD ? " (E6)" : " (E8a)"));
                }
                return;
            }
            if (k == K_TABLE) {
                L.set(s, pf.lvl, 0);
                L.set(s, pf.writable, 0);
                setPc(s, a, f1 ? Pc.F1_READ : Pc.F2_READ);
                if (ev != null) {
                    ev.append(ln + " taken; re-read: no longer a leaf → unlock, goto retry");
                }
                return;
            }
            L.set(s, pf.writable, f.slotW(s, slot));
        } else if (k != K_LEAF) {
            // pre-fix: the stale lockless snapshot is re-tested and passes; args come from it (§3.3 ★, §10 #10)
            L.set(s, pf.stale, 1);
        }
        L.set(s, pf.ptl, lock);
        setRet(s, a, R_OK);
        setPc(s, a, Pc.F_END);
        if (ev != null) {
            ev.append(ln).append(" taken; ").append(m.recheck ? "re-read: leaf" : "stale snapshot used")
                    .append(k != K_LEAF && !m.recheck ? " — the entry is GONE (zapped in W0)" : "")
                    .append(" → 0 (lock held)");
        }
    }

    /** follow_pfnmap_start() failure code: -ENOENT for "no present entry" under policy (e), else -EINVAL (§9). */
    private int noEntry() {
        return policy == Policy.ENOENT ? R_ENOENT : R_EINVAL;
    }
}
