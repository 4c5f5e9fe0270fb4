package dev.pinscope.diagram.internal.parts;

import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartFactory;

import dev.pinscope.diagram.internal.layout.EntryRun;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.model.scenario.Actor;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/** Maps model elements (and runs and links) to their edit parts. */
public class ScenarioEditPartFactory implements EditPartFactory {

    private final DiagramContext context;

    public ScenarioEditPartFactory(DiagramContext context) {
        this.context = context;
    }

    @Override
    public EditPart createEditPart(EditPart parent, Object model) {
        EditPart part = switch (model) {
            case Scenario s -> new ScenarioEditPart(context);
            case Vma v -> new VmaEditPart(context);
            case PageTableEntry e -> new EntryEditPart(context);
            case EntryRun r -> new EntryRunEditPart(context);
            case Device d -> new DeviceEditPart(context);
            case Bar b -> new BarEditPart(context);
            case Actor a -> new ActorEditPart(context);
            case Link l -> new LinkEditPart(context);
            default -> throw new IllegalArgumentException("no edit part for " + model);
        };
        part.setModel(model);
        return part;
    }
}
