package dev.pinscope.engine.spec;

/** The vfio-pci paths that hold memory_lock for write (and most of them zap), KERNEL-MODEL.md §5.3. */
public enum ZapTrigger {
    COMMAND_MEMORY_DISABLE, COMMAND_MEMORY_ENABLE, BAR_SIZING, DEVICE_RESET, HOT_RESET, LOW_POWER_ENTRY, D3HOT;

    /** Whether the trigger zaps the device's BAR mappings (COMMAND_MEMORY_ENABLE only takes the lock). */
    public boolean zaps() {
        return this != COMMAND_MEMORY_ENABLE;
    }
}
