package dev.junction.ui.runs;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/** A run's or a step's status as a coloured badge. */
final class RunStatusBadge {

    /** Wide enough for the longest status, "dead_lettered". */
    static final String COLUMN_WIDTH = "9.5em";

    private RunStatusBadge() {
    }

    static Badge of(String status) {
        Badge badge = new Badge();
        show(badge, status);
        return badge;
    }

    /** Shows {@code status} on an existing badge (its colour follows the status). */
    static void show(Badge badge, String status) {
        badge.setText(status == null ? "" : status);
        badge.removeThemeVariants(BadgeVariant.values());
        BadgeVariant variant = variant(status);
        if (variant != null) {
            badge.addThemeVariants(variant);
        }
        badge.getElement().setAttribute("data-status", status == null ? "" : status);
    }

    private static BadgeVariant variant(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "succeeded" -> BadgeVariant.SUCCESS;
            case "failed", "dead_lettered" -> BadgeVariant.ERROR;
            case "waiting" -> BadgeVariant.WARNING;
            case "cancelled" -> BadgeVariant.CONTRAST;
            default -> null;
        };
    }
}
