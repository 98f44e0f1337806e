package dev.junction.ui.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.workflows.WorkflowFiles;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowRemoval;
import dev.junction.db.workflows.Workflow;
import dev.junction.db.workflows.WorkflowSort;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Locale;

/** The list of workflows: search, sort, create, import a file, rename / describe, delete, and open one. */
@Route("workflows")
@PageTitle("Workflows · Junction")
@Menu(title = "Workflows", order = 1, icon = "vaadin:sitemap")
@PermitAll
public class WorkflowsView extends VerticalLayout {


    private final WorkflowService workflows;
    private final Grid<Workflow> grid = new Grid<>(Workflow.class, false);
    private final TextField search = new TextField();
    private final ComboBox<String> tagFilter = new ComboBox<>();

    private final WorkflowFiles files;

    private final dev.junction.backend.alerts.AlertRuleService alertRules;
    private final ImportFixUps fixUps;
    /** The workflows an alert rule watches, read with each page of the list. */
    private java.util.Set<java.util.UUID> alerted = java.util.Set.of();

    public WorkflowsView(WorkflowService workflows, WorkflowFiles files,
                         dev.junction.backend.alerts.AlertRuleService alertRules,
                         ImportFixUps fixUps) {
        this.alertRules = alertRules;
        this.fixUps = fixUps;
        this.workflows = workflows;
        this.files = files;
        boolean mayChange = workflows.currentUserMayChange();
        setSizeFull();

        search.setPlaceholder("Search by name or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.setId("workflow-search");
        search.addValueChangeListener(change -> {
            grid.getDataProvider().refreshAll();
            showEmptyState(mayChange);
        });

        tagFilter.setId("workflow-tag-filter");
        tagFilter.getElement().setAttribute("data-testid", "filter-tag");
        tagFilter.setPlaceholder("Any tag");
        tagFilter.setAriaLabel("Tag");
        tagFilter.setClearButtonVisible(true);
        tagFilter.setItems(workflows.allTags());
        tagFilter.addValueChangeListener(change -> {
            grid.getDataProvider().refreshAll();
            showEmptyState(mayChange);
        });

        HorizontalLayout toolbar = new HorizontalLayout(new H2("Workflows"), search, tagFilter);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayChange) {
            Button create = new Button("New workflow", VaadinIcon.PLUS.create(), click -> openCreateDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-workflow");
            toolbar.add(create, importUpload());
        }

        configureGrid(mayChange);
        showEmptyState(mayChange);
        add(toolbar, grid);
        expand(grid);
    }

    /** Imports a file exported by Junction as a new workflow, and opens it. */
    private Upload importUpload() {
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            // the file has arrived either way; the list would show a tick for a refused file and block the next one
            upload.clearFileList();
            try {
                Workflow imported = files.importFile(files.fromJson(bytes));
                Notifications.success("Workflow '" + imported.name() + "' imported");
                // connections it names that do not exist here are mapped in one dialog first (TPL-6)
                fixUps.afterImport(imported.id(), () -> open(imported));
            } catch (InvalidInputException | ConflictException e) {
                Notifications.error("Not imported: " + e.getMessage());
            }
        }))));
        upload.setId("import-workflow");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(WorkflowFiles.MAX_FILE_BYTES);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button("Import…", VaadinIcon.UPLOAD.create()));
        return upload;
    }

    private void configureGrid(boolean mayChange) {
        grid.setId("workflows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        var name = grid.addColumn(Workflow::name).setHeader("Name").setSortProperty("name").setFlexGrow(3)
                .setKey("name");
        grid.addColumn(Workflow::description).setHeader("Description").setFlexGrow(2);
        grid.addComponentColumn(WorkflowsView::tags).setHeader("Tags").setFlexGrow(1).setKey("tags");
        grid.addColumn(workflow -> Times.when(workflow.updatedAt())).setHeader("Last changed")
                .setSortProperty("updatedAt").setAutoWidth(true);
        grid.addColumn(Workflow::updatedBy).setHeader("By").setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true).setKey("status");
        if (mayChange) {
            grid.addComponentColumn(this::actions).setHeader("").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setPageSize(50);
        grid.setItems(query -> {
            WorkflowSort sort = WorkflowSort.NAME;
            boolean ascending = true;
            if (!query.getSortOrders().isEmpty()) {
                var order = query.getSortOrders().getFirst();
                sort = "updatedAt".equals(order.getSorted()) ? WorkflowSort.UPDATED_AT : WorkflowSort.NAME;
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            int limit = Math.min(query.getLimit(), WorkflowService.PAGE_MAX_SIZE);
            alerted = alertRules.list().stream().map(rule -> rule.workflowId()).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            return workflows.search(search.getValue(), tagFilter.getValue(), sort, ascending, query.getOffset(), limit)
                    .items().stream();
        });
        grid.sort(List.of(new GridSortOrder<>(name, SortDirection.ASCENDING)));
        grid.addItemClickListener(click -> open(click.getItem()));
    }

    /**
     * What the empty list shows: without a search, a way to start ({@code [data-testid=empty-state-templates]}: "Start
     * from a template", and "Import" for those who may change workflows); with one, that nothing matched.
     */
    private void showEmptyState(boolean mayChange) {
        if (search.getValue() != null && !search.getValue().isBlank() || tagFilter.getValue() != null) {
            grid.setEmptyStateComponent(null);
            grid.setEmptyStateText("No workflow matches the search.");
            return;
        }
        grid.setEmptyStateComponent(emptyState(mayChange));
    }

    private VerticalLayout emptyState(boolean mayChange) {
        Button fromTemplate = new Button("Start from a template", VaadinIcon.MODAL_LIST.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(Routes.TEMPLATES)));
        fromTemplate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fromTemplate.getElement().setAttribute("data-testid", "start-from-template");
        HorizontalLayout actions = new HorizontalLayout(fromTemplate);
        if (mayChange) {
            Upload upload = importUpload();
            upload.setId("import-workflow-empty"); // the toolbar's upload is #import-workflow
            actions.add(upload);
        }
        VerticalLayout empty = new VerticalLayout(new H2("No workflows yet"),
                new com.vaadin.flow.component.html.Paragraph("Start from a ready-made integration (Amazon FBA,"
                        + " Opayo, Dynamics 365) that runs on the sandbox connections at once, or import a workflow"
                        + " file."), actions);
        empty.setAlignItems(FlexComponent.Alignment.CENTER);
        empty.getElement().setAttribute("data-testid", "empty-state-templates");
        return empty;
    }

    /**
     * "Active" (a published version: its trigger is live) or "Draft", and a bell when an alert rule watches it
     * ({@code [data-testid=workflow-status][data-status=active|draft][data-alert-rule=true|false]}).
     */
    private HorizontalLayout status(Workflow workflow) {
        boolean active = workflow.publishedVersion() != null;
        com.vaadin.flow.component.html.Span state = new com.vaadin.flow.component.html.Span(active ? "Active" : "Draft");
        state.getElement().getThemeList().add(active ? "badge success" : "badge contrast");
        HorizontalLayout status = new HorizontalLayout(state);
        status.setSpacing(false);
        status.getStyle().set("gap", "var(--lumo-space-xs)");
        boolean watched = alerted.contains(workflow.id());
        if (watched) {
            com.vaadin.flow.component.icon.Icon bell = VaadinIcon.BELL.create();
            bell.setSize("var(--lumo-icon-size-s)");
            bell.setTooltipText("An alert rule watches this workflow");
            status.add(bell);
        }
        status.getElement().setAttribute("data-testid", "workflow-status");
        status.getElement().setAttribute("data-workflow", workflow.name());
        status.getElement().setAttribute("data-status", active ? "active" : "draft");
        status.getElement().setAttribute("data-trigger", active ? "enabled" : "off");
        status.getElement().setAttribute("data-alert-rule", Boolean.toString(watched));
        return status;
    }

    private HorizontalLayout actions(Workflow workflow) {
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> openEditDialog(workflow));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel("Rename, describe or tag " + workflow.name());
        edit.setTooltipText("Rename, describe or tag");
        edit.addClassName("edit-workflow");
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(workflow));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + workflow.name());
        delete.setTooltipText("Delete");
        delete.addClassName("delete-workflow");
        return new HorizontalLayout(edit, delete);
    }

    /** The tag filter offers every tag in use (a new one after a save), keeping its choice. */
    private void refreshTagChoices() {
        String chosen = tagFilter.getValue();
        List<String> all = workflows.allTags();
        tagFilter.setItems(all);
        tagFilter.setValue(all.contains(chosen) ? chosen : null);
    }

    /** The workflow's tags as small badges ({@code [data-testid=workflow-tag][data-tag=…]}). */
    private static HorizontalLayout tags(Workflow workflow) {
        HorizontalLayout tags = new HorizontalLayout();
        tags.setSpacing(false);
        tags.setWrap(true);
        tags.getStyle().set("gap", "var(--lumo-space-xs)");
        for (String tag : workflow.tags()) {
            com.vaadin.flow.component.html.Span badge = new com.vaadin.flow.component.html.Span(tag);
            badge.getElement().getThemeList().add("badge small");
            badge.getElement().setAttribute("data-testid", "workflow-tag");
            badge.getElement().setAttribute("data-tag", tag);
            tags.add(badge);
        }
        return tags;
    }

    private void open(Workflow workflow) {
        getUI().ifPresent(ui -> ui.navigate(Routes.workflow(workflow.id())));
    }

    private void openCreateDialog() {
        new WorkflowDialog("New workflow", "", "", List.of(), (name, description, tags) -> {
            Workflow created = workflows.create(name, description, tags);
            refreshTagChoices();
            grid.getDataProvider().refreshAll();
            Notifications.success("Workflow '" + created.name() + "' created");
        }).open();
    }

    private void openEditDialog(Workflow workflow) {
        new WorkflowDialog("Rename, describe or tag", workflow.name(), workflow.description(), workflow.tags(),
                (name, description, tags) -> {
            Workflow updated = workflows.update(workflow.id(), name, description, tags);
            refreshTagChoices();
            grid.getDataProvider().refreshAll();
            Notifications.success("Workflow '" + updated.name() + "' saved");
        }).open();
    }

    /**
     * Asks before deleting, and says what will happen: a workflow with runs is archived (its runs stay readable), one
     * without is deleted. The dialog carries {@code data-removal} ("archive" / "delete") and {@code data-runs}.
     */
    private void confirmDelete(Workflow workflow) {
        WorkflowRemoval removal = workflows.removalOf(workflow.id());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-workflow");
        confirm.getElement().setAttribute("data-removal", removal.archived() ? "archive" : "delete");
        confirm.getElement().setAttribute("data-runs", Integer.toString(removal.runs()));
        confirm.setCancelable(true);
        if (removal.archived()) {
            confirm.setHeader("Archive workflow '" + workflow.name() + "'?");
            confirm.setText("This workflow has " + runs(removal.runs()) + ": it will be archived — its runs stay"
                    + " readable in Runs. It leaves the list, its triggers stop, and its name is free again.");
            confirm.setConfirmText("Archive");
        } else {
            confirm.setHeader("Delete workflow '" + workflow.name() + "'?");
            confirm.setText("It has no runs: it will be deleted for everyone. This cannot be undone.");
            confirm.setConfirmText("Delete");
        }
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            WorkflowRemoval done = workflows.delete(workflow.id());
            grid.getDataProvider().refreshAll();
            Notifications.success(done.archived()
                    ? "Workflow '" + workflow.name() + "' archived: " + runs(done.runs()) + " kept, readable in Runs"
                    : "Workflow '" + workflow.name() + "' deleted");
        });
        confirm.open();
    }

    private static String runs(int count) {
        return count == 1 ? "1 run" : String.format(Locale.UK, "%,d runs", count);
    }

}
