package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;

import dev.pinscope.model.builder.StressScenarios;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.validation.ScenarioValidator;

/** The generated large scenario the diagram's test and benchmark open is a valid file of the promised shape. */
class StressScenariosTest {

    @Test
    void barVmasWithPtesIsValidAndHasTheLeavesOnEachVmasFirstPages() {
        Scenario s = StressScenarios.barVmasWithPtes(30, 10);
        Diagnostic d = ScenarioValidator.validate(s);
        assertEquals(Diagnostic.OK, d.getSeverity(), () -> d.getChildren().toString());
        List<Vma> vmas = s.getAddressSpace().getVmas();
        List<PageTableEntry> entries = s.getAddressSpace().getEntries();
        assertEquals(30, vmas.size());
        assertEquals(300, entries.size());
        Vma last = vmas.get(29);
        assertEquals("v29", last.getName());
        assertEquals(0x7f00_0000_0000L + 29 * (4L << 20), last.getStart());
        assertEquals(last.getStart() + (2L << 20), last.getEnd());
        PageTableEntry lastLeaf = entries.get(299);
        assertEquals(PageLevel.PTE, lastLeaf.getLevel());
        assertEquals(last.getStart() + 9 * 4096L, lastLeaf.getVaddr());
    }
}
