package dev.junction.ui.workflows;

import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.workflows.WorkflowService;

/**
 * Asks for a workflow's name and description. The service decides what is valid; its answer is shown on the
 * field it names, and the dialog stays open until a save succeeds.
 */
class WorkflowDialog extends Dialog {

    /** Saves what the user typed; throws the service's exceptions when the input is refused. */
    @FunctionalInterface
    interface Save {
        void save(String name, String description);
    }

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");

    WorkflowDialog(String title, String currentName, String currentDescription, Save save) {
        setHeaderTitle(title);
        name.setValue(currentName);
        name.setRequired(true);
        name.setMaxLength(WorkflowService.NAME_MAX_LENGTH);
        name.setWidthFull();
        name.setId("workflow-name");
        description.setValue(currentDescription);
        description.setMaxLength(WorkflowService.DESCRIPTION_MAX_LENGTH);
        description.setWidthFull();
        description.setId("workflow-description");
        add(new FormLayout(name, description));
        setWidth("32em");

        Button saveButton = new Button("Save", click -> {
            name.setInvalid(false);
            description.setInvalid(false);
            try {
                save.save(name.getValue(), description.getValue());
                close();
            } catch (InvalidInputException e) {
                e.problems().forEach(problem -> showOn(problem.field(), problem.message()));
            } catch (ConflictException e) {
                showOn(e.field(), e.getMessage());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-workflow");
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, saveButton);
        name.focus();
    }

    private void showOn(String field, String message) {
        HasValidationProperties target = "description".equals(field) ? description : name;
        String label = "description".equals(field) ? "Description" : "Name";
        target.setErrorMessage(message.startsWith("A workflow") ? message : label + " " + message);
        target.setInvalid(true);
    }
}
