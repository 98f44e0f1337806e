package dev.junction.ui.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A value with a small caption above it, looking like a field's label (for things that are not fields). */
public final class Captioned {

    private Captioned() {
    }

    public static Div of(String caption, Component value) {
        Span label = new Span(caption);
        label.addClassName("caption");
        Div captioned = new Div(label, value);
        captioned.addClassName("captioned");
        return captioned;
    }
}
