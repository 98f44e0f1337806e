package dev.junction.ui.inbox;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.errors.ErrorGroupAssignment;
import dev.junction.backend.errors.ErrorGroupService;
import dev.junction.backend.runs.RunService;
import dev.junction.ui.runs.DebugInEditor;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.errors.ErrorGroupFilter;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The error inbox: failures grouped by fingerprint (workflow + step + error class + message template), in tabs Open,
 * Assigned to me, Resolved and Retries (groups with replayed runs waiting to run). A row opens the group's detail
 * with its actions. {@code ?workflow=<id>} narrows the inbox to one workflow. Every row's count cell carries
 * {@code data-testid=error-group} with {@code data-count} (failures; in Retries: pending retries),
 * {@code data-category} and {@code data-state}.
 */
@Route("errors")
@PageTitle("Errors · Junction")
@Menu(title = "Errors", order = 2.5, icon = "vaadin:bug")
@PermitAll
public class ErrorInboxView extends VerticalLayout implements BeforeEnterObserver {

    static final int SHOWN = 200;

    enum View { OPEN, MINE, RESOLVED, RETRIES }

    private final ErrorGroupService groups;
    private final ErrorGroupAssignment assignment;
    private final RunService runs;
    private final DebugInEditor debugInEditor;
    private final Grid<ErrorGroup> grid = new Grid<>(ErrorGroup.class, false);
    private final Tab open = tab("Open", "tab-open");
    private final Tab mine = tab("Assigned to me", "tab-mine");
    private final Tab resolved = tab("Resolved", "tab-resolved");
    private final Tab retries = tab("Retries", "tab-retries");
    private final Tabs tabs = new Tabs(open, mine, resolved, retries);
    private final Map<Tab, View> views = Map.of(open, View.OPEN, mine, View.MINE, resolved, View.RESOLVED, retries,
            View.RETRIES);
    private UUID workflowId;

    public ErrorInboxView(ErrorGroupService groups, ErrorGroupAssignment assignment, RunService runs,
                          DebugInEditor debugInEditor) {
        this.groups = groups;
        this.assignment = assignment;
        this.runs = runs;
        this.debugInEditor = debugInEditor;
        setSizeFull();
        tabs.setId("error-tabs");
        tabs.addSelectedChangeListener(change -> reload());
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload());
        refresh.setId("refresh-errors");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(tabs, refresh);
        bar.setAlignItems(Alignment.CENTER);
        configureGrid();
        add(bar, grid);
        expand(grid);
    }

    private static Tab tab(String label, String id) {
        Tab tab = new Tab(label);
        tab.setId(id);
        return tab;
    }

    private void configureGrid() {
        grid.setId("error-groups");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::countCell).setHeader("Count").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(group -> label(group.category())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ErrorGroup::workflowName).setHeader("Workflow").setFlexGrow(1);
        grid.addColumn(group -> group.nodeId() == null ? "" : group.nodeId()).setHeader("Step").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ErrorGroup::messageTemplate).setHeader("Message").setFlexGrow(3)
                .setTooltipGenerator(ErrorGroup::sampleMessage);
        grid.addColumn(ErrorGroup::errorClass).setHeader("Class").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(group -> Times.when(group.lastSeenAt())).setHeader("Last seen").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(group -> group.assignee() == null ? "" : group.assignee()).setHeader("Assignee")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(group -> String.join(", ", group.tags())).setHeader("Tags").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText("No errors here.");
        grid.addItemClickListener(click -> openGroup(click.getItem().id()));
    }

    private Span countCell(ErrorGroup group) {
        long count = views.get(tabs.getSelectedTab()) == View.RETRIES ? group.pendingRetries() : group.failures();
        Span cell = new Span(String.valueOf(count));
        cell.getElement().setAttribute("data-testid", "error-group");
        cell.getElement().setAttribute("data-group", group.id().toString());
        cell.getElement().setAttribute("data-count", String.valueOf(count));
        cell.getElement().setAttribute("data-category", group.category());
        cell.getElement().setAttribute("data-state", group.state());
        cell.getElement().setAttribute("data-error-class", group.errorClass());
        return cell;
    }

    static String label(String category) {
        ErrorCategory known = ErrorCategory.fromJson(category);
        return known == null ? category : known.label();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> workflow = event.getLocation().getQueryParameters().getParameters().getOrDefault("workflow",
                List.of());
        try {
            workflowId = workflow.isEmpty() ? null : UUID.fromString(workflow.getFirst());
        } catch (IllegalArgumentException e) {
            workflowId = null;
        }
        reload();
        // a deep link to one group (the e-mail to a new assignee): errors?group=<id> opens it
        List<String> group = event.getLocation().getQueryParameters().getParameters().getOrDefault("group",
                List.of());
        if (!group.isEmpty()) {
            try {
                openGroup(UUID.fromString(group.getFirst()));
            } catch (IllegalArgumentException | NotFoundException e) {
                Notifications.error("There is no error group " + group.getFirst() + ".");
            }
        }
    }

    private void openGroup(UUID id) {
        new ErrorGroupDialog(groups, assignment, runs, debugInEditor, id, this::reload).open();
    }

    private void reload() {
        View view = views.get(tabs.getSelectedTab());
        List<ErrorGroup> items = switch (view) {
            case OPEN -> groups.list(new ErrorGroupFilter(ErrorGroup.OPEN, null, workflowId, null), SHOWN);
            case MINE -> groups.list(new ErrorGroupFilter(null, null, workflowId, CurrentUser.name()), SHOWN);
            case RESOLVED -> groups.list(new ErrorGroupFilter(ErrorGroup.RESOLVED, null, workflowId, null), SHOWN);
            case RETRIES -> groups.list(new ErrorGroupFilter(null, null, workflowId, null), SHOWN).stream()
                    .filter(group -> group.pendingRetries() > 0).toList();
        };
        grid.setItems(items);
    }
}
