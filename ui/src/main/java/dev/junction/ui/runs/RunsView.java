package dev.junction.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.runs.RunListService;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.db.runs.RunPage;
import dev.junction.db.runs.RunSummary;
import dev.junction.db.runs.RunsQuery;
import dev.junction.db.runs.SavedRunView;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;
import dev.junction.ui.shared.FieldErrors;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The runs, newest first, a page at a time ("Load more", keyset-paged: never an offset, never a payload): filtered
 * by status, workflow, version, trigger, creation time, connection, error class, error category and business key —
 * every filter in the URL ({@link RunsQuery}: reload, bookmark and the back button keep them), shown as one bar of
 * removable chips ({@link FilterChips}) with the full form behind a "Filters" toggle, so the grid has the screen —
 * with saved views ({@code view=<id>}), a column chooser remembered per user, a total while it is cheap to count
 * ("1000+" beyond), a CSV export of every matching run, the dead-letter queue in one click and, for those who may
 * operate runs, a bulk replay of the dead-lettered runs that match.
 */
@Route("runs")
@PageTitle("Runs · Junction")
@Menu(title = "Runs", order = 2, icon = "vaadin:play-circle")
@PermitAll
public class RunsView extends VerticalLayout implements BeforeEnterObserver {

    static final int PAGE_SIZE = 50;
    /** Columns a user may hide or show, by key, with their headers; status is always shown. */
    static final Map<String, String> OPTIONAL_COLUMNS = optionalColumns();

