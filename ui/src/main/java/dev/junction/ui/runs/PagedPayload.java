package dev.junction.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.junction.backend.payloads.PayloadPage;
import dev.junction.backend.payloads.StepPayloads;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A step's input or output a page at a time ({@link StepPayloads}): only the shown page's text is in the browser,
 * with "Lines 61–120 · page 2 of 5", Previous and Next, and what was redacted and by which rule. State for tests:
 * {@code data-page}, {@code data-pages} on the block, {@code data-count} on the redaction note
 * ({@code data-testid=payload-redactions}).
 */
class PagedPayload extends Div {

    private final StepPayloads payloads;
    private final String side;
    private final Span position = new Span();
    private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    private final Span redactions = new Span();
    private final Pre text = new Pre();
    private UUID runId;
    private Long stepId;
    private int page = 1;

    PagedPayload(StepPayloads payloads, String title, String side, String id) {
        this.payloads = payloads;
        this.side = side;
        setId(id);
        Span heading = new Span(title);
        heading.addClassName("payload-title");
        position.getElement().setAttribute("data-testid", "payload-position");
        position.addClassName("payload-position");
        previous.setAriaLabel("Previous page of the " + side);
        previous.setTooltipText("Previous page");
        previous.getElement().setAttribute("data-testid", "payload-previous");
        next.setAriaLabel("Next page of the " + side);
        next.setTooltipText("Next page");
        next.getElement().setAttribute("data-testid", "payload-next");
        for (Button button : new Button[] {previous, next}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        }
        previous.addClickListener(click -> load(page - 1));
        next.addClickListener(click -> load(page + 1));
        redactions.getElement().setAttribute("data-testid", "payload-redactions");
        redactions.addClassName("payload-redactions");
        redactions.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        text.addClassName("payload-text");
        text.getElement().setAttribute("data-testid", "payload-text");
        Div bar = new Div(heading, previous, position, next);
        bar.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-xs)");
        add(bar, redactions, text);
    }

    /** Shows page 1 of a step's payload (the same step again keeps its page); {@code stepId} null: nothing yet. */
    void show(UUID runId, Long stepId) {
        boolean same = Objects.equals(runId, this.runId) && Objects.equals(stepId, this.stepId);
        this.runId = runId;
        this.stepId = stepId;
        load(same ? page : 1);
    }

    private void load(int wanted) {
        if (stepId == null) {
            page = 1;
            showPage(null);
            return;
        }
        PayloadPage shown = payloads.page(runId, stepId, side, Math.max(1, wanted));
        page = shown.page();
        showPage(shown);
    }

    private void showPage(PayloadPage shown) {
        int pages = shown == null ? 1 : shown.pages();
        getElement().setAttribute("data-page", Integer.toString(shown == null ? 1 : shown.page()));
        getElement().setAttribute("data-pages", Integer.toString(pages));
        boolean empty = shown == null || shown.text().isEmpty();
        text.setText(empty ? "—" : shown.text());
        position.setText(empty ? "" : pages == 1 ? String.format(Locale.UK, "%,d lines", shown.lines())
                : String.format(Locale.UK, "Lines %,d–%,d of %,d · page %d of %d", shown.firstLine(),
                shown.lastLine(), shown.lines(), shown.page(), pages));
        previous.setVisible(pages > 1);
        next.setVisible(pages > 1);
        previous.setEnabled(shown != null && shown.page() > 1);
        next.setEnabled(shown != null && shown.page() < pages);
        int count = shown == null ? 0 : shown.redactions().size();
        redactions.getElement().setAttribute("data-count", Integer.toString(count));
        redactions.setText(count == 0 ? "" : shown.redactionSummary());
        redactions.setVisible(count > 0);
    }
}
