package dev.junction.ui.inbox;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.runs.RunService;
import dev.junction.db.runs.RunDetail;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shell.Routes;

import java.util.UUID;

/**
 * "Edit and retry" one failed run: its input as JSON, editable; Retry starts a new run of the published version with
 * the edited input, linked to the original (the new run's page shows {@code replay-of}).
 */
class EditAndRetryDialog extends Dialog {

    EditAndRetryDialog(RunService runs, UUID runId, Runnable done) {
        setId("edit-and-retry-dialog");
        setHeaderTitle("Edit the input and retry");
        setWidth("min(800px, 95vw)");
        RunDetail run = runs.get(runId);
        TextArea input = new TextArea("Input (JSON)");
        input.setId("edit-and-retry-input");
        input.setWidthFull();
        input.setMinHeight("240px");
        boolean whole = !run.input().truncated();
        input.setValue(whole ? PayloadJson.write(run.input().value()) : "");
        add(new Paragraph(whole ? "A new run starts with this input; the original run stays as it is."
                : "This run's input is too large to edit here; write the input to retry with."), input);
        Button retry = new Button("Retry with this input", click -> {
            Object value;
            try {
                value = PayloadJson.read(input.getValue());
            } catch (RuntimeException e) {
                input.setInvalid(true);
                input.setErrorMessage("Input must be JSON: " + e.getMessage());
                return;
            }
            try {
                UUID retried = runs.retryWithInput(runId, value);
                Notifications.success("Retry started.");
                var ui = getUI();
                close();
                done.run();
                ui.ifPresent(current -> current.navigate(Routes.run(retried)));
            } catch (InvalidInputException | ConflictException e) {
                input.setInvalid(true);
                input.setErrorMessage(e.getMessage());
            }
        });
        retry.setId("edit-and-retry-start");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, retry);
    }
}
