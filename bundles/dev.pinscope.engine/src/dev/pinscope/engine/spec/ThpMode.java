package dev.pinscope.engine.spec;

/** sysfs transparent_hugepage/enabled (KERNEL-MODEL.md §4.2, THP gate). */
public enum ThpMode { ALWAYS, MADVISE, NEVER }
