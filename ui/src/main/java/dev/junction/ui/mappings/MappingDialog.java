package dev.junction.ui.mappings;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.mappings.MappingService;
import dev.junction.ui.shared.FieldErrors;

import java.util.List;

/**
 * Asks for a mapping's name and description, and for a new one also the shipped schemas of its source and target
 * (either may stay empty: any shape). The service decides what is valid; its answer shows on the field it names and
 * the dialog stays open until a save succeeds.
 */
class MappingDialog extends Dialog {

    /** What the user typed; schema ids are null when none was chosen (and always null when renaming). */
    record Typed(String name, String description, String sourceSchema, String targetSchema) {
    }

    /** Saves what the user typed; throws the service's exceptions when the input is refused. */
    @FunctionalInterface
    interface Save {
        void save(Typed typed);
    }

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final ComboBox<String> source = new ComboBox<>("Source schema");
    private final ComboBox<String> target = new ComboBox<>("Target schema");
    private final FieldErrors errors = new FieldErrors().on("name", "Name", name)
            .on("description", "Description", description).otherwise("Name", name);

    /** A dialog for a new mapping, offering {@code schemaIds} for both sides. */
    static MappingDialog forNew(List<String> schemaIds, Save save) {
        return new MappingDialog("New mapping", "", "", schemaIds, save);
    }

    /** A dialog renaming / describing a mapping. */
    static MappingDialog forRename(String currentName, String currentDescription, Save save) {
        return new MappingDialog("Rename or describe", currentName, currentDescription, null, save);
    }

    private MappingDialog(String title, String currentName, String currentDescription, List<String> schemaIds,
                          Save save) {
        setHeaderTitle(title);
        name.setRequired(true);
        name.setMaxLength(MappingService.NAME_MAX_LENGTH);
        name.setWidthFull();
        name.setId("mapping-name");
        name.setValue(currentName);
        description.setMaxLength(MappingService.DESCRIPTION_MAX_LENGTH);
        description.setWidthFull();
        description.setId("mapping-description");
        description.setValue(currentDescription == null ? "" : currentDescription);
        FormLayout form = new FormLayout(name, description);
        if (schemaIds != null) {
            for (ComboBox<String> side : List.of(source, target)) {
                side.setItems(schemaIds);
                side.setClearButtonVisible(true);
                side.setPlaceholder("none: any shape");
                side.setWidthFull();
            }
            source.setId("mapping-source-schema");
            target.setId("mapping-target-schema");
            source.setHelperText("What the mapping reads, e.g. sp-api/Order");
            target.setHelperText("What it builds, e.g. opayo/TransactionRequest");
            form.add(source, target);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        setWidth("34em");

        Button saveButton = new Button(schemaIds != null ? "Create and open" : "Save", click -> {
            errors.clear();
            try {
                save.save(new Typed(name.getValue(), description.getValue(), source.getValue(), target.getValue()));
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-mapping");
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, saveButton);
        name.focus();
    }
}
