package dev.pinscope.diagram.internal.parts;

import java.util.List;


import dev.pinscope.diagram.internal.layout.EntryRun;
import dev.pinscope.model.units.Hex;

/**
 * Contiguous leaves of one level drawn as one block in large scenarios; selecting it selects (and
 * deleting it deletes) all of them, the Properties view shows the first.
 */
public class EntryRunEditPart extends LeafEditPart {

    public EntryRunEditPart(DiagramContext context) {
        super(context);
    }

    public EntryRun run() {
        return (EntryRun) getModel();
    }

    @Override
    protected void refreshLabels() {
        EntryRun r = run();
        String title = r.count() == 1 ? r.level().getLiteral() : r.level() + " ×" + r.count();
        long firstPfn = r.entries().get(0).getPfn();
        entryFigure().setEntry(r.level(), title, "pfn " + Hex.format(firstPfn) + (r.count() > 1 ? "…" : ""));
        entryFigure().setHint(r.count() + " " + r.level() + " leaves " + Hex.format(r.start()) + "–" + Hex.format(r.end()));
    }

    @Override
    public void refreshDecorations() {
        List<String> problems = new java.util.ArrayList<>();
        for (var e : run().entries()) {
            problems.addAll(context.problems(e));
        }
        elementFigure().setProblems(problems.size() > 5 ? problems.subList(0, 5) : problems);
    }

    @Override
    public Object getAdapter(@SuppressWarnings("rawtypes") Class key) {
        if (key == org.eclipse.ui.views.properties.IPropertySource.class && !run().entries().isEmpty()) {
            return dev.pinscope.diagram.internal.properties.EmfPropertySource.of(context.domain(), run().entries().get(0));
        }
        return super.getAdapter(key);
    }
}
