package dev.junction.ui.inbox;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.errors.AssigneeEmail;
import dev.junction.backend.errors.ErrorGroupAssignment;
import dev.junction.backend.errors.ErrorGroupService;
import dev.junction.backend.runs.RunService;
import dev.junction.ui.runs.DebugInEditor;
import dev.junction.ui.runs.RunPermissions;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.errors.GroupRun;
import dev.junction.db.runs.RunsQuery;
import dev.junction.db.users.Role;
import dev.junction.engine.runs.RunStatus;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * One error group: its sample message, business keys, runs (a link to the runs list and the latest runs here) and,
 * for operators and admins, its actions: assign, tag, resolve with a note, reopen, retry all, and edit one run's
 * input and retry it.
 */
class ErrorGroupDialog extends Dialog {

    static final int RUNS_SHOWN = 50;

    private final ErrorGroupService groups;
    private final RunService runs;
    private final DebugInEditor debugInEditor;
    private final ErrorGroupAssignment assignment;
    private final UUID groupId;
    /** What the latest assignment in this dialog told the assignee (shown under the actions). */
    private AssigneeEmail assigneeEmail;
    private final Runnable changed;
    private final VerticalLayout content = new VerticalLayout();

    ErrorGroupDialog(ErrorGroupService groups, ErrorGroupAssignment assignment, RunService runs,
                     DebugInEditor debugInEditor, UUID groupId, Runnable changed) {
        this.groups = groups;
        this.assignment = assignment;
        this.runs = runs;
        this.debugInEditor = debugInEditor;
        this.groupId = groupId;
        this.changed = changed;
        setId("error-group-detail");
        setWidth("min(1100px, 95vw)");
        content.setPadding(false);
        add(content);
        Button close = new Button("Close", click -> close());
        close.setId("close-error-group");
        getFooter().add(close);
        show();
    }

