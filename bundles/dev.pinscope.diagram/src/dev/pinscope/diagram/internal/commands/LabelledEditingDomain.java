package dev.pinscope.diagram.internal.commands;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.CommandParameter;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;

/**
 * The editor's editing domain. EMF labels every property change just "Set", so Edit › Undo would read "Undo Set";
 * here a set names what it changes — "Set vaddr of qemu" — wherever it comes from (the Properties view, a cell
 * editor, a command of the editor's own).
 */
public final class LabelledEditingDomain extends AdapterFactoryEditingDomain {

    public LabelledEditingDomain(AdapterFactory adapterFactory, CommandStack stack) {
        super(adapterFactory, stack);
    }

    @Override
    public Command createCommand(Class<? extends Command> commandClass, CommandParameter parameter) {
        Command command = super.createCommand(commandClass, parameter);
        if (commandClass == SetCommand.class && parameter.getOwner() instanceof EObject owner
                && parameter.getFeature() instanceof EStructuralFeature feature) {
            return new CommandWrapper(setLabel(owner, feature), command.getDescription(), command);
        }
        return command;
    }

    /** "Set vaddr of qemu": the feature's name and the owner's name (or what kind of element it is). */
    public static String setLabel(EObject owner, EStructuralFeature feature) {
        EStructuralFeature name = owner.eClass().getEStructuralFeature("name");
        Object value = name == null ? null : owner.eGet(name);
        String who = value instanceof String s && !s.isBlank() ? s : dev.pinscope.model.validation.ElementLabels.of(owner);
        return "Set " + feature.getName() + " of " + who;
    }
}
