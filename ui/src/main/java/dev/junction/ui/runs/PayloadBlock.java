package dev.junction.ui.runs;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import dev.junction.db.runs.ShownPayload;

/** A titled payload (or remote body) as pretty JSON, marked "truncated, N bytes" when only its start is kept. */
class PayloadBlock extends Div {

    private final Span title = new Span();
    private final Span truncation = new Span();
    private final Pre text = new Pre();

    PayloadBlock(String title, String id) {
        this.title.setText(title);
        this.title.getStyle().set("font-weight", "600");
        truncation.addClassName("payload-truncated");
        truncation.getStyle().set("margin-left", "0.5em").set("color", "var(--vaadin-text-color-secondary)");
        text.getStyle().set("margin", "0.25em 0 0.75em").set("padding", "0.5em").set("max-height", "24em")
                .set("overflow", "auto").set("white-space", "pre-wrap").set("word-break", "break-word")
                .set("background", "color-mix(in oklab, currentColor 6%, transparent)").set("border-radius", "4px")
                .set("font-size", "0.85em");
        setId(id);
        add(this.title, truncation, text);
    }

    void show(ShownPayload payload) {
        String truncated = RunFormat.truncation(payload);
        truncation.setText(truncated.isEmpty() ? "" : "(" + truncated + ")");
        text.setText(payload == null ? "—" : RunFormat.json(payload));
    }

    void showText(String value) {
        truncation.setText("");
        text.setText(value);
    }
}