    private static boolean mayTriage() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.OPERATOR);
    }

    private void show() {
        ErrorGroupService.GroupDetail detail = groups.get(groupId);
        ErrorGroup group = detail.group();
        content.removeAll();
        setHeaderTitle(ErrorInboxView.label(group.category()) + " · " + group.errorClass() + " at "
                + (group.nodeId() == null ? "?" : group.nodeId()));
        getElement().setAttribute("data-state", group.state());
        getElement().setAttribute("data-assignee", group.assignee() == null ? "" : group.assignee());

        Paragraph sample = new Paragraph(group.sampleMessage());
        sample.setId("error-group-sample");
        Paragraph facts = new Paragraph(group.failures() + " failures in " + group.workflowName() + ", "
                + group.openFailures() + " unresolved; first " + Times.when(group.firstSeenAt()) + ", last "
                + Times.when(group.lastSeenAt()) + (group.assignee() == null ? "" : "; assigned to "
                + group.assignee()) + (group.tags().isEmpty() ? "" : "; tags " + String.join(", ", group.tags())));
        facts.setId("error-group-facts");
        Paragraph keys = new Paragraph("Business keys (" + group.affectedKeys() + "): "
                + (detail.businessKeys().isEmpty() ? "none" : String.join(", ", detail.businessKeys())
                + (group.affectedKeys() > detail.businessKeys().size() ? ", …" : "")));
        keys.setId("error-group-keys");
        content.add(sample, facts, keys);
        if (group.resolutionNote() != null) {
            Paragraph note = new Paragraph("Resolved" + (group.resolvedBy() == null ? "" : " by " + group.resolvedBy())
                    + " " + Times.when(group.resolvedAt()) + ": " + group.resolutionNote());
            note.setId("error-group-resolution");
            content.add(note);
        }
        Anchor list = Routes.link("Open these runs in the runs list", runsList(group));
        list.setId("error-group-runs-link");
        content.add(list);
        if (mayTriage()) {
            content.add(actions(group));
        }
        content.add(new H4("Latest runs"), runGrid(group));
    }

    /** The runs list narrowed to the group's workflow, error class and failed statuses. */
    static String runsList(ErrorGroup group) {
        return Routes.runs(RunsQuery.ofWorkflow(group.workflowId())
                .withStatuses(Set.of(RunStatus.DEAD_LETTERED, RunStatus.FAILED)).withErrorClass(group.errorClass()));
    }

    private Div actions(ErrorGroup group) {
        TextField assignee = new TextField("Assign to (username)");
        assignee.setId("error-group-assignee");
        assignee.setValue(group.assignee() == null ? "" : group.assignee());
        Button assign = new Button("Assign", click -> act(() -> assigneeEmail = assignment.assign(groupId,
                assignee.getValue()).assigneeEmail(), "Assigned."));
        assign.setId("error-group-assign");

        TextField tags = new TextField("Tags (comma-separated)");
        tags.setId("error-group-tags");
        tags.setValue(String.join(", ", group.tags()));
        Button tag = new Button("Save tags", click -> act(() -> groups.tag(groupId, Arrays.stream(
                tags.getValue().split(",")).map(String::strip).filter(text -> !text.isEmpty()).toList()),
                "Tags saved."));
        tag.setId("error-group-tag");

        TextArea note = new TextArea("Resolution note");
        note.setId("error-group-note");
        Button resolve = new Button("Resolve", click -> act(() -> groups.resolve(groupId, note.getValue()),
                "Resolved."));
        resolve.setId("error-group-resolve");
        Button reopen = new Button("Reopen", click -> act(() -> groups.reopen(groupId), "Reopened."));
        reopen.setId("error-group-reopen");
        resolve.setVisible(ErrorGroup.OPEN.equals(group.state()));
        note.setVisible(ErrorGroup.OPEN.equals(group.state()));
        reopen.setVisible(ErrorGroup.RESOLVED.equals(group.state()));

        Button retryAll = new Button("Retry all…", click -> new RetryGroupDialog(groups, runs, groupId, () -> {
            show();
            changed.run();
        }).open());
        retryAll.setId("error-group-retry-all");
        retryAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout first = new HorizontalLayout(assignee, assign, tags, tag);
        first.setAlignItems(FlexComponent.Alignment.BASELINE);
        first.setWrap(true);
        HorizontalLayout second = new HorizontalLayout(note, resolve, reopen, retryAll);
        second.setAlignItems(FlexComponent.Alignment.BASELINE);
        second.setWrap(true);
        Div actions = new Div(first);
        if (assigneeEmail != null && !assigneeEmail.sentence().isEmpty()) {
            Paragraph told = new Paragraph(assigneeEmail.sentence());
            told.setId("error-group-assignee-email");
            told.getElement().setAttribute("data-outcome", assigneeEmail.outcome());
            told.getElement().setAttribute("data-assignee", assigneeEmail.assignee() == null ? ""
                    : assigneeEmail.assignee());
            if (assigneeEmail.outcome().equals(AssigneeEmail.NOT_SENT)) {
                told.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            actions.add(told);
        }
        actions.add(second);
        return actions;
    }

    private Grid<GroupRun> runGrid(ErrorGroup group) {
        Grid<GroupRun> grid = new Grid<>(GroupRun.class, false);
        grid.setId("error-group-runs");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(run -> Routes.link(run.runId().toString().substring(0, 8), Routes.run(run.runId())))
                .setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.businessKey() == null ? "" : run.businessKey()).setHeader("Business key")
                .setFlexGrow(1);
        grid.addComponentColumn(run -> {
            Span status = new Span(run.status());
            status.getElement().setAttribute("data-testid", "run-status");
            status.getElement().setAttribute("data-status", run.status());
            return status;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> Times.when(run.failedAt())).setHeader("Failed").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(run -> run.resolvedAt() == null ? (run.nextDueAt() == null ? "open"
                        : "retry due " + Times.when(run.nextDueAt())) : "resolved")
                .setHeader("State").setAutoWidth(true).setFlexGrow(0);
        if (mayTriage()) {
            grid.addComponentColumn(run -> {
                Button edit = new Button("Edit and retry", click -> new EditAndRetryDialog(runs, run.runId(), () -> {
                    show();
                    changed.run();
                }).open());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                edit.getElement().setAttribute("data-testid", "edit-and-retry");
                edit.setEnabled("dead_lettered".equals(run.status()) || "failed".equals(run.status()));
                return edit;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        if (RunPermissions.mayPin()) {
            grid.addComponentColumn(run -> {
                Button debug = new Button("Debug in editor", click -> {
                    close();
                    debugInEditor.open(run.runId());
                });
                debug.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                debug.getElement().setAttribute("data-testid", "debug-in-editor");
                debug.getElement().setAttribute("data-run", run.runId().toString());
                return debug;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(groups.runs(group.id(), false, 0, RUNS_SHOWN));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
            show();
            changed.run();
        } catch (InvalidInputException | ConflictException e) {
            Notifications.error(e.getMessage());
        }
    }
}
