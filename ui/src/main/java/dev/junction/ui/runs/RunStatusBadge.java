package dev.junction.ui.runs;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/**
 * A run's or a step's status as a coloured badge (colours: {@link RunStatusNames#tone}). The runs list names it for
 * people ({@link #named}); the run page still writes the json name, which its browser tests read.
 */
final class RunStatusBadge {

    /** Wide enough for the longest status, "Dead-lettered". */
    static final String COLUMN_WIDTH = "9.5em";

    private RunStatusBadge() {
    }

    static Badge of(String status) {
        Badge badge = new Badge();
        show(badge, status);
        return badge;
    }

    /** A badge reading the status as people say it ("Dead-lettered"); {@code data-status} keeps the json name. */
    static Badge named(String status) {
        Badge badge = of(status);
        badge.setText(RunStatusNames.label(status));
        return badge;
    }

    /** Shows {@code status} on an existing badge (its colour follows the status; {@code data-status} the json name). */
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
        return switch (RunStatusNames.tone(status)) {
            case "success" -> BadgeVariant.SUCCESS;
            case "error" -> BadgeVariant.ERROR;
            case "warning" -> BadgeVariant.WARNING;
            case "contrast" -> BadgeVariant.CONTRAST;
            default -> null;
        };
    }
}
