package dev.pinscope.engine.internal;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.ZapTrigger;

/**
 * drivers/vfio/pci: the actors that zap a device's mappings under memory_lock (write) and change its state —
 * COMMAND.MEMORY writes and BAR sizing (vfio_pci_config.c), device and hot reset, D3hot and runtime PM entry
 * (vfio_pci_core.c) — with {@code unmap_mapping_range()} clearing one leaf per step (§5.3).
 */
final class ZapActors extends KernelCode {
    ZapActors(Machine m) {
        super(m);
    }

    void step(long[] s, int a, StringBuilder ev) {
        ActorSpec.Zapper z = (ActorSpec.Zapper) at.actors[a];
        int d = z.device();
        Pc p = pcOf(s, a);
        switch (p) {
            case Z_LOCK, Z_LOCK2 -> {
                // vfio_pci_zap_and_down_write_memory_lock(): down_write first, so faults are excluded during the zap
                boolean zap = p == Pc.Z_LOCK && z.trigger().zaps();
                L.set(s, f.loop[a].cursor, 0);
                setPc(s, a, zap ? Pc.ZAP : p == Pc.Z_LOCK ? Pc.Z_STATE : Pc.Z_STATE2);
                say(ev, "memory_lock taken (write)");
            }
            case Z_TRYLOCK -> {
                // VFIO_DEVICE_PCI_HOT_RESET: down_write_trylock per device; contention → -EBUSY for the ioctl [M]
                if (ks.memWriteFree(s, a, d)) {
                    L.set(s, f.loop[a].cursor, 0);
                    setPc(s, a, Pc.ZAP);
                    say(ev, "memory_lock trylock (write): taken");
                } else {
                    endIteration(s, a);
                    say(ev, "memory_lock trylock failed → hot reset returns -EBUSY");
                }
            }
            case ZAP -> {
                // unmap_mapping_range() under i_mmap_rwsem (read): clear one leaf per step under its PT lock (§5.3)
                int[] ds = t.devSlots[d];
                int cur = L.geti(s, f.loop[a].cursor);
                int i = ks.nextLeaf(s, a, cur == 0 ? 0 : cur - 1);
                if (i < 0) {
                    L.set(s, f.loop[a].cursor, 0);
                    setPc(s, a, Pc.Z_STATE);
                    say(ev, "unmap_mapping_range: nothing mapped");
                    return;
                }
                int slot = ds[i];
                f.setSlot(s, slot, K_NONE, false, false);
                int next = ks.nextLeaf(s, a, i + 1);
                if (next < 0) {
                    L.set(s, f.loop[a].cursor, 0);
                    setPc(s, a, Pc.Z_STATE);
                } else {
                    L.set(s, f.loop[a].cursor, next + 1);
                }
                if (ev != null) {
                    ev.append(String.format("%s leaf zapped at 0x%x (pfn 0x%x)", t.sLevel[slot], t.sVaddr[slot],
                            t.pfnAt(t.sVaddr[slot])));
                    if (next < 0) {
                        ev.append("; i_mmap_rwsem released");
                    }
                }
            }
            case Z_STATE -> {
                StateLayout.Device dv = f.device[d];
                String what = switch (z.trigger()) {
                    case COMMAND_MEMORY_DISABLE, BAR_SIZING -> setDevice(s, dv.memory, 0, "vconfig COMMAND.MEMORY = 0");
                    case COMMAND_MEMORY_ENABLE -> setDevice(s, dv.memory, 1, "vconfig COMMAND.MEMORY = 1");
                    // the reset leaves vconfig alone and returns the device to D0 (§5.3 2., §10 #8)
                    case DEVICE_RESET, HOT_RESET -> setDevice(s, dv.power, 0, "device reset; D0 (vconfig untouched)");
                    case LOW_POWER_ENTRY -> setDevice(s, dv.pmRuntimeEngaged, 1, "pm_runtime_engaged = true");
                    default -> setDevice(s, dv.power, 1, "current_state = D3hot");
                };
                setPc(s, a, Pc.Z_UNLOCK);
                say(ev, what);
            }
            case Z_UNLOCK -> {
                if (z.trigger() == ZapTrigger.BAR_SIZING) {
                    setPc(s, a, Pc.Z_BAR);
                } else {
                    endIteration(s, a);
                }
                say(ev, "memory_lock released (write)");
            }
            case Z_BAR -> {
                setPc(s, a, Pc.Z_LOCK2);
                say(ev, "BAR register written (sizing)");
            }
            case Z_STATE2 -> {
                L.set(s, f.device[d].memory, 1);
                setPc(s, a, Pc.Z_UNLOCK2);
                say(ev, "vconfig COMMAND.MEMORY = 1");
            }
            case Z_UNLOCK2 -> {
                endIteration(s, a);
                say(ev, "memory_lock released (write)");
            }
            default -> throw new IllegalStateException("zapper at " + p);
        }
    }

    /** The zapper's state change under memory_lock: one device field; returns the step's description. */
    private String setDevice(long[] s, int field, int value, String what) {
        L.set(s, field, value);
        return what;
    }
}
