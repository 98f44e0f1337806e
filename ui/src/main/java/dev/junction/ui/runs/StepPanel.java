package dev.junction.ui.runs;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.junction.backend.payloads.StepPayloads;
import dev.junction.db.runs.StepView;
import dev.junction.ui.shared.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The step selected in a run's step list: its input and output a page at a time, redacted ({@link PagedPayload}), its
 * error and the remote answer's excerpt.
 */
class StepPanel extends VerticalLayout {

    private final H4 title = new H4();
    private final Paragraph facts = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final PagedPayload input;
    private final PagedPayload output;
    private UUID runId;
    private final PayloadBlock remoteBody = new PayloadBlock("Remote answer (excerpt)", "step-remote-body");

    StepPanel(StepPayloads payloads) {
        input = new PagedPayload(payloads, "Input", "input", "step-input");
        output = new PagedPayload(payloads, "Output", "output", "step-output");
        setId("step-detail");
        setPadding(false);
        setSpacing(false);
        title.addClassName("step-title");
        facts.addClassName("step-facts");
        error.setId("step-error");
        error.addClassName("step-error");
        input.setWidthFull();
        output.setWidthFull();
        remoteBody.setWidthFull();
        add(title, facts, error, input, output, remoteBody);
        show(null);
    }

    /** The run whose steps this panel shows. */
    void forRun(UUID runId) {
        this.runId = runId;
    }

    void show(StepView step) {
        boolean selected = step != null;
        facts.setVisible(selected);
        input.setVisible(selected);
        output.setVisible(selected);
        if (!selected) {
            title.setText("Select a step to see its input and output.");
            error.setVisible(false);
            remoteBody.setVisible(false);
            return;
        }
        title.setText(StepNames.of(step) + " · attempt " + step.attempt() + " · "
                + RunStatusNames.label(step.status()));
        facts.setText(String.join(" · ", facts(step)));
        String failure = RunFormat.error(step.errorClass(), step.errorMessage());
        error.setText(failure + (step.remoteStatus() == null ? "" : " (remote status " + step.remoteStatus() + ")"));
        error.setVisible(!failure.isEmpty());
        input.show(runId, step.id());
        output.show(runId, step.id());
        remoteBody.setVisible(step.remoteBody() != null);
        remoteBody.showText(step.remoteBody() == null ? "" : step.remoteBody());
    }

    private static List<String> facts(StepView step) {
        List<String> facts = new ArrayList<>();
        if (step.startedAt() != null) {
            facts.add("started " + Times.when(step.startedAt()));
        }
        if (step.finishedAt() != null) {
            facts.add("took " + RunFormat.duration(step.startedAt(), step.finishedAt()));
        }
        if (step.dueAt() != null && step.startedAt() == null) {
            facts.add("due " + Times.when(step.dueAt()));
        }
        if (step.retryAt() != null) {
            facts.add("retried at " + Times.when(step.retryAt()));
        }
        if (step.retryDeadline() != null) {
            facts.add("retrying until " + Times.when(step.retryDeadline()) + (step.retryBudgetSeconds() == null
                    ? "" : " (budget " + budget(step.retryBudgetSeconds()) + ")"));
        }
        if (step.idempotencyKey() != null) {
            facts.add("idempotency key " + step.idempotencyKey());
        }
        return facts;
    }

    /** A retry budget as people say it: "15 min", "2 h", "90 s". */
    static String budget(long seconds) {
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
