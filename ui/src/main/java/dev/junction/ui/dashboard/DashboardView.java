package dev.junction.ui.dashboard;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.junction.backend.anomalies.AnomalyService;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.connections.health.ConnectionHealthService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.dashboard.Dashboard;
import dev.junction.backend.dashboard.DashboardChart;
import dev.junction.backend.dashboard.DashboardService;
import dev.junction.backend.dashboard.DashboardTile;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.db.users.Role;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.ui.anomalies.AnomalyFlagsPanel;
import dev.junction.ui.charts.Chart;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.PermitAll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operations dashboard (every signed-in role; OPERATOR's home): a range ({@code ?range=1h|24h|7d|30d}, 24h by
 * default) and a workflow ({@code ?workflow=<id>}) in the URL, the tiles with their deltas against the previous
 * period, the charts, the anomaly flags, the runs in progress and the next scheduled firings, and the connections'
 * health. Every number
 * comes from {@link DashboardService} (rollups); the view only lays it out. It refreshes itself every 30 s (a poll
 * that updates the components in place: no reload, the scroll stays) until paused. Once tiles and charts are drawn
 * the view's element carries {@code data-testid=dashboard-ready}.
 */
@Route("dashboard")
@PageTitle("Dashboard · Junction")
@Menu(title = "Dashboard", order = 0, icon = "vaadin:dashboard")
@JsModule("./dashboard/dashboard-styles.ts")
@PermitAll
public class DashboardView extends Div implements BeforeEnterObserver {

    static final List<String> RANGES = List.of("1h", "24h", "7d", "30d");
    static final String DEFAULT_RANGE = "24h";
    static final int REFRESH_MILLIS = 30_000;
    private static final String RANGE_PARAMETER = "range";
    private static final String WORKFLOW_PARAMETER = "workflow";

    private final DashboardService dashboards;
    private final WorkflowService workflows;
    private final ComboBox<Workflow> workflow = new ComboBox<>();
    private final Map<String, Button> rangeButtons = new LinkedHashMap<>();
    private final Button autoRefresh = new Button();
    private final Span updated = new Span();
    private final Div tiles = new Div();
    private final Div charts = new Div();
    private final Map<String, Chart> chartsById = new LinkedHashMap<>();
    private final InProgressGrid inProgress = new InProgressGrid();
    private final NextScheduledGrid nextScheduled = new NextScheduledGrid();
    private final ConnectionHealthService connectionHealth;
    private final AnomalyFlagsPanel anomalies;
    private final ConnectionHealthPanel health = new ConnectionHealthPanel(CurrentUser.hasAnyRole(Role.ADMIN));
    private String range = DEFAULT_RANGE;
    private boolean refreshing = true;
    private boolean settingFilters;
    private Registration poll;

    public DashboardView(DashboardService dashboards, WorkflowService workflows,
                         ConnectionHealthService connectionHealth, AnomalyService anomalyService) {
        this.dashboards = dashboards;
        this.anomalies = new AnomalyFlagsPanel(anomalyService).withoutTitle();
        this.connectionHealth = connectionHealth;
        this.workflows = workflows;
        setId("dashboard");
        addClassName("dashboard-view");

        tiles.addClassName("kpi-row");
        tiles.setId("kpi-tiles");
        charts.addClassName("chart-grid");
        charts.setId("dashboard-charts");

        add(toolbar(), tiles, charts, panel("Anomalies", anomalies), tables(), healthSection());
        if (workflows.search("", WorkflowSort.NAME, true, 0, 1).items().isEmpty()) { // a fresh install: where to start
            addComponentAtIndex(1, dev.junction.ui.shared.StartFromTemplate.noRunsYet());
        }
    }

    private Div toolbar() {
        H2 title = new H2("Dashboard");
        title.addClassName("dashboard-title");

        workflow.setId("dashboard-workflow");
        workflow.setPlaceholder("All workflows");
        workflow.setAriaLabel("Workflow");
        workflow.setClearButtonVisible(true);
        workflow.setWidth("16em");
        workflow.setItemLabelGenerator(Workflow::name);
        workflow.setItems(query -> workflows.search(query.getFilter().orElse(""), WorkflowSort.NAME, true,
                query.getOffset(), Math.clamp(query.getLimit(), 1, WorkflowService.PAGE_MAX_SIZE)).items().stream());
        workflow.addValueChangeListener(change -> filtersChanged());

        Div ranges = new Div();
        ranges.addClassName("range-picker");
        ranges.getElement().setAttribute("role", "group");
        ranges.getElement().setAttribute("aria-label", "Range");
        for (String name : RANGES) {
            Button button = new Button(name, click -> {
                range = name;
                filtersChanged();
            });
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("data-testid", "range-" + name);
            rangeButtons.put(name, button);
            ranges.add(button);
        }

        autoRefresh.setId("auto-refresh");
        autoRefresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        autoRefresh.addClickListener(click -> setRefreshing(!refreshing));
        updated.setId("dashboard-updated");
        updated.addClassName("dashboard-updated");
        showRefreshState();

        Div spacer = new Div();
        spacer.addClassName("toolbar-spacer");
        Div toolbar = new Div(title, workflow, spacer, updated, autoRefresh, ranges);
        toolbar.addClassName("dashboard-toolbar");
        return toolbar;
    }

