package dev.pinscope.engine.spec;

/** pdev->current_state; D3hot and lower make vfio faults SIGBUS (KERNEL-MODEL.md §5.2). */
public enum PowerState { D0, D3HOT, D3COLD }
