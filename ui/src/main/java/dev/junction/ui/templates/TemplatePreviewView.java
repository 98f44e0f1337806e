package dev.junction.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.catalog.CatalogService;
import dev.junction.backend.templates.Template;
import dev.junction.backend.templates.TemplateDetail;
import dev.junction.backend.templates.TemplateSampleRuns;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.util.stream.Collectors;

/**
 * One template before it is installed: its description, what it requires ({@code [data-testid=requirements]}), the
 * workflow on a read-only canvas ({@link TemplateCanvas}), the parameters an installer chooses, the sample input, and
 * the output of each step of a sample run on the sandbox ({@link SampleRunPanel}).
 */
@Route(Routes.TEMPLATE)
@PermitAll
public class TemplatePreviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TemplateService templates;
    private final CatalogService catalog;
    private final ConnectorNames connectorNames;
    private final TemplateSampleRuns sampleRuns;
    private final boolean mayInstall;
    private String title = "Template";

    public TemplatePreviewView(TemplateService templates, CatalogService catalog, ConnectorNames connectorNames,
                               WorkflowService workflows, TemplateSampleRuns sampleRuns) {
        this.templates = templates;
        this.sampleRuns = sampleRuns;
        this.catalog = catalog;
        this.connectorNames = connectorNames;
        this.mayInstall = workflows.currentUserMayChange();
        setWidthFull();
        addClassName("template-preview-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(Routes.TEMPLATE_ID).orElse("");
        try {
            show(templates.get(id, null));
        } catch (NotFoundException e) {
            event.forwardTo(TemplatesView.class);
            Notifications.warning("There is no template '" + id + "'.");
        }
    }

    private void show(TemplateDetail detail) {
        removeAll();
        Template template = detail.template();
        title = template.name();
        H2 name = new H2(template.name());
        name.setId("template-title");
        Span version = new Span("version " + template.version());
        version.getElement().getThemeList().add("badge");
        HorizontalLayout header = new HorizontalLayout(name, version);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayInstall) {
            Button use = new Button("Use this template", VaadinIcon.MAGIC.create(),
                    click -> getUI().ifPresent(ui -> ui.navigate(Routes.templateSetup(template.id()))));
            use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            use.setId("use-template");
            header.add(use);
        }
        Button back = new Button("All templates", VaadinIcon.ARROW_LEFT.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(Routes.TEMPLATES)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        TemplateCanvas canvas = new TemplateCanvas(detail.previewDefinition(), catalog.catalog());
        canvas.setId("template-canvas");
        Div canvasFrame = new Div(canvas);
        canvasFrame.setWidthFull();
        canvasFrame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("overflow", "hidden");

        add(back, header, requirements(template), canvasFrame, MarkdownText.of(template.description()),
                parameters(template), sample(template), new SampleRunPanel(template.id(), sampleRuns, mayInstall));
    }

    private Div requirements(Template template) {
        Div requirements = new Div();
        requirements.getElement().setAttribute("data-testid", "requirements");
        String connectors = template.requirements().stream().map(r -> connectorNames.name(r.connector())).distinct()
                .collect(Collectors.joining(", "));
        Span requires = new Span("Requires: " + (connectors.isEmpty() ? "no connections" : connectors));
        requires.getStyle().set("font-weight", "600");
        UnorderedList list = new UnorderedList();
        template.requirements().forEach(requirement -> {
            ListItem item = new ListItem(requirement.label() + " (" + connectorNames.name(requirement.connector())
                    + ")" + (requirement.why() == null ? "" : ": " + requirement.why()));
            item.getElement().setAttribute("data-connector", requirement.connector());
            item.getElement().setAttribute("data-key", requirement.key());
            list.add(item);
        });
        requirements.add(requires, list);
        return requirements;
    }

    private Div parameters(Template template) {
        Div parameters = new Div(new H3("Parameters"));
        parameters.getElement().setAttribute("data-testid", "template-parameters");
        UnorderedList list = new UnorderedList();
        template.parameters().forEach(parameter -> list.add(new ListItem(parameter.label()
                + (parameter.defaultValue() == null ? "" : " (default " + parameter.defaultValue() + ")")
                + (parameter.description() == null ? "" : ": " + parameter.description()))));
        parameters.add(template.parameters().isEmpty() ? new Span("None: it runs as it is.") : list);
        return parameters;
    }

    private Div sample(Template template) {
        Div sample = new Div(new H3("Sample input"));
        Pre input = new Pre(PayloadJson.write(template.sampleInput()));
        input.getElement().setAttribute("data-testid", "template-sample-input");
        input.getStyle().set("max-height", "16em").set("overflow", "auto");
        sample.add(input);
        return sample;
    }

    @Override
    public String getPageTitle() {
        return title + " · Templates · Junction";
    }
}