    private Div tables() {
        Section running = panel("In progress", inProgress);
        Section scheduled = panel("Next scheduled", nextScheduled);
        Div tables = new Div(running, scheduled);
        tables.addClassName("table-row");
        return tables;
    }

    private Section healthSection() {
        return panel("Connection health", health);
    }

    private static Section panel(String heading, com.vaadin.flow.component.Component content) {
        H3 title = new H3(heading);
        title.addClassName("panel-title");
        Section section = new Section(title, content);
        section.addClassName("dashboard-panel");
        return section;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        settingFilters = true;
        try {
            range = first(parameters, RANGE_PARAMETER).map(String::strip).filter(RANGES::contains).orElseGet(() -> {
                first(parameters, RANGE_PARAMETER).ifPresent(wrong -> Notifications.warning(
                        "range must be one of 1h, 24h, 7d or 30d, not \"" + wrong + "\"; showing 24h."));
                return DEFAULT_RANGE;
            });
            workflow.setValue(first(parameters, WORKFLOW_PARAMETER).flatMap(this::workflowNamed).orElse(null));
        } finally {
            settingFilters = false;
        }
        refresh();
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(value -> !value.isBlank()).findFirst();
    }

    private Optional<Workflow> workflowNamed(String id) {
        try {
            return Optional.of(workflows.get(UUID.fromString(id)));
        } catch (IllegalArgumentException | NotFoundException e) {
            Notifications.warning("That workflow does not exist (any more); showing all workflows.");
            return Optional.empty();
        }
    }

    private void filtersChanged() {
        if (settingFilters) {
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("dashboard", queryParameters())));
        refresh();
    }

    /** The URL's query: the range always (so a shared link shows the same period), the workflow when narrowed. */
    QueryParameters queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(RANGE_PARAMETER, range);
        if (workflow.getValue() != null) {
            parameters.put(WORKFLOW_PARAMETER, workflow.getValue().id().toString());
        }
        return QueryParameters.simple(parameters);
    }

    /** Reads the dashboard again and updates every part in place. */
    void refresh() {
        rangeButtons.forEach((name, button) -> {
            boolean selected = name.equals(range);
            button.getElement().setAttribute("aria-pressed", Boolean.toString(selected));
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_TERTIARY);
            button.addThemeVariants(selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        });
        Dashboard dashboard = dashboards.dashboard(range, workflow.getValue() == null ? null : workflow.getValue().id());
        showTiles(dashboard.tiles());
        showCharts(dashboard.charts());
        inProgress.show(dashboard.inProgress());
        nextScheduled.show(dashboard.nextScheduled());
        health.show(connectionHealth.health());
        anomalies.show(workflow.getValue() == null ? null : workflow.getValue().id());
        updated.setText("Updated " + Times.when(dashboard.generatedAt()));
        getElement().setAttribute("data-range", range);
        getElement().setAttribute("data-generated-at", dashboard.generatedAt().toString());
        markReadyWhenDrawn();
    }

    private void showTiles(List<DashboardTile> shown) {
        tiles.removeAll();
        shown.forEach(tile -> tiles.add(new KpiTile(tile)));
    }

    /** Keeps the chart components (and their place on the page) when the same charts come back. */
    private void showCharts(List<DashboardChart> fromServer) {
        List<DashboardChart> shown = fromServer.stream().map(ChartsForPeople::named).toList();
        if (!chartsById.keySet().equals(shown.stream().map(DashboardChart::id).toList().stream()
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))) {
            charts.removeAll();
            chartsById.clear();
            for (DashboardChart chart : shown) {
                Chart component = new Chart(chart);
                component.addClassName("chart-card");
                chartsById.put(chart.id(), component);
                charts.add(component);
            }
            return;
        }
        shown.forEach(chart -> chartsById.get(chart.id()).show(chart));
    }

    /**
     * Sets {@code data-testid=dashboard-ready} on this view's element once every chart has drawn its data (the charts
     * say so with {@code data-ready}); tiles and tables are plain server-rendered elements, there with the response.
     */
    private void markReadyWhenDrawn() {
        getElement().executeJs("""
                const root = this;
                const drawn = () => [...root.querySelectorAll('junction-chart')]
                    .every(chart => chart.querySelector('[data-ready="true"]'));
                const wait = () => drawn() ? root.setAttribute('data-testid', 'dashboard-ready') : setTimeout(wait, 15);
                wait();""");
    }

    private void setRefreshing(boolean on) {
        refreshing = on;
        getUI().ifPresent(ui -> ui.setPollInterval(on ? REFRESH_MILLIS : -1));
        showRefreshState();
    }

    private void showRefreshState() {
        autoRefresh.setText(refreshing ? "Pause" : "Resume");
        autoRefresh.setIcon(refreshing ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        autoRefresh.getElement().setAttribute("data-state", refreshing ? "on" : "paused");
        autoRefresh.getElement().setAttribute("aria-label", refreshing
                ? "Pause auto-refresh (every " + REFRESH_MILLIS / 1000 + " s)" : "Resume auto-refresh");
        autoRefresh.setTooltipText(refreshing ? "Refreshing every " + REFRESH_MILLIS / 1000 + " s" : "Auto-refresh paused");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        poll = ui.addPollListener(tick -> {
            if (refreshing) {
                refresh();
            }
        });
        ui.setPollInterval(refreshing ? REFRESH_MILLIS : -1);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }
}
