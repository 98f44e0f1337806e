package dev.junction.ui.templates;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.templates.SampleRun;
import dev.junction.backend.templates.TemplateSampleRuns;
import dev.junction.ui.runs.RunStatusNames;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

/**
 * The preview's "Sample run on the sandbox" (TPL-1): the template's latest sample run — each step that ran with its
 * status and output (or error) — and, for admins and designers, a button that runs the template on its sample input
 * with the sandbox connections and shows the steps once it has ended. States: {@code [data-testid=sample-run]}
 * ({@code data-status}: {@code none}, {@code running}, or the run's end status), {@code [data-testid=sample-step]}
 * ({@code data-node}, {@code data-status}).
 */
class SampleRunPanel extends Div {

    /** A step's output as indented JSON, as the run page shows payloads. */
    private static final ObjectWriter PRETTY = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private final String templateId;
    private final TemplateSampleRuns sampleRuns;
    private final boolean mayRun;
    private final Div body = new Div();
    private final Button run = new Button("Run on the sandbox sample", VaadinIcon.PLAY.create());
    private SampleRun current;
    private Registration polling;

    SampleRunPanel(String templateId, TemplateSampleRuns sampleRuns, boolean mayRun) {
        this.templateId = templateId;
        this.sampleRuns = sampleRuns;
        this.mayRun = mayRun;
        getElement().setAttribute("data-testid", "sample-run");
        setWidthFull();
        run.setId("run-sample");
        run.addThemeVariants(ButtonVariant.LUMO_SMALL);
        run.addClickListener(click -> start());
        add(new H3("Sample run on the sandbox"));
        if (mayRun) {
            add(run);
        }
        add(body);
        current = sampleRuns.latest(templateId).orElse(null);
        show();
    }

    private void start() {
        try {
            current = sampleRuns.start(templateId);
        } catch (InvalidInputException | NotFoundException e) {
            Notifications.error("Sample run not started: " + e.getMessage());
            return;
        }
        show();
        UI.getCurrent().setPollInterval(500);
        if (polling == null) {
            polling = UI.getCurrent().addPollListener(poll -> {
                current = sampleRuns.refresh(current);
                if (current.ended()) {
                    stopPolling();
                }
                show();
            });
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (current != null && !current.ended() && mayRun && polling == null) {
            attachEvent.getUI().setPollInterval(500);
            polling = attachEvent.getUI().addPollListener(poll -> {
                current = sampleRuns.refresh(current);
                if (current.ended()) {
                    stopPolling();
                }
                show();
            });
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    private void show() {
        body.removeAll();
        getElement().setAttribute("data-status", current == null ? "none" : current.status());
        run.setEnabled(current == null || current.ended());
        if (current == null) {
            body.add(new Span(mayRun ? "Not run yet: run it to see each step's output on the sandbox sample."
                    : "Not run yet: an admin or designer can run it on the sandbox sample."));
            return;
        }
        Span summary = new Span(current.ended()
                ? "Run " + RunStatusNames.label(current.status()).toLowerCase(Locale.ROOT) + " · started " + Times.when(current.startedAt()) + " by "
                + current.startedBy()
                : "Running on the sandbox… (started " + Times.when(current.startedAt()) + ")");
        summary.getElement().setAttribute("data-testid", "sample-run-summary");
        body.add(summary);
        for (SampleRun.Step step : current.steps()) {
            Span status = new Span(RunStatusNames.label(step.status()));
            status.getElement().getThemeList().add("badge");
            String tone = RunStatusNames.tone(step.status());
            status.getElement().getThemeList().add(tone.equals("neutral") ? "contrast" : tone);
            Div title = new Div(new Span(step.name()), status);
            title.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center");
            Pre output = new Pre(step.errorClass() != null ? step.errorClass() + ": " + step.errorMessage()
                    : step.output() == null ? "(no output)" : step.output() instanceof String text
                    ? text : PRETTY.writeValueAsString(step.output()));
            output.getStyle().set("max-height", "14em").set("overflow", "auto").set("margin", "0")
                    .set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
            Details details = new Details(title, output);
            details.getElement().setAttribute("data-testid", "sample-step");
            details.getElement().setAttribute("data-node", step.nodeId());
            details.getElement().setAttribute("data-status", step.status());
            body.add(details);
        }
    }
}
