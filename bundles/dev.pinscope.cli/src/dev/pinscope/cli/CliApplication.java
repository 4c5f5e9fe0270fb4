package dev.pinscope.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * Equinox application {@code dev.pinscope.cli.app}: the product's {@code pinscope} launcher starts it for the
 * run/explore/compare/validate subcommands. All logic is in {@link PinscopeCli}; the exit code is returned.
 */
public final class CliApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        String[] args = raw instanceof String[] a ? a : new String[0];
        context.applicationRunning();
        return Integer.valueOf(new PinscopeCli(System.out, System.err).run(args));
    }

    @Override
    public void stop() {
        // runs to completion; nothing to interrupt
    }
}