    private final RunService runs;
    private final RunListService runList;
    private final WorkflowService workflows;
    private final ComboBox<Workflow> workflow = new ComboBox<>("Workflow");
    private final IntegerField version = new IntegerField("Version");
    private final MultiSelectComboBox<RunStatus> status = new MultiSelectComboBox<>("Status");
    private final ComboBox<String> trigger = new ComboBox<>("Trigger");
    private final DateTimePicker from = new DateTimePicker("Created from");
    private final DateTimePicker to = new DateTimePicker("Created before");
    private final TextField connection = new TextField("Connection");
    private final TextField errorClass = new TextField("Error class");
    private final ComboBox<ErrorCategory> category = new ComboBox<>("Error kind");
    private final ComboBox<String> tag = new ComboBox<>("Tag");
    private final TextField businessKey = new TextField();
    private final ComboBox<SavedRunView> savedView = new ComboBox<>();
    private final Button deleteView = new Button(VaadinIcon.TRASH.create());
    private final Grid<RunSummary> grid = new Grid<>(RunSummary.class, false);
    private final Map<String, Grid.Column<RunSummary>> columns = new LinkedHashMap<>();
    private final Map<String, MenuItem> columnItems = new LinkedHashMap<>();
    private final Span count = new Span();
    private final Span shownCount = new Span();
    private final Button loadMore = new Button("Load more", VaadinIcon.ANGLE_DOWN.create());
    private final Button replayAll = new Button("Replay all shown…", VaadinIcon.REFRESH.create());
    private final Anchor export = new Anchor();
    private final HorizontalLayout filters = new HorizontalLayout();
    private final Button filtersToggle = new Button("Filters", VaadinIcon.FILTER.create());
    private final Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());
    private final FilterChips chips = new FilterChips(this::navigate);
    private final List<RunSummary> shown = new ArrayList<>();
    /** The filters shown; read by the CSV download too, which does not run on the UI's thread. */
    private volatile RunsQuery query = RunsQuery.all();
    private String next;
    /** True while the filters are set from the URL, so that each of them does not reload the list on its own. */
    private boolean settingFilters;
    private boolean formOpen;

    public RunsView(RunService runs, RunListService runList, WorkflowService workflows) {
        this.runs = runs;
        this.runList = runList;
        this.workflows = workflows;
        setSizeFull();
        configureFilters();
        configureGrid();

        Button deadLetters = new Button("Dead-letter queue", VaadinIcon.INBOX.create(),
                click -> navigate(RunsQuery.ofStatuses(RunStatus.DEAD_LETTERED)));
        deadLetters.setId("dead-letter-queue");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload());
        refresh.setId("refresh-runs");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(click -> navigate(RunsQuery.all()));
        clear.setId("clear-filters");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        replayAll.setId("replay-all");
        replayAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        replayAll.addClickListener(click -> new BulkReplayDialog(runs, query.toFilter(), replayed -> reload()).open());
        replayAll.setVisible(false);

        H2 heading = new H2("Runs");
        heading.addClassName("runs-heading");
        HorizontalLayout title = new HorizontalLayout(heading, deadLetters, replayAll, refresh);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        title.setWrap(true);
        title.setWidthFull();
        title.add(viewsBar());
        filters.add(workflow, tag, version, status, trigger, from, to, connection, errorClass, category);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setId("runs-filters");
        filters.addClassName("runs-filter-form");

        loadMore.setId("load-more");
        loadMore.addClickListener(click -> loadNextPage());
        count.setId("runs-count");
        count.getElement().setAttribute("data-testid", "runs-total");
        shownCount.setId("runs-shown");
        shownCount.addClassName("secondary-text");
        configureExport();
        HorizontalLayout footer = new HorizontalLayout(count, shownCount, loadMore, export);
        footer.setAlignItems(FlexComponent.Alignment.CENTER);

        add(title, filterBar(), filters, grid, footer);
        expand(grid);
    }

    /** The query parameters that open this view filtered by one workflow. */
    public static QueryParameters forWorkflow(UUID workflowId) {
        return QueryParameters.simple(RunsQuery.ofWorkflow(workflowId).parameters());
    }

    private static Map<String, String> optionalColumns() {
        Map<String, String> optional = new LinkedHashMap<>();
        optional.put("workflow", "Workflow");
        optional.put("businessKey", "Business key");
        optional.put("trigger", "Trigger");
        optional.put("created", "Created");
        optional.put("duration", "Duration");
        optional.put("errorKind", "Error kind");
        optional.put("error", "Error");
        return optional;
    }

    private void configureFilters() {
        workflow.setId("runs-workflow");
        workflow.setPlaceholder("All workflows");
        workflow.setClearButtonVisible(true);
        workflow.setWidth("16em");
        workflow.setItemLabelGenerator(Workflow::name);
        workflow.setItems(request -> workflows.search(request.getFilter().orElse(""), WorkflowSort.NAME, true,
                request.getOffset(), Math.clamp(request.getLimit(), 1, WorkflowService.PAGE_MAX_SIZE)).items()
                .stream());

        tag.setId("runs-tag");
        tag.getElement().setAttribute("data-testid", "filter-tag");
        tag.setPlaceholder("Any tag");
        tag.setClearButtonVisible(true);
        tag.setWidth("13em");
        tag.setItems(workflows.allTags());
        tag.setTooltipText("Runs of the workflows carrying this tag");

        version.setId("runs-version");
        version.setPlaceholder("Any");
        version.setMin(1);
        version.setWidth("6em");
        version.setClearButtonVisible(true);

        status.setId("runs-status");
        status.setPlaceholder("Any status");
        status.setClearButtonVisible(true);
        status.setWidth("18em");
        status.setItems(RunStatus.values());
        status.setItemLabelGenerator(one -> RunStatusNames.label(one.jsonName()));

        trigger.setId("runs-trigger");
        trigger.setPlaceholder("Any trigger");
        trigger.setClearButtonVisible(true);
        trigger.setWidth("10em");
        trigger.setItems(Stream.concat(Arrays.stream(TriggerKind.values()).map(TriggerKind::jsonName),
                Stream.of(RunSummary.TEST_TRIGGER)).toList());
        trigger.setAllowCustomValue(true);
        trigger.addCustomValueSetListener(typed -> trigger.setValue(typed.getDetail()));

        from.setId("runs-from");
        to.setId("runs-to");
        from.setStep(java.time.Duration.ofMinutes(15));
        to.setStep(java.time.Duration.ofMinutes(15));

        connection.setId("runs-connection");
        connection.setPlaceholder("Connection id");
        connection.setClearButtonVisible(true);
        connection.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        connection.setWidth("10em");

        errorClass.setId("runs-error-class");
        errorClass.setPlaceholder("e.g. RateLimited");
        errorClass.setClearButtonVisible(true);
        errorClass.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        errorClass.setWidth("10em");

        category.setId("runs-category");
        category.setPlaceholder("Any kind");
        category.setClearButtonVisible(true);
        category.setItems(ErrorCategory.values());
        category.setItemLabelGenerator(ErrorCategory::label);
        category.setWidth("10em");

        businessKey.setId("runs-business-key");
        businessKey.getElement().setAttribute("data-testid", "filter-business-key");
        businessKey.setPlaceholder("Business key (exact)");
        businessKey.setAriaLabel("Business key");
        businessKey.setPrefixComponent(VaadinIcon.SEARCH.create());
        businessKey.setWidth("16em");
        businessKey.setClearButtonVisible(true);
        businessKey.setValueChangeMode(ValueChangeMode.LAZY);

        workflow.addValueChangeListener(change -> filtersChanged());
        tag.addValueChangeListener(change -> filtersChanged());
        version.addValueChangeListener(change -> filtersChanged());
        status.addValueChangeListener(change -> filtersChanged());
        trigger.addValueChangeListener(change -> filtersChanged());
        from.addValueChangeListener(change -> filtersChanged());
        to.addValueChangeListener(change -> filtersChanged());
        connection.addValueChangeListener(change -> filtersChanged());
        errorClass.addValueChangeListener(change -> filtersChanged());
        category.addValueChangeListener(change -> filtersChanged());
        businessKey.addValueChangeListener(change -> filtersChanged());
    }

    /**
     * One line above the grid: the business-key search, the "Filters" toggle that opens the full form (closed at
     * first, so the grid has the screen), the active filters as removable chips, and "Clear filters".
     */
    private HorizontalLayout filterBar() {
        filtersToggle.setId("toggle-filters");
        filtersToggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        filtersToggle.getElement().setAttribute("aria-controls", "runs-filters");
        filtersToggle.addClickListener(click -> showForm(!formOpen));
        showForm(false);
        HorizontalLayout bar = new HorizontalLayout(businessKey, filtersToggle, chips, clear);
        bar.setId("runs-filter-bar");
        bar.addClassName("runs-filter-bar");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.setWrap(true);
        return bar;
    }

    /** Opens or closes the form: hidden, not invisible, so its fields stay in the page (and say what is set). */
    private void showForm(boolean open) {
        formOpen = open;
        filters.getElement().setAttribute("hidden", !open);
        filtersToggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        filtersToggle.setIcon((open ? VaadinIcon.ANGLE_UP : VaadinIcon.FILTER).create());
        filtersToggle.setTooltipText(open ? "Hide the filter form" : "Show every filter");
    }

    private HorizontalLayout viewsBar() {
        savedView.setId("runs-saved-view");
        savedView.setPlaceholder("Saved views");
        savedView.setAriaLabel("Saved view");
        savedView.setItemLabelGenerator(SavedRunView::name);
        savedView.setClearButtonVisible(true);
        savedView.setWidth("16em");
        savedView.addValueChangeListener(change -> {
            if (!settingFilters && change.isFromClient()) {
                navigate(change.getValue() == null ? query.withView(null) : change.getValue().query()
                        .withView(change.getValue().id()));
            }
        });
        Button save = new Button("Save view", VaadinIcon.BOOKMARK.create(), click -> openSaveDialog());
        save.setId("save-view");
        deleteView.setId("delete-view");
        deleteView.setAriaLabel("Delete saved view");
        deleteView.setTooltipText("Delete this saved view");
        deleteView.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        deleteView.addClickListener(click -> deleteSelectedView());

        Button chooser = new Button("Columns", VaadinIcon.GRID_BIG_O.create());
        chooser.setId("choose-columns");
        chooser.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        ContextMenu menu = new ContextMenu(chooser);
        menu.setOpenOnClick(true);
        menu.setId("column-chooser");
        OPTIONAL_COLUMNS.forEach((key, header) -> {
            MenuItem item = menu.addItem(header, click -> columnsChosen());
            item.setCheckable(true);
            item.setChecked(true);
            item.getElement().setAttribute("data-column", key);
            columnItems.put(key, item);
        });

        HorizontalLayout bar = new HorizontalLayout(savedView, deleteView, save, chooser);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("runs-views");
        return bar;
    }

    private void configureGrid() {
        grid.setId("runs");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        columns.put("workflow", grid.addColumn(run -> run.workflowName() + " · v" + run.workflowVersion())
                .setHeader("Workflow").setWidth("12em").setFlexGrow(3).setKey("workflow")
                .setTooltipGenerator(run -> run.workflowName() + " · v" + run.workflowVersion()));
        columns.put("businessKey", grid.addColumn(RunSummary::businessKey).setHeader("Business key").setWidth("9em").setFlexGrow(1)
                .setKey("businessKey"));
        grid.addComponentColumn(run -> {
            var badge = RunStatusBadge.named(run.status());
            badge.getElement().setAttribute("data-testid", "run-status");
            badge.getElement().setAttribute("data-status", run.status().toUpperCase(java.util.Locale.ROOT));
            return badge;
        }).setHeader("Status").setWidth(RunStatusBadge.COLUMN_WIDTH).setFlexGrow(0).setKey("status");
        columns.put("trigger", grid.addColumn(RunSummary::triggerKind).setHeader("Trigger").setAutoWidth(true)
                .setFlexGrow(0).setKey("trigger"));
        columns.put("created", grid.addColumn(run -> Times.when(run.createdAt())).setHeader("Created")
                .setAutoWidth(true).setFlexGrow(0).setKey("created"));
        columns.put("duration", grid.addColumn(run -> RunFormat.duration(run.startedAt(), run.finishedAt()))
                .setHeader("Duration").setAutoWidth(true).setFlexGrow(0).setKey("duration"));
        columns.put("errorKind", grid.addColumn(run -> Optional.ofNullable(ErrorCategory.of(run.errorClass()))
                        .map(ErrorCategory::label).orElse("")).setHeader("Error kind").setAutoWidth(true)
                .setFlexGrow(0).setKey("errorKind"));
        columns.put("error", grid.addColumn(run -> RunFormat.error(run.errorClass(), run.errorMessage()))
                .setHeader("Error").setFlexGrow(2)
                .setTooltipGenerator(run -> RunFormat.error(run.errorClass(), run.errorMessage())).setKey("error"));
        grid.setItems(shown);
        grid.setEmptyStateText("No runs match these filters.");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(Routes.run(click.getItem().id()))));
    }

    private void configureExport() {
        export.setId("export-runs");
        export.getElement().setAttribute("data-testid", "export-csv");
        export.add(VaadinIcon.DOWNLOAD.create());
        export.add(" Export CSV");
        export.setDownload(true);
        export.setHref(event -> {
            event.setFileName(RunListService.exportFileName(Instant.now()));
            event.setContentType("text/csv; charset=utf-8");
            runList.exportCsv(query, event.getOutputStream());
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<RunsQuery.Problem> problems = new ArrayList<>();
        RunsQuery asked = Routes.runsQuery(event.getLocation().getQueryParameters(), problems);
        if (!problems.isEmpty()) {
            Notifications.warning("Some filters in the address were left out: " + problems.stream()
                    .map(RunsQuery.Problem::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        Optional<SavedRunView> view = Optional.empty();
        if (asked.view() != null) {
            view = runList.view(asked.view());
            if (view.isEmpty()) {
                Notifications.warning("That saved view does not exist (any more).");
                asked = asked.withView(null);
            } else if (asked.isEmpty()) {
                // view=<id> alone opens the view's filters
                asked = view.get().query().withView(view.get().id());
            }
        }
        settingFilters = true;
        try {
            show(asked);
            chips.show(asked, workflow.getValue() == null ? null : workflow.getValue().name());
            clear.setVisible(!asked.withView(null).isEmpty());
            if (asked.withView(null).isEmpty()) { // no filter: an empty list means no run at all yet
                grid.setEmptyStateComponent(dev.junction.ui.shared.StartFromTemplate.noRunsYet());
            } else {
                grid.setEmptyStateText("No runs match these filters.");
            }
            List<SavedRunView> saved = runList.views();
            savedView.setItems(saved);
            UUID viewId = asked.view();
            savedView.setValue(viewId == null ? null : saved.stream().filter(one -> one.id().equals(viewId))
                    .findFirst().orElse(null));
            deleteView.setEnabled(viewId != null);
            showColumns(view.map(SavedRunView::columns).filter(keys -> !keys.isEmpty())
                    .or(runList::columns).orElse(List.copyOf(OPTIONAL_COLUMNS.keySet())));
        } finally {
            settingFilters = false;
        }
        query = asked;
        reload();
    }

    /** Sets the filter fields to {@code shownQuery}. */
    private void show(RunsQuery shownQuery) {
        workflow.setValue(shownQuery.workflow() == null ? null : workflowNamed(shownQuery.workflow()).orElse(null));
        if (shownQuery.tag() != null && !workflows.allTags().contains(shownQuery.tag())) {
            tag.setItems(java.util.stream.Stream.concat(workflows.allTags().stream(), Stream.of(shownQuery.tag()))
                    .sorted().toList());
        }
        tag.setValue(shownQuery.tag());
        version.setValue(shownQuery.version());
        status.setValue(shownQuery.statuses());
        trigger.setValue(shownQuery.trigger());
        from.setValue(local(shownQuery.from()));
        to.setValue(local(shownQuery.to()));
        connection.setValue(Optional.ofNullable(shownQuery.connection()).orElse(""));
        errorClass.setValue(Optional.ofNullable(shownQuery.errorClass()).orElse(""));
        category.setValue(shownQuery.category());
        businessKey.setValue(Optional.ofNullable(shownQuery.businessKey()).orElse(""));
    }

    private Optional<Workflow> workflowNamed(UUID id) {
        try {
            return Optional.of(workflows.get(id));
        } catch (NotFoundException e) {
            Notifications.warning("That workflow does not exist (any more); showing the runs of all workflows.");
            return Optional.empty();
        }
    }

    /** The filters as the fields show them. */
    private RunsQuery fieldsQuery() {
        return new RunsQuery(status.getValue(), workflow.getValue() == null ? null : workflow.getValue().id(),
                version.getValue(), trigger.getValue(), instant(from.getValue()), instant(to.getValue()),
                connection.getValue(), errorClass.getValue(), category.getValue(), businessKey.getValue(),
                tag.getValue(), null);
    }

    private void filtersChanged() {
        if (settingFilters) {
            return;
        }
        RunsQuery changed = fieldsQuery();
        if (changed.from() != null && changed.to() != null && changed.from().isAfter(changed.to())) {
            to.setErrorMessage(FieldErrors.sentence("Created before", "must not be before Created from"));
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        // the view stays named while its filters are unchanged
        SavedRunView view = savedView.getValue();
        navigate(view != null && view.query().equals(changed) ? changed.withView(view.id()) : changed);
    }

    /** Opens the list filtered by {@code target}: a new history entry, so that the back button returns here. */
    private void navigate(RunsQuery target) {
        getUI().ifPresent(ui -> ui.navigate(RunsQuery.PATH, QueryParameters.simple(target.parameters())));
    }

    /** Shows the first page of the runs that match the filters. */
    private void reload() {
        shown.clear();
        next = null;
        fetch(null);
        int total = runList.count(query);
        boolean capped = total >= RunListService.COUNT_CAP;
        count.setText(capped ? RunListService.COUNT_CAP + "+ runs" : total == 1 ? "1 run" : total + " runs");
        count.getElement().setAttribute("data-count", capped ? RunListService.COUNT_CAP + "+" : Integer.toString(total));
        replayAll.setVisible(RunPermissions.mayOperate() && query.statuses().equals(Set.of(RunStatus.DEAD_LETTERED)));
    }

    private void loadNextPage() {
        if (next != null) {
            fetch(next);
        }
    }

    private void fetch(String cursor) {
        try {
            RunPage page = runs.list(query.toFilter(), cursor, PAGE_SIZE);
            shown.addAll(page.items());
            next = page.next();
        } catch (InvalidInputException e) {
            next = null;
            Notifications.error("The list could not be continued: " + e.getMessage());
        }
        grid.getDataProvider().refreshAll();
        loadMore.setEnabled(next != null);
        shownCount.setText("(" + shown.size() + " shown" + (next == null ? ")" : "; there are more)"));
        shownCount.getElement().setAttribute("data-count", Integer.toString(shown.size()));
    }

    private void openSaveDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Save view");
        dialog.setId("save-view-dialog");
        TextField name = new TextField("Name");
        name.setId("view-name");
        name.setWidthFull();
        name.setMaxLength(100);
        SavedRunView current = savedView.getValue();
        name.setValue(current == null ? "" : current.name());
        Button save = new Button("Save", click -> {
            try {
                SavedRunView saved = runList.saveView(name.getValue(), query, visibleColumns());
                dialog.close();
                Notifications.success("View '" + saved.name() + "' saved.");
                navigate(saved.query().withView(saved.id()));
            } catch (InvalidInputException e) {
                name.setErrorMessage(FieldErrors.sentence("Name", e.problems().getFirst().message()));
                name.setInvalid(true);
            }
        });
        save.setId("confirm-save-view");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.add(name);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        name.focus();
    }

    private void deleteSelectedView() {
        SavedRunView view = savedView.getValue();
        if (view == null) {
            return;
        }
        try {
            runList.deleteView(view.id());
            Notifications.success("View '" + view.name() + "' deleted.");
        } catch (NotFoundException e) {
            Notifications.warning("That view was already deleted.");
        }
        navigate(query.withView(null));
    }

    private void columnsChosen() {
        List<String> visible = columnItems.entrySet().stream().filter(entry -> entry.getValue().isChecked())
                .map(Map.Entry::getKey).toList();
        showColumns(visible);
        runList.saveColumns(visible);
    }

    private void showColumns(List<String> visible) {
        columns.forEach((key, column) -> column.setVisible(visible.contains(key)));
        columnItems.forEach((key, item) -> item.setChecked(visible.contains(key)));
        grid.getElement().setAttribute("data-columns", String.join(",", visible));
    }

    private List<String> visibleColumns() {
        return columns.entrySet().stream().filter(entry -> entry.getValue().isVisible()).map(Map.Entry::getKey)
                .toList();
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }

    private static ZoneId zone() {
        return Times.zone();
    }
}
