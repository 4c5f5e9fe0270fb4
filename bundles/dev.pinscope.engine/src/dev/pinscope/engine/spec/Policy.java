package dev.pinscope.engine.spec;

/** The retry policies of KERNEL-MODEL.md §9, in the order of its letters (a)–(e). */
public enum Policy {
    /** (a) upstream before the patch: F2 failure returns -EINVAL. */
    PRE_PATCH,
    /** (b) the v1 patch: F2 failure returns -EAGAIN and vaddr_get_pfns() retries, unbounded. */
    PATCH_V1,
    /** (c) as (b) with a per-vaddr_get_pfns() counter of F2 failures; -EBUSY after N+1. */
    BOUNDED,
    /** (d) as (b) plus fatal-signal check and cond_resched() before every retry. */
    GUP_STYLE,
    /** (d') as (d) and the mmap lock is dropped and retaken (killable) before every retry. */
    GUP_STYLE_DROP_LOCK,
    /** (e) follow_pfnmap_start() returns -ENOENT for "no entry"; retry only on -ENOENT with the (d) guards. */
    ENOENT;

    /** Short letter used in KERNEL-MODEL.md §9/§10 column headings. */
    public String letter() {
        return switch (this) {
            case PRE_PATCH -> "a";
            case PATCH_V1 -> "b";
            case BOUNDED -> "c";
            case GUP_STYLE -> "d";
            case GUP_STYLE_DROP_LOCK -> "d'";
            case ENOENT -> "e";
        };
    }
}
