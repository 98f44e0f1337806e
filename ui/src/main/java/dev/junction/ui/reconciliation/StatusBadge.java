package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/** A settlement's or run's status as a badge: balanced (green), discrepancies (amber), unbalanced (red), not reconciled. */
final class StatusBadge {

    private StatusBadge() {
    }

    static Badge of(String status, int open) {
        String label = switch (status) {
            case "balanced" -> "Balanced";
            case "discrepancies" -> open == 0 ? "Discrepancies resolved" : open + " open";
            case "unbalanced" -> "Unbalanced";
            default -> "Not reconciled";
        };
        Badge badge = new Badge(label);
        BadgeVariant variant = switch (status) {
            case "balanced" -> BadgeVariant.SUCCESS;
            case "discrepancies" -> open == 0 ? BadgeVariant.SUCCESS : BadgeVariant.WARNING;
            case "unbalanced" -> BadgeVariant.ERROR;
            default -> null;
        };
        if (variant != null) {
            badge.addThemeVariants(variant);
        }
        badge.getElement().setAttribute("data-status", status);
        return badge;
    }
}
