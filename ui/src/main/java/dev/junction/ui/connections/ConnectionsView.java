package dev.junction.ui.connections;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.connections.ConnectionView;
import dev.junction.backend.connections.health.ConnectionHealth;
import dev.junction.backend.connections.health.ConnectionHealthService;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.RolesAllowed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connections (admins only): each one's connector, environment, which secrets are set (when, by whom — never
 * a value) and its last change; its health (state, last success, rate-limit budget used, from
 * {@link ConnectionHealthService}); create, edit, test and delete one. {@code connections?test=<id>} (the dashboard's
 * "Test connection" link) tests that connection on opening.
 */
@Route("connections")
@PageTitle("Connections · Junction")
@Menu(title = "Connections", order = 3, icon = "vaadin:key")
@RolesAllowed("ADMIN")
public class ConnectionsView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameter naming the connection to test on opening. */
    public static final String TEST_PARAMETER = "test";

    private final ConnectionService connections;
    private final ConnectionHealthService healthService;
    private Map<String, ConnectionHealth> health = Map.of();
    private final Grid<ConnectionView> grid = new Grid<>(ConnectionView.class, false);
    /** The result of the last connection test while it is shown; a new test replaces it. */
    private Notification testResult;
    private Span testResultText;

    public ConnectionsView(ConnectionService connections, ConnectionHealthService healthService) {
        this.connections = connections;
        this.healthService = healthService;
        setSizeFull();

        Button create = new Button("New connection", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-connection");
        boolean noConnector = connections.connectors().isEmpty();
        create.setEnabled(!noConnector);
        if (noConnector) {
            create.setTooltipText("No connector is installed");
        }
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Connections"), create);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("connections");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(ConnectionsView::nameAndId).setHeader("Name · id").setWidth("12em").setFlexGrow(2)
                .setKey("name")
                .setComparator(Comparator.comparing(ConnectionView::name, String.CASE_INSENSITIVE_ORDER));
        grid.addColumn(ConnectionView::connectorName).setHeader("Connector").setWidth("10em").setFlexGrow(1)
                .setKey("connector")
                .setComparator(Comparator.comparing(ConnectionView::connectorName));
        grid.addComponentColumn(ConnectionsView::environmentBadge).setHeader("Environment").setAutoWidth(true)
                .setFlexGrow(0).setKey("environment");
        grid.addComponentColumn(ConnectionsView::secretStates).setHeader("Secrets").setWidth("16em").setFlexGrow(3)
                .setKey("secrets");
        grid.addComponentColumn(this::healthBadge).setHeader("Health").setWidth("9em").setFlexGrow(0)
                .setKey("health");
        grid.addColumn(connection -> Times.when(connection.updatedAt()) + " by "
                + connection.updatedBy()).setHeader("Last change").setWidth("11em").setFlexGrow(0)
                .setKey("lastChange");
        // a client-side template calling back by item: a click is never lost to a re-rendered row (component
        // buttons lost clicks that came just after the grid was refreshed, in CI)
        grid.addColumn(LitRenderer.<ConnectionView>of("""
                        <vaadin-button theme="tertiary-inline" class="edit-connection" title="Edit"
                            aria-label="Edit ${item.name}" @click=${edit}>
                          <vaadin-icon icon="vaadin:edit"></vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline" class="test-connection" title="Test connection"
                            aria-label="Test connection ${item.name}" @click=${test}>
                          <vaadin-icon icon="vaadin:plug"></vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline error" class="delete-connection" title="Delete"
                            aria-label="Delete ${item.name}" @click=${remove}>
                          <vaadin-icon icon="vaadin:trash"></vaadin-icon></vaadin-button>""")
                        .withProperty("name", ConnectionView::name)
                        .withFunction("edit", connection -> openEditDialog(connection.id()))
                        .withFunction("test", this::test)
                        .withFunction("remove", this::confirmDelete))
                .setHeader("").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                // the actions stay in sight when the grid is wider than the window
                .setFrozenToEnd(true);
        grid.setEmptyStateText("No connections yet.");
    }

    /** The name, and below it the id that workflows name the connection by. */
    private static Div nameAndId(ConnectionView connection) {
        Span id = new Span(connection.id());
        id.addClassName("secondary-line");
        return new Div(new Span(connection.name()), id);
    }

    private static Badge environmentBadge(ConnectionView connection) {
        Badge badge = new Badge(connection.environment());
        badge.addThemeVariants("production".equals(connection.environment()) ? BadgeVariant.WARNING
                : BadgeVariant.CONTRAST);
        badge.getElement().setAttribute("data-environment", connection.environment());
        return badge;
    }

    private static Div secretStates(ConnectionView connection) {
        Div states = new Div();
        states.addClassName("secret-states");
        states.getElement().setAttribute("data-connection", connection.id());
        if (connection.secrets().isEmpty()) {
            states.add(new Span("none"));
        }
        for (ConnectionView.SecretField secret : connection.secrets()) {
            // the name on its line, when and by whom below it, never broken inside the date
            Span when = new Span(ConnectionFormat.secretWhen(secret));
            when.addClassName("secret-when");
            Span state = new Span(new Span(ConnectionFormat.secretLabel(secret)), when);
            state.addClassName("secret-state");
            if (!secret.set() && secret.required()) {
                state.addClassName("missing");
            }
            states.add(state);
        }
        return states;
    }

    /** The path of the connections list that tests connection {@code id} on opening. */
    public static String testLink(String id) {
        return "connections?" + TEST_PARAMETER + "=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(TEST_PARAMETER).ifPresent(id ->
                connections.list().stream().filter(connection -> connection.id().equals(id)).findFirst()
                        .ifPresentOrElse(this::test, () -> Notifications.warning("test names no connection: \""
                                + id + "\" does not exist (any more).")));
    }

    /** The connection's health as a badge: its state, with last success and budget used as tooltip. */
    private Badge healthBadge(ConnectionView connection) {
        ConnectionHealth state = health.get(connection.id());
        Badge badge = new Badge(state == null ? "–" : healthLabel(state));
        if (state != null) {
            BadgeVariant variant = switch (state.state()) {
                case "ok" -> "failing".equals(state.authState()) ? BadgeVariant.ERROR : BadgeVariant.SUCCESS;
                case "throttled" -> BadgeVariant.WARNING;
                case "failing" -> BadgeVariant.ERROR;
                default -> BadgeVariant.CONTRAST;
            };
            badge.addThemeVariants(variant);
            badge.getElement().setAttribute("data-state", state.state());
            String lastSuccess = state.lastSuccessAt() == null ? "never" : Times.when(state.lastSuccessAt());
            badge.getElement().setAttribute("title", "Last success: " + lastSuccess
                    + (state.budgetUsed() == null ? "" : " · rate-limit budget used: "
                    + Math.round(state.budgetUsed() * 100) + " %"));
        }
        badge.getElement().setAttribute("data-testid", "connection-health");
        return badge;
    }

    /** The state as people read it (the dashboard's health cards say the same). */
    public static String healthLabel(ConnectionHealth health) {
        if ("failing".equals(health.authState()) && !"throttled".equals(health.state())) {
            return "Auth failing";
        }
        return switch (health.state()) {
            case "throttled" -> "Throttled";
            case "failing" -> "Failing";
            case "ok" -> "OK";
            case "unknown" -> "No calls yet";
            default -> health.state();
        };
    }

    private void refresh() {
        health = healthService.health().stream()
                .collect(Collectors.toMap(ConnectionHealth::connectionId, Function.identity(), (a, b) -> a));
        grid.setItems(connections.list().stream()
                .sorted(Comparator.comparing(ConnectionView::name, String.CASE_INSENSITIVE_ORDER)).toList());
    }

    private void openCreateDialog() {
        ConnectionDialog.create(connections.connectors(), input -> {
            ConnectionView created = connections.create(input);
            refresh();
            success("Connection '" + created.name() + "' created");
        }).open();
    }

    private void openEditDialog(String id) {
        ConnectionView current;
        try {
            current = connections.get(id);
        } catch (NotFoundException e) {
            error(e.getMessage());
            refresh();
            return;
        }
        ConnectionDialog.edit(current, connections.connector(current.connectorId()).orElse(null),
                input -> {
                    ConnectionView updated = connections.update(id, input);
                    refresh();
                    success("Connection '" + updated.name() + "' saved");
                }).open();
    }

    private void test(ConnectionView connection) {
        ConnectionCheck check;
        try {
            check = connections.test(connection.id());
        } catch (ConflictException | NotFoundException e) {
            error("The connection could not be tested: " + e.getMessage());
            return;
        }
        if (testResult != null) {
            // it fades out for a moment: the new result is then the only one with the id
            testResultText.getElement().removeAttribute("id");
            testResult.close();
        }
        // a failure stays until closed: it is what the admin has to act on
        testResultText = new Span(check.ok() ? "Connection '" + connection.name() + "' works: " + check.message()
                : "Connection '" + connection.name() + "': " + ConnectionFormat.failure(check));
        testResultText.setId("connection-test-result");
        testResult = check.ok() ? Notifications.show(Notifications.Kind.SUCCESS, testResultText)
                : Notifications.showUntilClosed(Notifications.Kind.ERROR, testResultText);
    }

    private void confirmDelete(ConnectionView connection) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete connection '" + connection.name() + "'?");
        confirm.setText("Its settings and secrets are removed. Workflows naming it can no longer call "
                + connection.connectorName() + " through it. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                connections.delete(connection.id());
                success("Connection '" + connection.name() + "' deleted");
            } catch (ConflictException | NotFoundException e) {
                error("Not deleted: " + e.getMessage());
            }
            refresh();
        });
        confirm.open();
    }

    private static void success(String message) {
        Notifications.success(message);
    }

    private static void error(String message) {
        Notifications.error(message);
    }
}
