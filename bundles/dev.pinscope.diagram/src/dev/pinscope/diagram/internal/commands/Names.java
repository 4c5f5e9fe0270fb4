package dev.pinscope.diagram.internal.commands;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/** Fresh names for new elements: {@code vma2}, {@code pinner1}, {@code 0000:03:00.0}. */
final class Names {

    private Names() {
    }

    static String fresh(Scenario s, String prefix, Set<String> reserved) {
        Set<String> used = used(s);
        used.addAll(reserved);
        for (int i = 0;; i++) {
            String candidate = prefix + i;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    static String freshPci(Scenario s, Set<String> reserved) {
        Set<String> used = used(s);
        used.addAll(reserved);
        for (int bus = 1;; bus++) {
            String candidate = String.format("0000:%02x:00.0", bus);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    static Set<String> used(Scenario s) {
        Set<String> used = new HashSet<>();
        for (var it = s.eAllContents(); it.hasNext();) {
            EObject o = it.next();
            String n = switch (o) {
                case Vma v -> v.getName();
                case Actor a -> a.getName();
                case Device d -> d.getName();
                default -> null;
            };
            if (n != null) {
                used.add(n);
            }
        }
        return used;
    }
}
