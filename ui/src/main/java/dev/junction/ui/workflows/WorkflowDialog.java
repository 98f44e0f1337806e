package dev.junction.ui.workflows;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.ui.shared.FieldErrors;

/**
 * Asks for a workflow's name, description and tags (typed comma-separated; kept lower-case). The service decides what is valid; its answer is shown on the
 * field it names, and the dialog stays open until a save succeeds.
 */
class WorkflowDialog extends Dialog {

    /** Saves what the user typed; throws the service's exceptions when the input is refused. */
    @FunctionalInterface
    interface Save {
        void save(String name, String description, java.util.List<String> tags);
    }

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final TextField tags = new TextField("Tags");
    private final Binder<Draft> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors().on("name", "Name", name)
            .on("description", "Description", description)
            .under("tags", path -> java.util.Optional.of(new FieldErrors.Target(tags, "Tags")))
            .otherwise("Name", name);

    /** The form's values while it is open. */
    private static final class Draft {
        String name;
        String description;

        Draft(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    WorkflowDialog(String title, String currentName, String currentDescription, java.util.List<String> currentTags,
                   Save save) {
        setHeaderTitle(title);
        name.setRequired(true);
        name.setMaxLength(WorkflowService.NAME_MAX_LENGTH);
        name.setWidthFull();
        name.setId("workflow-name");
        description.setMaxLength(WorkflowService.DESCRIPTION_MAX_LENGTH);
        description.setWidthFull();
        description.setId("workflow-description");
        tags.setId("workflow-tags");
        tags.setWidthFull();
        tags.setHelperText("Comma-separated, e.g. orders, uk: alert rules and the workflows and runs lists filter"
                + " by them");
        tags.setValue(String.join(", ", currentTags));
        binder.bind(name, draft -> draft.name, (draft, value) -> draft.name = value);
        binder.bind(description, draft -> draft.description, (draft, value) -> draft.description = value);
        binder.readBean(new Draft(currentName, currentDescription == null ? "" : currentDescription));
        add(new FormLayout(name, description, tags));
        setWidth("32em");

        Button saveButton = new Button("Save", click -> {
            errors.clear();
            Draft typed = new Draft("", "");
            binder.writeBeanAsDraft(typed, true);
            try {
                save.save(typed.name, typed.description, split(tags.getValue()));
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-workflow");
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, saveButton);
        name.focus();
    }

    /** "orders, UK ,," as typed: ["orders", "UK"] (the service trims, lower-cases and checks each). */
    static java.util.List<String> split(String typed) {
        return java.util.Arrays.stream(typed == null ? new String[0] : typed.split(","))
                .map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
