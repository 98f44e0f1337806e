package dev.junction.ui.runs;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/**
 * A run's or a step's status as a coloured badge reading the status as people say it ("Dead-lettered"), coloured by
 * {@link RunStatusNames#tone} — the same words and colours on the runs list, the run page and its timeline;
 * {@code data-status} keeps the json name, which browser tests read.
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

    /** The same as {@link #of}: the runs list's name for it. */
    static Badge named(String status) {
        return of(status);
    }

    /**
     * Shows {@code status} on an existing badge: its label for people, its colour by tone, {@code data-status} the
     * json name.
     */
    static void show(Badge badge, String status) {
        badge.setText(RunStatusNames.label(status));
        badge.removeThemeVariants(BadgeVariant.values());
        BadgeVariant variant = variant(status);
        if (variant != null) {
            badge.addThemeVariants(variant);
        }
        badge.getElement().setAttribute("data-status", status == null ? "" : status);
        badge.getElement().setAttribute("data-tone", RunStatusNames.tone(status));
    }

    /** The CSS colour of a status's tone, for what is drawn rather than badged (the timeline's bars). */
    static String colour(String status) {
        return switch (RunStatusNames.tone(status)) {
            case "success" -> "var(--lumo-success-color)";
            case "error" -> "var(--lumo-error-color)";
            case "warning" -> "var(--lumo-warning-color, #d9a400)";
            case "contrast" -> "var(--lumo-contrast-50pct)";
            default -> "var(--lumo-primary-color)";
        };
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
