package dev.junction.ui.shared;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.junction.ui.shell.Routes;

/**
 * The empty state of a page that shows runs while there are none (TPL-7): "No runs yet — start from a template",
 * linking to the template gallery ({@code [data-testid=empty-state-templates]}).
 */
public final class StartFromTemplate {

    private StartFromTemplate() {
    }

    /** "No runs yet" with a link to the gallery. */
    public static VerticalLayout noRunsYet() {
        Anchor gallery = new Anchor(Routes.TEMPLATES, "Start from a template");
        gallery.getElement().setAttribute("data-testid", "start-from-template");
        VerticalLayout empty = new VerticalLayout(new Paragraph("No runs yet — start from a template: a ready-made"
                + " integration of Amazon, Opayo and Dynamics 365 that runs on the sandbox connections at once."),
                gallery);
        empty.setAlignItems(FlexComponent.Alignment.CENTER);
        empty.getElement().setAttribute("data-testid", "empty-state-templates");
        return empty;
    }
}
