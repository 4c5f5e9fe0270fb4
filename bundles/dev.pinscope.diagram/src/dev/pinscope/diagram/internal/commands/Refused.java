package dev.pinscope.diagram.internal.commands;

import org.eclipse.gef.commands.Command;

/**
 * What an edit policy answers for an edit it will not make, with the reason as label: GEF shows
 * the not-allowed cursor for it, and the policy shows the reason at the cursor and in the status
 * line (e.g. "a PMD leaf needs a 2M-aligned address inside the VMA; bar1 starts at 0x7f00400e7000").
 */
public final class Refused extends Command {

    public Refused(String reason) {
        super(reason);
    }

    @Override
    public boolean canExecute() {
        return false;
    }

    public String reason() {
        return getLabel();
    }
}
