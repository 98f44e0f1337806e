package dev.junction.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunPage;
import dev.junction.db.runs.RunSummary;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.engine.runs.RunStatus;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The runs, newest first: filtered by workflow, status and business key (also from the query parameters
 * {@code ?workflow=<id>&status=dead_lettered}), a page at a time ("Load more"), the dead-letter queue in one click,
 * and, for those who may operate runs, a bulk replay of the dead-lettered runs that match the filters.
 */
@Route("runs")
@PageTitle("Runs · Junction")
@Menu(title = "Runs", order = 2, icon = "vaadin:play-circle")
@PermitAll
public class RunsView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE_SIZE = 50;
    private static final String WORKFLOW_PARAMETER = "workflow";
    private static final String STATUS_PARAMETER = "status";

    private final RunService runs;
    private final WorkflowService workflows;
    private final ComboBox<Workflow> workflow = new ComboBox<>("Workflow");
    private final MultiSelectComboBox<RunStatus> status = new MultiSelectComboBox<>("Status");
    private final TextField businessKey = new TextField("Business key");
    private final Grid<RunSummary> grid = new Grid<>(RunSummary.class, false);
    private final Span count = new Span();
    private final Button loadMore = new Button("Load more", VaadinIcon.ANGLE_DOWN.create());
    private final Button replayAll = new Button("Replay all shown…", VaadinIcon.REFRESH.create());
    private final List<RunSummary> shown = new ArrayList<>();
    private String next;
    /** True while the filters are set from the URL, so that each of them does not reload the list on its own. */
    private boolean settingFilters;

    public RunsView(RunService runs, WorkflowService workflows) {
        this.runs = runs;
        this.workflows = workflows;
        setSizeFull();
        configureFilters();
        configureGrid();

        Button deadLetters = new Button("Dead-letter queue", VaadinIcon.INBOX.create(),
                click -> status.setValue(Set.of(RunStatus.DEAD_LETTERED)));
        deadLetters.setId("dead-letter-queue");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload());
        refresh.setId("refresh-runs");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        replayAll.setId("replay-all");
        replayAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        replayAll.addClickListener(click -> new BulkReplayDialog(runs, filter(), replayed -> reload()).open());
        replayAll.setVisible(false);

        HorizontalLayout title = new HorizontalLayout(new H2("Runs"), deadLetters, replayAll, refresh);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filters = new HorizontalLayout(workflow, status, businessKey);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        loadMore.setId("load-more");
        loadMore.addClickListener(click -> loadNextPage());
        count.setId("runs-count");
        count.addClassName("secondary-text");
        HorizontalLayout footer = new HorizontalLayout(count, loadMore);
        footer.setAlignItems(FlexComponent.Alignment.CENTER);

        add(title, filters, grid, footer);
        expand(grid);
    }

    /** The query parameters that open this view filtered by one workflow. */
    public static QueryParameters forWorkflow(UUID workflowId) {
        return QueryParameters.of(WORKFLOW_PARAMETER, workflowId.toString());
    }

    private void configureFilters() {
        workflow.setId("runs-workflow");
        workflow.setPlaceholder("All workflows");
        workflow.setClearButtonVisible(true);
        workflow.setWidth("18em");
        workflow.setItemLabelGenerator(Workflow::name);
        workflow.setItems(query -> workflows.search(query.getFilter().orElse(""), WorkflowSort.NAME, true,
                query.getOffset(), Math.clamp(query.getLimit(), 1, WorkflowService.PAGE_MAX_SIZE)).items().stream());
        workflow.addValueChangeListener(change -> filtersChanged());

        status.setId("runs-status");
        status.setPlaceholder("Any status");
        status.setClearButtonVisible(true);
        status.setWidth("20em");
        status.setItems(RunStatus.values());
        status.setItemLabelGenerator(RunStatus::jsonName);
        status.addValueChangeListener(change -> filtersChanged());

        businessKey.setId("runs-business-key");
        businessKey.setPlaceholder("Exact business key");
        businessKey.setClearButtonVisible(true);
        businessKey.setValueChangeMode(ValueChangeMode.LAZY);
        businessKey.addValueChangeListener(change -> filtersChanged());
    }

    private void configureGrid() {
        grid.setId("runs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(run -> run.workflowName() + " · v" + run.workflowVersion()).setHeader("Workflow")
                .setFlexGrow(2).setKey("workflow");
        grid.addColumn(RunSummary::businessKey).setHeader("Business key").setFlexGrow(1).setKey("businessKey");
        grid.addComponentColumn(run -> RunStatusBadge.of(run.status())).setHeader("Status")
                .setWidth(RunStatusBadge.COLUMN_WIDTH).setFlexGrow(0).setKey("status");
        grid.addColumn(RunSummary::triggerKind).setHeader("Trigger").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> Times.when(run.createdAt())).setHeader("Created").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(run -> RunFormat.duration(run.startedAt(), run.finishedAt())).setHeader("Duration")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> RunFormat.error(run.errorClass(), run.errorMessage())).setHeader("Error")
                .setFlexGrow(3).setTooltipGenerator(run -> RunFormat.error(run.errorClass(), run.errorMessage()))
                .setKey("error");
        grid.setItems(shown);
        grid.setEmptyStateText("No runs match these filters.");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(Routes.run(click.getItem().id()))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        settingFilters = true;
        try {
            workflow.setValue(first(parameters, WORKFLOW_PARAMETER).flatMap(this::workflowNamed).orElse(null));
            status.setValue(first(parameters, STATUS_PARAMETER).map(RunsView::statuses).orElse(Set.of()));
        } finally {
            settingFilters = false;
        }
        reload();
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(value -> !value.isBlank()).findFirst();
    }

    private Optional<Workflow> workflowNamed(String id) {
        try {
            return Optional.of(workflows.get(UUID.fromString(id)));
        } catch (IllegalArgumentException | NotFoundException e) {
            Notifications.warning("That workflow does not exist (any more); showing the runs of all workflows.");
            return Optional.empty();
        }
    }

    private static Set<RunStatus> statuses(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).map(RunStatus::fromJson).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RunStatus.class)));
    }

    private void filtersChanged() {
        if (settingFilters) {
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("runs", queryParameters())));
        reload();
    }

    private QueryParameters queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (workflow.getValue() != null) {
            parameters.put(WORKFLOW_PARAMETER, workflow.getValue().id().toString());
        }
        if (!status.getValue().isEmpty()) {
            parameters.put(STATUS_PARAMETER, status.getValue().stream().map(RunStatus::jsonName).sorted()
                    .collect(Collectors.joining(",")));
        }
        return QueryParameters.simple(parameters);
    }

    private RunFilter filter() {
        String key = businessKey.getValue().strip();
        return new RunFilter(workflow.getValue() == null ? null : workflow.getValue().id(),
                status.getValue().isEmpty() ? null : EnumSet.copyOf(status.getValue()), key.isEmpty() ? null : key,
                null, null, null, null);
    }

    /** Shows the first page of the runs that match the filters. */
    private void reload() {
        shown.clear();
        next = null;
        fetch(null);
        replayAll.setVisible(RunPermissions.mayOperate() && status.getValue().equals(Set.of(RunStatus.DEAD_LETTERED)));
    }

    private void loadNextPage() {
        if (next != null) {
            fetch(next);
        }
    }

    private void fetch(String cursor) {
        try {
            RunPage page = runs.list(filter(), cursor, PAGE_SIZE);
            shown.addAll(page.items());
            next = page.next();
        } catch (InvalidInputException e) {
            next = null;
            Notifications.error("The list could not be continued: " + e.getMessage());
        }
        grid.getDataProvider().refreshAll();
        loadMore.setEnabled(next != null);
        count.setText((shown.size() == 1 ? "1 run shown" : shown.size() + " runs shown")
                + (next == null ? "" : "; there are more"));
    }
}
