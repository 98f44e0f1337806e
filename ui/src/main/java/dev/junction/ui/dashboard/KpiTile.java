package dev.junction.ui.dashboard;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import dev.junction.backend.dashboard.DashboardTile;

/**
 * One number at a glance: the tile's label, its value as the server wrote it ({@code data-testid=kpi-<id>},
 * {@code data-value} the raw number) and the change against the previous period ({@code kpi-<id>-delta},
 * {@code data-impact} good, bad or neutral, which colours it). The whole tile is a router link to the tile's
 * pre-filtered list.
 */
final class KpiTile extends Anchor {

    KpiTile(DashboardTile tile) {
        addClassName("kpi-tile");
        getElement().setAttribute("router-link", true);
        getElement().setAttribute("data-tile", tile.id());
        if (tile.link() != null && !tile.link().isBlank()) {
            setHref(tile.link());
        } else {
            addClassName("kpi-tile-static");
        }

        Span label = new Span(tile.label());
        label.addClassName("kpi-label");
        label.getElement().setAttribute("data-testid", "kpi-" + tile.id() + "-label");

        Span value = new Span(tile.text() == null ? "–" : tile.text());
        value.addClassName("kpi-value");
        value.getElement().setAttribute("data-testid", "kpi-" + tile.id());
        value.getElement().setAttribute("data-value", tile.value() == null ? "" : number(tile.value()));

        Span delta = new Span(deltaText(tile));
        delta.addClassName("kpi-delta");
        String impact = tile.deltaText() == null || tile.impact() == null ? "neutral" : tile.impact();
        delta.addClassName("kpi-delta-" + impact);
        delta.getElement().setAttribute("data-testid", "kpi-" + tile.id() + "-delta");
        delta.getElement().setAttribute("data-impact", impact);
        delta.getElement().setAttribute("title", "Against the previous period"
                + (tile.previous() == null ? "" : " (" + number(tile.previous()) + ")"));

        add(label, value, delta);
        getElement().setAttribute("aria-label", tile.label() + ": " + value.getText()
                + (tile.deltaText() == null ? "" : ", " + tile.deltaText() + " against the previous period"));
    }

    private static String deltaText(DashboardTile tile) {
        if (tile.deltaText() == null) {
            return tile.previous() == null ? "no earlier data" : "no change";
        }
        return tile.deltaText();
    }

    /** A raw number as {@code data-value} carries it: integers without a fraction. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
