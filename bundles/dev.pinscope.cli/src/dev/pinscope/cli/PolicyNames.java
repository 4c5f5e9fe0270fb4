package dev.pinscope.cli;

import dev.pinscope.engine.spec.Policy;
import java.util.Arrays;
import java.util.Iterator;

/** The policy names for {@code --policy} in usage text and shell completion. */
public final class PolicyNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Policy.values()).map(Policy::name).iterator();
    }
}
