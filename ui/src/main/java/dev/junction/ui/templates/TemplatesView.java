package dev.junction.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.templates.TemplateSummary;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The template gallery: one card per template ({@code [data-testid=template-card][data-id=<id>]}: name, what it does,
 * the connectors it needs, its step count), filtered by connector and by text ({@code ?connector=&q=} keep the
 * filters in the address). A card opens the template's preview; "Use template" opens its setup wizard.
 */
@Route(Routes.TEMPLATES)
@PageTitle("Templates · Junction")
@Menu(title = "Templates", order = 1.5, icon = "vaadin:modal-list")
@PermitAll
public class TemplatesView extends VerticalLayout implements BeforeEnterObserver {

    static final String CONNECTOR_PARAMETER = "connector";
    static final String TEXT_PARAMETER = "q";
    private static final String ANY = "";

    private final TemplateService templates;
    private final boolean mayInstall;
    private final Select<String> connector = new Select<>();
    private final TextField search = new TextField();
    private final Div cards = new Div();
    private final Map<String, String> connectorNames = new LinkedHashMap<>();
    private boolean restoring;

    public TemplatesView(TemplateService templates, WorkflowService workflows, ConnectorNames names) {
        this.templates = templates;
        this.mayInstall = workflows.currentUserMayChange();
        setSizeFull();

        TreeSet<String> used = new TreeSet<>();
        templates.list(null, null).forEach(summary -> used.addAll(summary.connectors()));
        connectorNames.put(ANY, "All connectors");
        used.forEach(id -> connectorNames.put(id, names.name(id)));
        connector.setItems(connectorNames.keySet());
        connector.setItemLabelGenerator(connectorNames::get);
        connector.setValue(ANY);
        connector.setLabel("Connector");
        connector.setId("template-connector");
        connector.addValueChangeListener(change -> filtersChanged());

        search.setPlaceholder("Search templates");
        search.setLabel("Search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("template-search");
        search.addValueChangeListener(change -> filtersChanged());

        HorizontalLayout toolbar = new HorizontalLayout(new H2("Templates"), connector, search);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();

        cards.setId("template-cards");
        cards.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(20em, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        add(toolbar, new Paragraph("Ready-made integrations for the seed use cases. Each one runs on the sandbox"
                + " connections as it is; swap in your own connections to go live."), cards);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        String chosen = parameters.getOrDefault(CONNECTOR_PARAMETER, List.of(ANY)).getFirst();
        connector.setValue(connectorNames.containsKey(chosen) ? chosen : ANY);
        search.setValue(parameters.getOrDefault(TEXT_PARAMETER, List.of("")).getFirst());
        restoring = false;
        show();
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (!ANY.equals(connector.getValue()) && connector.getValue() != null) {
            query.put(CONNECTOR_PARAMETER, connector.getValue());
        }
        if (!search.getValue().isBlank()) {
            query.put(TEXT_PARAMETER, search.getValue().strip());
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location(Routes.TEMPLATES, QueryParameters.simple(query))));
        show();
    }

    private void show() {
        String chosen = connector.getValue() == null || ANY.equals(connector.getValue()) ? null : connector.getValue();
        String text = search.getValue().isBlank() ? null : search.getValue().strip();
        List<TemplateSummary> found = templates.list(chosen, text);
        cards.removeAll();
        found.forEach(summary -> cards.add(card(summary)));
        if (found.isEmpty()) {
            Paragraph none = new Paragraph("No template matches these filters.");
            none.getElement().setAttribute("data-testid", "no-templates");
            cards.add(none);
        }
    }

    private Div card(TemplateSummary summary) {
        H3 name = new H3(summary.name());
        name.getStyle().set("margin", "0");
        Paragraph text = new Paragraph(summary.summary());
        text.getStyle().set("color", "var(--lumo-secondary-text-color)").set("flex", "1");
        HorizontalLayout badges = new HorizontalLayout();
        badges.setSpacing(false);
        badges.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        summary.connectors().forEach(id -> {
            Span badge = new Span(connectorNames.getOrDefault(id, id));
            badge.getElement().getThemeList().add("badge");
            badge.getElement().setAttribute("data-connector", id);
            badges.add(badge);
        });
        Span steps = new Span(summary.nodeCount() + (summary.nodeCount() == 1 ? " step" : " steps") + " · version " + summary.version()
                + ("bundled".equals(summary.source()) ? "" : " · " + summary.source()));
        steps.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");

        Button preview = new Button("Preview", click -> navigate(Routes.template(summary.id())));
        preview.addClassName("template-preview");
        HorizontalLayout actions = new HorizontalLayout(preview);
        if (mayInstall) {
            Button use = new Button("Use template", VaadinIcon.MAGIC.create(),
                    click -> navigate(Routes.templateSetup(summary.id())));
            use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            use.addClassName("template-use");
            actions.add(use);
        }
        Div card = new Div(name, text, badges, steps, actions);
        card.getElement().setAttribute("data-testid", "template-card");
        card.getElement().setAttribute("data-id", summary.id());
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-base-color)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)");
        return card;
    }

    private void navigate(String path) {
        getUI().ifPresent(ui -> ui.navigate(path));
    }
}
