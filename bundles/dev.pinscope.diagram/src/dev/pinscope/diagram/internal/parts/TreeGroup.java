package dev.pinscope.diagram.internal.parts;

import java.util.List;

/** A heading in the outline tree ("VMAs", "Devices", "Actors") grouping elements of one kind. */
public record TreeGroup(String title, String key, List<?> children) {

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeGroup g && g.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
