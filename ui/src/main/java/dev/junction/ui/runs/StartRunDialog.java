package dev.junction.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.runs.RunService;
import dev.junction.engine.json.PayloadJson;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starts a run of a workflow's published version by hand: an input payload as JSON and an optional business key.
 * Input that is not JSON is refused on the field with the parser's message, and nothing starts.
 */
public class StartRunDialog extends Dialog {

    private final TextArea input = new TextArea("Input (JSON)");
    private final TextField businessKey = new TextField("Business key (optional)");
    private final Paragraph refusal = new Paragraph();

    /** {@code started} receives the new run's id once it is queued. */
    public StartRunDialog(UUID workflowId, String workflowName, RunService runs, Consumer<UUID> started) {
        setHeaderTitle("Run '" + workflowName + "'");
        setWidth("36em");
        input.setValue("{}");
        input.setHelperText("The payload the trigger hands to the run; empty means {}.");
        input.setWidthFull();
        input.setMinHeight("10em");
        input.setId("run-input");
        // JSON reads best in a monospace font; only the text the user types, not the label and messages
        input.getElement().executeJs("const area = this.querySelector('textarea');"
                + " if (area) { area.style.fontFamily = 'monospace'; }");
        businessKey.setWidthFull();
        businessKey.setHelperText("Lets you find the run again, e.g. the order id.");
        businessKey.setId("start-run-business-key");
        refusal.setVisible(false);
        refusal.setId("run-refused");
        refusal.addClassName("run-refusal");
        FormLayout form = new FormLayout(input, businessKey);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, refusal);

        Button start = new Button("Start run", click -> start(workflowId, runs, started));
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.setId("start-run");
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, start);
        input.focus();
    }

    private void start(UUID workflowId, RunService runs, Consumer<UUID> started) {
        input.setInvalid(false);
        businessKey.setInvalid(false);
        refusal.setVisible(false);
        Object payload;
        try {
            payload = input.getValue().isBlank() ? java.util.Map.of() : PayloadJson.read(input.getValue());
        } catch (IllegalArgumentException e) {
            input.setErrorMessage("Not valid JSON: " + e.getMessage());
            input.setInvalid(true);
            return;
        }
        try {
            UUID runId = runs.startManually(workflowId, payload, businessKey.getValue());
            close();
            started.accept(runId);
        } catch (InvalidInputException e) {
            e.problems().forEach(problem -> {
                if ("businessKey".equals(problem.field())) {
                    businessKey.setErrorMessage("Business key " + problem.message());
                    businessKey.setInvalid(true);
                } else {
                    refuse(problem.toString());
                }
            });
        } catch (ConflictException | NotFoundException e) {
            refuse(e.getMessage());
        }
    }

    private void refuse(String message) {
        refusal.setText("Not started: " + message);
        refusal.setVisible(true);
    }
}
