package dev.pinscope.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.properties.ChoiceCellEditor;
import dev.pinscope.diagram.internal.properties.EmfPropertySource;
import dev.pinscope.diagram.internal.properties.FlagsCellEditor;
import dev.pinscope.model.scenario.FaultBehavior;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.VmFlag;
import dev.pinscope.model.scenario.Vma;

/** The Properties view's source: hex and size input, enums, flag sets, refusal of bad text, undo. */
class PropertiesTest extends EditorTestCase {

    ScenarioEditor editor;
    Vma vma;
    EmfPropertySource props;

    @BeforeEach
    void open() throws Exception {
        editor = EditorFixture.open(dir, "props.pinscope", EditorFixture.small());
        vma = editor.getScenario().getAddressSpace().getVmas().get(0);
        IPropertySource source = (IPropertySource) EditorFixture.part(editor, vma).getAdapter(IPropertySource.class);
        props = assertInstanceOf(EmfPropertySource.class, source, "the selected VMA adapts to our property source");
    }

    @Test
    void addressesReadAndWriteAsHexAndUndo() {
        Object start = props.idOf("start");
        assertNotNull(start);
        assertEquals("0x7f0000000000", props.getPropertyValue(start));
        props.setPropertyValue(props.idOf("end"), "0x7f0080000000");
        assertEquals(0x7f00_8000_0000L, vma.getEnd());
        assertTrue(editor.isDirty());
        editor.getCommandStack().undo();
        assertEquals(0x7f00_4000_0000L, vma.getEnd(), "a Properties edit undoes on the editor's stack");
        editor.getCommandStack().redo();
        assertEquals(0x7f00_8000_0000L, vma.getEnd());
        assertEquals("0x7f0080000000", props.getPropertyValue(props.idOf("end")));
    }

    @Test
    void invalidHexIsRejectedWithAMessageAndNotStored() {
        Object end = props.idOf("end");
        CellEditor cell = props.descriptor(end).createPropertyEditor((Composite) editor.viewer().getControl());
        try {
            assertNotNull(cell.getValidator(), "address cells validate");
            String message = cell.getValidator().isValid("0x7f00zz");
            assertNotNull(message, "bad hex is refused");
            assertTrue(message.contains("0x7f00zz"), message);
            assertNull(cell.getValidator().isValid("0x7f0040200000"), "good hex is accepted");
        } finally {
            cell.dispose();
        }
        String refused = props.trySetPropertyValue(end, "0x7f00zz");
        assertNotNull(refused);
        assertEquals(0x7f00_4000_0000L, vma.getEnd(), "nothing stored");
        assertTrue(!editor.isDirty(), "and nothing to undo");
    }

    @Test
    void sizesTakeKernelSuffixesEnumsAndFlagSetsHaveChoices() {
        Pinner qemu = (Pinner) editor.getScenario().getActors().get(0);
        EmfPropertySource pinner = (EmfPropertySource) EditorFixture.part(editor, qemu).getAdapter(IPropertySource.class);
        assertEquals("4M", pinner.getPropertyValue(pinner.idOf("size")));
        pinner.setPropertyValue(pinner.idOf("size"), "1G");
        assertEquals(1L << 30, qemu.getSize());
        assertNotNull(pinner.trySetPropertyValue(pinner.idOf("size"), "lots"));
        assertEquals(1L << 30, qemu.getSize());

        Composite parent = (Composite) editor.viewer().getControl();
        CellEditor fault = props.descriptor(props.idOf("faultBehavior")).createPropertyEditor(parent);
        assertInstanceOf(ChoiceCellEditor.class, fault);
        fault.dispose();
        props.setPropertyValue(props.idOf("faultBehavior"), FaultBehavior.DROPS_LOCK);
        assertEquals(FaultBehavior.DROPS_LOCK, vma.getFaultBehavior());

        CellEditor flags = props.descriptor(props.idOf("flags")).createPropertyEditor(parent);
        assertInstanceOf(FlagsCellEditor.class, flags);
        flags.dispose();
        props.setPropertyValue(props.idOf("flags"), List.of(VmFlag.VM_READ, VmFlag.VM_IO, VmFlag.VM_PFNMAP));
        assertEquals(List.of(VmFlag.VM_READ, VmFlag.VM_IO, VmFlag.VM_PFNMAP), vma.getFlags());
        assertEquals("VM_READ | VM_IO | VM_PFNMAP", props.descriptor(props.idOf("flags")).text(vma.getFlags()));
        editor.getCommandStack().undo();
        assertTrue(vma.getFlags().contains(VmFlag.VM_SHARED), "flag edit undone");
    }
}
