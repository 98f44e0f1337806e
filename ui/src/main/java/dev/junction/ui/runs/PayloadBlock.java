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
        this.title.addClassName("payload-title");
        truncation.addClassName("payload-truncated");
        text.addClassName("payload-text");
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
