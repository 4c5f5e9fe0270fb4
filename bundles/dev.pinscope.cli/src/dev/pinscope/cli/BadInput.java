package dev.pinscope.cli;

/** Bad input or usage: the CLI prints {@code pinscope: MESSAGE} on one line and exits {@link PinscopeCli#BAD_INPUT}. */
public final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    public BadInput(String msg) {
        super(msg);
    }
}
