package dev.junction.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.junction.backend.connections.health.ConnectionHealth;
import dev.junction.ui.connections.ConnectionsView;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;

import java.util.List;

/**
 * The dashboard's connection health (OPS-9): one card per connection with its state ({@code data-state}, a coloured
 * edge), last success, rate-limit budget used and hits, the last failure's category, and — for those who may open
 * the connections — a link that tests it. Each card is {@code data-testid=connector-health} with
 * {@code data-connection=<id>}.
 */
final class ConnectionHealthPanel extends Div {

    private final boolean mayTest;

    ConnectionHealthPanel(boolean mayTest) {
        this.mayTest = mayTest;
        addClassName("health-row");
        setId("connection-health");
    }

    void show(List<ConnectionHealth> connections) {
        removeAll();
        getElement().setAttribute("data-count", Integer.toString(connections.size()));
        if (connections.isEmpty()) {
            Span none = new Span("No connections yet.");
            none.addClassName("health-empty");
            add(none);
            return;
        }
        connections.forEach(connection -> add(card(connection)));
    }

    private Div card(ConnectionHealth health) {
        Span name = new Span(health.name());
        name.addClassName("health-name");
        name.getElement().setAttribute("title", health.name() + " (" + health.connectionId() + ")");
        Span state = new Span(ConnectionsView.healthLabel(health));
        state.addClassName("health-state");
        state.getElement().setAttribute("data-testid", "connector-health-state");

        String lastSuccess = health.lastSuccessAt() == null ? "never" : Times.when(health.lastSuccessAt());
        Div card = new Div(name, state, facts("Last success: " + lastSuccess), facts(budget(health)));
        if (health.lastFailureCategory() != null && "failing".equals(health.state())) {
            card.add(facts("Last failure: " + health.lastFailureCategory().replace('_', ' ')));
        }
        if (mayTest) {
            card.add(Routes.link("Test connection", ConnectionsView.testLink(health.connectionId())));
        }
        card.addClassName("health-card");
        card.getElement().setAttribute("data-testid", "connector-health");
        card.getElement().setAttribute("data-connection", health.connectionId());
        card.getElement().setAttribute("data-state", health.state());
        card.getElement().setAttribute("data-auth-state", health.authState());
        card.getElement().setAttribute("data-budget-used",
                health.budgetUsed() == null ? "" : Double.toString(health.budgetUsed()));
        card.getElement().setAttribute("role", "group");
        card.getElement().setAttribute("aria-label", health.name() + ": " + state.getText());
        return card;
    }

    private static String budget(ConnectionHealth health) {
        String used = health.budgetUsed() == null ? "no rate limit used yet"
                : Math.round(health.budgetUsed() * 100) + " % of the rate-limit budget used";
        return used + (health.rateLimitHitsLastHour() == 0 ? ""
                : " · " + health.rateLimitHitsLastHour() + " rate-limit hits in the last hour");
    }

    private static Span facts(String text) {
        Span facts = new Span(text);
        facts.addClassName("health-facts");
        return facts;
    }
}
