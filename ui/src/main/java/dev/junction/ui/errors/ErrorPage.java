package dev.junction.ui.errors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The body of a page shown instead of a view: a heading, what happened in words, and a way back. */
final class ErrorPage {

    private ErrorPage() {
    }

    /** Fills {@code page} with the error's heading and explanation; {@code kind} is its {@code data-error}. */
    static void fill(VerticalLayout page, String kind, String heading, String explanation) {
        page.removeAll();
        page.getElement().setAttribute("data-error", kind);
        page.addClassName("error-page");
        Anchor back = new Anchor("workflows", "Go to Workflows");
        back.setId("error-back");
        page.add(new H2(heading), new Paragraph(explanation), back);
    }
}
