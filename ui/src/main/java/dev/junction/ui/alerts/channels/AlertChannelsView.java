package dev.junction.ui.alerts.channels;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.alerts.channels.AlertChannelService;
import dev.junction.backend.alerts.channels.AlertChannelView;
import dev.junction.backend.alerts.channels.ChannelKindView;
import dev.junction.backend.alerts.channels.DeliveryResult;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.RolesAllowed;

import java.util.Comparator;
import java.util.List;

/**
 * Alert channels (ADMIN, OPERATOR): each one's kind, whether it is enabled, its settings in short, which secrets are
 * set (never a value) and its latest notification; create, edit, send a test, delete. Each row carries
 * {@code data-testid=channel-row}, {@code data-kind} and {@code data-last-status} (none, pending, sent, failed).
 */
@Route("alerts/channels")
@PageTitle("Alert channels · Junction")
@Menu(title = "Alert channels", order = 7.5, icon = "vaadin:bell-o")
@RolesAllowed({"ADMIN", "OPERATOR"})
public class AlertChannelsView extends VerticalLayout {

    private final AlertChannelService channels;
    private final List<ChannelKindView> kinds;
    private final Grid<AlertChannelView> grid = new Grid<>(AlertChannelView.class, false);
    private Notification testResult;
    private Span testResultText;

    public AlertChannelsView(AlertChannelService channels) {
        this.channels = channels;
        this.kinds = channels.kinds();
        setSizeFull();

        Button create = new Button("New channel", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-channel");
        Anchor alerts = new Anchor("alerts", "Alerts and rules");
        alerts.setId("alerts-link");
        HorizontalLayout toolbar = new HorizontalLayout(new H2("Alert channels"), create, alerts);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("channels");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::nameCell).setHeader("Name · kind").setWidth("14em").setFlexGrow(2)
                .setKey("name");
        grid.addColumn(AlertChannelsView::summary).setHeader("Sends to").setWidth("14em").setFlexGrow(2)
                .setKey("target");
        grid.addColumn(channel -> channel.secrets().isEmpty() ? "none" : String.join(", ",
                channel.secrets().keySet().stream().map(field -> field + " set").toList()))
                .setHeader("Secrets").setWidth("10em").setFlexGrow(1).setKey("secrets");
        grid.addComponentColumn(AlertChannelsView::lastDelivery).setHeader("Last delivery").setWidth("16em")
                .setFlexGrow(3).setKey("lastDelivery");
        grid.addColumn(LitRenderer.<AlertChannelView>of("""
                        <vaadin-button theme="tertiary-inline" class="edit-channel" title="Edit"
                            aria-label="Edit ${item.name}" @click=${edit}>
                          <vaadin-icon icon="vaadin:edit"></vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline" class="test-channel" title="Send test"
                            aria-label="Send test ${item.name}" @click=${test}>
                          <vaadin-icon icon="vaadin:paperplane"></vaadin-icon></vaadin-button>
                        <vaadin-button theme="tertiary-inline error" class="delete-channel" title="Delete"
                            aria-label="Delete ${item.name}" @click=${remove}>
                          <vaadin-icon icon="vaadin:trash"></vaadin-icon></vaadin-button>""")
                        .withProperty("name", AlertChannelView::name)
                        .withFunction("edit", channel -> openEditDialog(channel))
                        .withFunction("test", this::sendTest)
                        .withFunction("remove", this::confirmDelete))
                .setHeader("").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setEmptyStateText("No alert channels yet.");
    }

