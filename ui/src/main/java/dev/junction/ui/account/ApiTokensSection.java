package dev.junction.ui.account;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.tokens.ApiTokenService;
import dev.junction.backend.tokens.ApiTokenView;
import dev.junction.backend.tokens.CreatedApiToken;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;

/**
 * The signed-in user's personal API tokens: name, recognisable start, created, expires, last used, state; a new
 * token is shown once ({@link CreatedTokenDialog}); an active one can be revoked after a confirmation.
 */
class ApiTokensSection extends VerticalLayout {

    private final ApiTokenService tokens;
    private final Grid<ApiTokenView> grid = new Grid<>(ApiTokenView.class, false);

    ApiTokensSection(ApiTokenService tokens) {
        this.tokens = tokens;
        setPadding(false);

        Button create = new Button("New token", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H3("API tokens"), create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph about = new Paragraph("Programs and scripts call the REST API with a token instead of your password"
                + " (header \"Authorization: Bearer jn_…\"). A token acts as you, with your roles, until it expires"
                + " or you revoke it; it cannot create tokens.");
        about.addClassName("section-intro");

        configureGrid();
        add(header, about, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("api-tokens");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setMinHeight("12em");
        // widths in rem: an em is smaller in the header row than in the body rows, and the columns would not line up
        grid.addColumn(ApiTokenView::name).setHeader("Name").setWidth("10rem").setFlexGrow(3).setKey("name");
        grid.addColumn(TokenFormat::prefix).setHeader("Token").setWidth("10rem").setFlexGrow(0).setKey("prefix");
        grid.addColumn(token -> Times.when(token.createdAt(), "")).setHeader("Created").setWidth("11rem")
                .setKey("created");
        grid.addColumn(token -> Times.when(token.expiresAt(), "never")).setHeader("Expires").setWidth("11rem")
                .setKey("expires");
        grid.addColumn(token -> Times.when(token.lastUsedAt(), "never")).setHeader("Last used")
                .setWidth("11rem").setKey("lastUsed");
        grid.addComponentColumn(ApiTokensSection::stateBadge).setHeader("State").setWidth("7rem").setFlexGrow(0)
                .setKey("state");
        grid.addComponentColumn(this::actions).setHeader("").setTextAlign(ColumnTextAlign.END).setWidth("6rem")
                .setFlexGrow(0);
        grid.setEmptyStateText("You have no API tokens.");
    }

    private static Badge stateBadge(ApiTokenView token) {
        Badge badge = new Badge(TokenFormat.state(token));
        badge.addThemeVariants(switch (token.state()) {
            case "revoked" -> BadgeVariant.ERROR;
            case "expired" -> BadgeVariant.WARNING;
            default -> BadgeVariant.SUCCESS;
        });
        badge.getElement().setAttribute("data-token", token.name());
        badge.getElement().setAttribute("data-state", token.state());
        if (token.revokedAt() != null) {
            badge.getElement().setAttribute("title", "Revoked " + Times.when(token.revokedAt(), ""));
        }
        return badge;
    }

    private Span actions(ApiTokenView token) {
        if (!"active".equals(token.state())) {
            return new Span();
        }
        Button revoke = new Button("Revoke", click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        revoke.setAriaLabel("Revoke token " + token.name());
        revoke.addClassName("revoke-token");
        return new Span(revoke);
    }

    private void openCreateDialog() {
        new NewTokenDialog(request -> {
            CreatedApiToken created = tokens.create(request);
            refresh();
            new CreatedTokenDialog(created).open();
        }).open();
    }

    private void confirmRevoke(ApiTokenView token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke token '" + token.name() + "'?");
        confirm.setText("Programs using " + TokenFormat.prefix(token) + " get 401 Unauthorized from their next"
                + " request on. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                tokens.revoke(token.id());
                Notifications.success("Token '" + token.name() + "' revoked");
            } catch (NotFoundException e) {
                Notifications.error(e.getMessage());
            }
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        grid.setItems(tokens.list(null));
    }
}
