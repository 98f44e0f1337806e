package dev.junction.ui.runs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.payloads.StepPayloads;
import dev.junction.backend.runs.RunService;
import dev.junction.db.runs.ReplayMode;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunSummary;
import dev.junction.db.runs.StepView;
import dev.junction.engine.runs.RunStatus;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.PermitAll;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One run: its status, workflow and version, business key, times and error; its input and output; its steps, and
 * the input, output and remote answer of the selected one. Those who may operate runs cancel it while it is not
 * over and replay it once it is dead-lettered or failed. While the run is not over the view refreshes itself.
 */
@Route(Routes.RUN)
@PermitAll
public class RunDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int REFRESH_MILLIS = 1000;
    private static final Set<String> CANCELLABLE = Set.of("queued", "running", "waiting");
    private static final Set<String> REPLAYABLE = Set.of("dead_lettered", "failed");

    private final RunService runs;
    private final boolean mayOperate = RunPermissions.mayOperate();
    private final H2 title = new H2();
    private final Badge status = new Badge();
    private final Button cancel = new Button("Cancel run…", VaadinIcon.STOP.create());
    private final Button debug = new Button("Debug in editor", VaadinIcon.BUG.create());
    private final MenuBar replay = new MenuBar();
    private final Map<ReplayMode, MenuItem> replayItems = new EnumMap<>(ReplayMode.class);
    private final HorizontalLayout facts = new HorizontalLayout();
    private final Paragraph error = new Paragraph();
    private final PayloadBlock input = new PayloadBlock("Input", "run-input-payload");
    private final PayloadBlock output = new PayloadBlock("Output", "run-output-payload");
    private final Grid<StepView> steps = new Grid<>(StepView.class, false);
    private final StepPanel step;
    private final ReplayOfLink replayOf = new ReplayOfLink();
    private final RunTimeline timeline = new RunTimeline();
    private UUID runId;
    private RunSummary run;
    private Registration refreshing;

    public RunDetailView(RunService runs, StepPayloads stepPayloads, DebugInEditor debugInEditor) {
        this.runs = runs;
        this.step = new StepPanel(stepPayloads);
        setSizeFull();
        title.addClassName("run-title");
        status.setId("run-status");

        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId("refresh-run");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.setId("cancel-run");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(click -> confirmCancel());
        configureReplayMenu();
        debugInEditor.configure(debug, () -> run);
        HorizontalLayout header = new HorizontalLayout(title, status, cancel, replay, debug, refresh);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWrap(true);

        facts.setId("run-facts");
        facts.setWrap(true);
        facts.addClassName("run-facts");
        error.setId("run-error");
        error.addClassName("run-error");

        Div payloads = new Div(input, output);
        payloads.addClassName("run-payloads");
        payloads.setWidthFull();
        Details runPayloads = new Details("Run input and output", payloads);
        runPayloads.setId("run-payloads");
        runPayloads.setWidthFull();

        configureSteps();
        step.setWidthFull();
        Div stepScroller = new Div(step);
        stepScroller.addClassName("step-scroller");
        stepScroller.setHeightFull();
        SplitLayout split = new SplitLayout(steps, stepScroller);
        split.setSplitterPosition(60);
        split.setWidthFull();
        split.setMinHeight("320px");

        Details timelineDetails = new Details("Timeline", timeline);
        timelineDetails.setId("run-timeline-details");
        timelineDetails.setOpened(true);
        timelineDetails.setWidthFull();

        add(header, replayOf, facts, error, timelineDetails, runPayloads, split);
        expand(split);
    }

    private void configureReplayMenu() {
        replay.setId("replay-run");
        MenuItem root = replay.addItem("Replay");
        root.addComponentAsFirst(VaadinIcon.REPLY.create());
        SubMenu modes = root.getSubMenu();
        for (ReplayMode mode : ReplayMode.values()) {
            MenuItem item = modes.addItem(ReplayModes.label(mode), click -> replay(mode));
            item.setId("replay-" + mode.jsonName());
            replayItems.put(mode, item);
        }
    }

    private void configureSteps() {
        steps.setId("run-steps");
        steps.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        steps.addColumn(view -> view.forEachId() == null ? view.nodeId() : view.nodeId() + " in " + view.forEachId())
                .setHeader("Node").setFlexGrow(2).setKey("node");
        steps.addColumn(view -> view.itemIndex() == null ? "" : String.valueOf(view.itemIndex())).setHeader("Item")
                .setAutoWidth(true).setFlexGrow(0);
        steps.addColumn(StepView::attempt).setHeader("Attempt").setAutoWidth(true).setFlexGrow(0);
        steps.addColumn(view -> view.generation() <= 1 ? "first run" : "replay " + (view.generation() - 1))
                .setHeader("Round").setAutoWidth(true).setFlexGrow(0).setKey("round").setVisible(false);
        steps.addComponentColumn(view -> RunStatusBadge.of(view.status())).setHeader("Status")
                .setWidth(RunStatusBadge.COLUMN_WIDTH).setFlexGrow(0);
        steps.addColumn(view -> Times.when(view.startedAt() != null ? view.startedAt() : view.dueAt()))
                .setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        steps.addColumn(view -> RunFormat.duration(view.startedAt(), view.finishedAt())).setHeader("Duration")
                .setAutoWidth(true).setFlexGrow(0);
        steps.addColumn(view -> RunFormat.error(view.errorClass(), view.errorMessage())).setHeader("Error")
                .setFlexGrow(3).setTooltipGenerator(view -> RunFormat.error(view.errorClass(), view.errorMessage()))
                .setKey("error");
        steps.addColumn(view -> view.remoteStatus() == null ? "" : String.valueOf(view.remoteStatus()))
                .setHeader("Remote").setAutoWidth(true).setFlexGrow(0);
        steps.setEmptyStateText("No step has run yet.");
        steps.asSingleSelect().addValueChangeListener(change -> step.show(change.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            runId = UUID.fromString(event.getRouteParameters().get(Routes.RUN_ID).orElse(""));
            step.forRun(runId);
            show(runs.get(runId));
        } catch (IllegalArgumentException | NotFoundException e) {
            event.forwardTo(RunsView.class);
            Notifications.warning("That run does not exist (any more).");
        }
    }

    private void refresh() {
        try {
            show(runs.get(runId));
        } catch (NotFoundException e) {
            followWhileActive(false);
            Notifications.error("This run no longer exists.");
        }
    }

    private void show(RunDetail detail) {
        run = detail.run();
        title.setText("Run of " + run.workflowName());
        RunStatusBadge.show(status, run.status());
        cancel.setVisible(mayOperate && CANCELLABLE.contains(run.status()));
        replay.setVisible(mayOperate && REPLAYABLE.contains(run.status()));
        replayItems.get(ReplayMode.FAILED_STEP).setEnabled(run.failedNodeId() != null);
        showFacts();
        replayOf.show(runs, run.id(), run.replays());
        String failure = RunFormat.error(run.errorClass(), run.errorMessage());
        error.setText((run.failedNodeId() == null ? "" : "Failed at " + run.failedNodeId() + " — ") + failure);
        error.setVisible(!failure.isEmpty());
        input.show(detail.input());
        output.show(detail.output());
        showSteps(detail);
        timeline.show(detail.steps(), java.time.OffsetDateTime.now());
        followWhileActive(RunStatus.fromJson(run.status()).map(known -> !known.isFinal()).orElse(false));
    }

    private void showFacts() {
        facts.removeAll();
        Anchor workflow = Routes.link(run.workflowName() + ", version " + run.workflowVersion(),
                Routes.workflow(run.workflowId()));
        workflow.setId("run-workflow");
        Anchor onCanvas = Routes.link("Open on canvas", Routes.workflowWithRun(run.workflowId(), run.id()));
        onCanvas.setId("run-on-canvas");
        facts.add(fact("Workflow", new com.vaadin.flow.component.html.Span(workflow, new com.vaadin.flow.component.Text(" · "), onCanvas)));
        facts.add(fact("Trigger", text(run.triggerKind(), "run-trigger")));
        if (run.stopAfterNode() != null) {
            facts.add(fact("Runs to", text(run.stopAfterNode() + " (its successors do not run)", "run-stop-after")));
        }
        facts.add(fact("Business key", text(Objects.requireNonNullElse(run.businessKey(), "—"), "run-business-key")));
        facts.add(fact("Created", text(Times.when(run.createdAt()), "run-created")));
        if (run.startedAt() != null) {
            facts.add(fact("Started", text(Times.when(run.startedAt()), "run-started")));
        }
        if (run.finishedAt() != null) {
            facts.add(fact("Finished", text(Times.when(run.finishedAt()), "run-finished")));
            facts.add(fact("Took", text(RunFormat.duration(run.startedAt(), run.finishedAt()), "run-duration")));
        }
        facts.add(fact("Replays", text(String.valueOf(run.replays()), "run-replays")));
        if (run.parentRunId() != null) {
            Anchor parent = Routes.link(run.parentRunId().toString().substring(0, 8) + "…",
                    Routes.run(run.parentRunId()));
            parent.setId("run-parent");
            facts.add(fact("Started by run", parent));
        }
        facts.add(fact("Run id", text(run.id().toString(), "run-id")));
    }

    private static Span text(String value, String id) {
        Span span = new Span(value);
        span.setId(id);
        return span;
    }

    private static Span fact(String label, Component value) {
        Span name = new Span(label + ": ");
        name.addClassName("fact-name");
        return new Span(name, value);
    }

    /**
     * Shows the steps, keeping the selected one selected; when none is, the last step that failed is selected, so
     * that its error and input are in view at once.
     */
    private void showSteps(RunDetail detail) {
        StepView before = steps.asSingleSelect().getValue();
        steps.getColumnByKey("round").setVisible(detail.generation() > 1);
        steps.setItems(detail.steps());
        Optional<StepView> again = before == null ? lastFailed(detail.steps())
                : detail.steps().stream().filter(view -> StepNames.key(view).equals(StepNames.key(before)))
                        .findFirst();
        again.ifPresentOrElse(view -> steps.asSingleSelect().setValue(view), () -> step.show(null));
    }

    private static Optional<StepView> lastFailed(List<StepView> views) {
        return views.reversed().stream().filter(view -> view.errorClass() != null).findFirst();
    }

    private void confirmCancel() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Cancel this run?");
        confirm.setText("Its remaining steps do not run. A cancelled run cannot be replayed.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep running");
        confirm.setConfirmText("Cancel run");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> act(() -> runs.cancel(runId), "Run cancelled"));
        confirm.open();
    }

    private void replay(ReplayMode mode) {
        act(() -> runs.replay(runId, mode), "Replaying " + ReplayModes.label(mode).toLowerCase(Locale.UK));
    }

    /** Does a cancel or a replay, says how it went, and shows the run as it now is. */
    private void act(Supplier<String> action, String success) {
        try {
            String now = action.get();
            Notifications.success(success + " (status: " + RunStatusNames.label(now) + ")");
        } catch (ConflictException | NotFoundException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    /** Polls the run while it is not over, and stops polling once it is (or when the view is left). */
    private void followWhileActive(boolean active) {
        UI ui = getUI().orElse(UI.getCurrent());
        if (ui == null) {
            return;
        }
        if (active && refreshing == null) {
            ui.setPollInterval(REFRESH_MILLIS);
            refreshing = ui.addPollListener(poll -> refresh());
        } else if (!active && refreshing != null) {
            refreshing.remove();
            refreshing = null;
            ui.setPollInterval(-1);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (run != null) {
            followWhileActive(RunStatus.fromJson(run.status()).map(known -> !known.isFinal()).orElse(false));
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        followWhileActive(false);
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return run == null ? "Run · Junction" : "Run of " + run.workflowName() + " · Junction";
    }
}