    private Div nameCell(AlertChannelView channel) {
        Span kind = new Span(kinds.stream().filter(k -> k.kind().equals(channel.kind())).findFirst()
                .map(ChannelKindView::title).orElse(channel.kind()) + (channel.enabled() ? "" : " · disabled"));
        kind.addClassName("secondary-line");
        Div cell = new Div(new Span(channel.name()), kind);
        cell.getElement().setAttribute("data-testid", "channel-row");
        cell.getElement().setAttribute("data-name", channel.name());
        cell.getElement().setAttribute("data-kind", channel.kind());
        cell.getElement().setAttribute("data-enabled", String.valueOf(channel.enabled()));
        cell.getElement().setAttribute("data-last-status", channel.lastDelivery() == null ? "none"
                : channel.lastDelivery().state());
        return cell;
    }

    /** Where a channel sends, as far as it is not secret. */
    private static String summary(AlertChannelView channel) {
        return switch (channel.kind()) {
            case "email" -> String.valueOf(channel.settings().getOrDefault("recipients", ""));
            case "webhook" -> String.valueOf(channel.settings().getOrDefault("url", ""));
            case "pagerduty" -> String.valueOf(channel.settings().getOrDefault("eventsUrl", "PagerDuty"));
            default -> "an incoming webhook (secret)";
        };
    }

    private static Div lastDelivery(AlertChannelView channel) {
        AlertChannelView.LastDeliveryView last = channel.lastDelivery();
        Span state = new Span();
        Div cell = new Div(state);
        cell.addClassName("last-delivery");
        if (last == null) {
            state.setText("never");
            return cell;
        }
        String reason = "test".equals(last.reason()) ? "test" : last.reason();
        state.setText(switch (last.state()) {
            case "sent" -> "delivered (" + reason + ") " + Times.when(last.sentAt());
            case "pending" -> "pending (" + reason + "), attempt " + last.attempts();
            default -> "failed (" + reason + ") " + Times.when(last.createdAt());
        });
        state.addClassName("delivery-" + last.state());
        if (last.error() != null && !"sent".equals(last.state())) {
            Span error = new Span(last.error());
            error.addClassName("secondary-line");
            cell.add(error);
        }
        return cell;
    }

    private void refresh() {
        grid.setItems(channels.list().stream()
                .sorted(Comparator.comparing(AlertChannelView::name, String.CASE_INSENSITIVE_ORDER)).toList());
    }

    private void openCreateDialog() {
        AlertChannelDialog.create(kinds, input -> {
            AlertChannelView created = channels.create(input);
            refresh();
            Notifications.success("Alert channel '" + created.name() + "' created");
        }).open();
    }

    private void openEditDialog(AlertChannelView channel) {
        AlertChannelView current;
        try {
            current = channels.get(channel.id());
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
            refresh();
            return;
        }
        AlertChannelDialog.edit(kinds, current, input -> {
            AlertChannelView updated = channels.update(current.id(), input);
            refresh();
            Notifications.success("Alert channel '" + updated.name() + "' saved");
        }).open();
    }

    private void sendTest(AlertChannelView channel) {
        DeliveryResult result;
        try {
            result = channels.sendTest(channel.id());
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
            refresh();
            return;
        }
        refresh();
        if (testResult != null) {
            testResultText.getElement().removeAttribute("id");
            testResult.close();
        }
        testResultText = new Span(result.delivered()
                ? "Test notification delivered to '" + channel.name() + "': " + result.detail()
                : "Test notification to '" + channel.name() + "' failed: " + result.detail());
        testResultText.setId("channel-test-result");
        testResultText.getElement().setAttribute("data-state", result.state());
        testResult = result.delivered() ? Notifications.show(Notifications.Kind.SUCCESS, testResultText)
                : Notifications.showUntilClosed(Notifications.Kind.ERROR, testResultText);
    }

    private void confirmDelete(AlertChannelView channel) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete alert channel '" + channel.name() + "'?");
        confirm.setText("Its settings, secrets and notification history are removed. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                channels.delete(channel.id());
                Notifications.success("Alert channel '" + channel.name() + "' deleted");
            } catch (ConflictException | NotFoundException e) {
                Notifications.error("Not deleted: " + e.getMessage());
            }
            refresh();
        });
        confirm.open();
    }
}
