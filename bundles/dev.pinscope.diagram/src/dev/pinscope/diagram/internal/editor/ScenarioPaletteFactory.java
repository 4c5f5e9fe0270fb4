package dev.pinscope.diagram.internal.editor;

import org.eclipse.gef.palette.CombinedTemplateCreationEntry;
import org.eclipse.gef.palette.ConnectionCreationToolEntry;
import org.eclipse.gef.palette.MarqueeToolEntry;
import org.eclipse.gef.palette.PaletteDrawer;
import org.eclipse.gef.palette.PaletteGroup;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.palette.SelectionToolEntry;
import org.eclipse.gef.palette.ToolEntry;
import org.eclipse.gef.requests.CreationFactory;
import org.eclipse.jface.resource.ImageDescriptor;

import dev.pinscope.diagram.internal.commands.ElementKind;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.model.scenario.ScenarioPackage;

/** The palette: selection tools, a creation tool per element kind, a connection tool per reference. */
public final class ScenarioPaletteFactory {

    private ScenarioPaletteFactory() {
    }

    public static PaletteRoot create() {
        PaletteRoot root = new PaletteRoot();
        PaletteGroup tools = new PaletteGroup("Tools");
        ToolEntry select = new SelectionToolEntry();
        tools.add(select);
        tools.add(new MarqueeToolEntry());
        root.add(tools);
        root.setDefaultEntry(select);

        root.add(drawer("Address space", ElementKind.VMA, ElementKind.PUD, ElementKind.PMD, ElementKind.PTE));
        root.add(drawer("Physical", ElementKind.DEVICE, ElementKind.BAR));
        root.add(drawer("Actors", ElementKind.PINNER, ElementKind.ZAPPER, ElementKind.WALKER, ElementKind.CPU_ACCESS,
                ElementKind.SIGNAL, ElementKind.UNMAPPER));

        PaletteDrawer links = new PaletteDrawer("References");
        links.add(link("VMA → BAR", "Map a VMA onto a BAR (Vma.bar; pgoff 0)", Link.Kind.VMA_BAR));
        links.add(link("Zapper → device", "The device whose mappings the zapper zaps", Link.Kind.ZAPPER_DEVICE));
        links.add(link("Walker → VMA", "The VMA a numa_maps/smaps reader walks", Link.Kind.WALKER_VMA));
        links.add(link("Unmapper → VMA", "The VMA munmap() removes", Link.Kind.UNMAPPER_VMA));
        links.add(link("Signal → pinner", "The pinner that receives the fatal signal", Link.Kind.SIGNAL_PINNER));
        root.add(links);
        return root;
    }

    private static PaletteDrawer drawer(String title, ElementKind... kinds) {
        PaletteDrawer d = new PaletteDrawer(title);
        for (ElementKind k : kinds) {
            ImageDescriptor icon = Icons.descriptor(k.eClass());
            CombinedTemplateCreationEntry entry = new CombinedTemplateCreationEntry(k.label(), k.description(), k, k.factory(), icon, icon);
            entry.setId("dev.pinscope.diagram.tool." + k.name().toLowerCase());
            d.add(entry);
        }
        return d;
    }

    private static ConnectionCreationToolEntry link(String label, String description, Link.Kind kind) {
        CreationFactory factory = new CreationFactory() {
            @Override
            public Object getNewObject() {
                return kind;
            }

            @Override
            public Object getObjectType() {
                return kind;
            }
        };
        ImageDescriptor icon = Icons.descriptor(kind.reference().getEContainingClass() == ScenarioPackage.Literals.VMA
                ? ScenarioPackage.Literals.BAR : kind.reference().getEContainingClass());
        ConnectionCreationToolEntry entry = new ConnectionCreationToolEntry(label, description, factory, icon, icon);
        entry.setId("dev.pinscope.diagram.tool.link." + kind.name().toLowerCase());
        return entry;
    }
}
