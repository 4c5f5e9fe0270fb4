package dev.pinscope.diagram.internal.layout;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;

import dev.pinscope.model.scenario.ScenarioPackage;

/**
 * A connection in the diagram. {@link Kind#isReference()} kinds show a single-valued reference of
 * the source (deleting the connection unsets it); the others are derived from addresses and are
 * read-only.
 */
public record Link(Kind kind, EObject source, EObject target) {

    public enum Kind {
        /** Vma.bar, labelled with the pgoff */
        VMA_BAR(ScenarioPackage.Literals.VMA__BAR),
        /** Zapper.device */
        ZAPPER_DEVICE(ScenarioPackage.Literals.ZAPPER__DEVICE),
        /** PageTableWalker.vma */
        WALKER_VMA(ScenarioPackage.Literals.PAGE_TABLE_WALKER__VMA),
        /** Unmapper.vma */
        UNMAPPER_VMA(ScenarioPackage.Literals.UNMAPPER__VMA),
        /** SignalSender.target */
        SIGNAL_PINNER(ScenarioPackage.Literals.SIGNAL_SENDER__TARGET),
        /** a pinner's range [vaddr, vaddr+size) → the VMA it starts in (derived) */
        PINNER_RANGE(null),
        /** a CPU access's address → its VMA (derived) */
        CPU_VMA(null),
        /** a leaf's PFN → the BAR holding it (derived) */
        ENTRY_PFN(null);

        private final EReference reference;

        Kind(EReference reference) {
            this.reference = reference;
        }

        /** The reference this kind shows, or null for a derived link. */
        public EReference reference() {
            return reference;
        }

        public boolean isReference() {
            return reference != null;
        }

        /** The kind whose reference has {@code source}'s type as owner and accepts {@code target}. */
        public static Kind forEnds(EObject source, EObject target) {
            for (Kind k : values()) {
                if (k.reference != null && k.reference.getEContainingClass().isInstance(source)
                        && k.reference.getEReferenceType().isInstance(target)) {
                    return k;
                }
            }
            return null;
        }
    }
}
