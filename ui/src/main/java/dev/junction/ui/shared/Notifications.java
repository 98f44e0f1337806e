package dev.junction.ui.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.Locale;

/**
 * The one look of a short message after an action, with a close button: successes and warnings bottom left, errors
 * in the middle of the screen (where a stack of earlier successes cannot push them aside, and where they were before
 * the kit); a success fades after 5 s, a warning after 8 s, an error after 10 s, or stays until closed when it is
 * what the user has to act on
 * ({@link #showUntilClosed}). The message is a span with {@code data-notification="success|warning|error"}, which
 * is how tests (and styles) find it.
 */
public final class Notifications {

    /** What a message says about the action. */
    public enum Kind {
        SUCCESS(5_000, NotificationVariant.LUMO_SUCCESS, Notification.Position.BOTTOM_START),
        WARNING(8_000, NotificationVariant.LUMO_WARNING, Notification.Position.BOTTOM_START),
        ERROR(10_000, NotificationVariant.LUMO_ERROR, Notification.Position.MIDDLE);

        private final int duration;
        private final NotificationVariant variant;
        private final Notification.Position position;

        Kind(int duration, NotificationVariant variant, Notification.Position position) {
            this.duration = duration;
            this.variant = variant;
            this.position = position;
        }

        String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Notifications() {
    }

    public static Notification success(String message) {
        return show(Kind.SUCCESS, new Span(message));
    }

    public static Notification warning(String message) {
        return show(Kind.WARNING, new Span(message));
    }

    public static Notification error(String message) {
        return show(Kind.ERROR, new Span(message));
    }

    /** Shows {@code text} (a span the caller may give an id) as a message of {@code kind}. */
    public static Notification show(Kind kind, Span text) {
        return show(kind, text, kind.duration);
    }

    /** Shows {@code text} until the user closes it (a result they have to act on). */
    public static Notification showUntilClosed(Kind kind, Span text) {
        return show(kind, text, 0);
    }

    private static Notification show(Kind kind, Span text, int duration) {
        text.getElement().setAttribute("data-notification", kind.attribute());
        Notification notification = new Notification();
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.addClassName("notification-close");
        close.setAriaLabel("Close");
        HorizontalLayout content = new HorizontalLayout(text, close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(content);
        notification.setDuration(duration);
        notification.setPosition(kind.position);
        notification.addThemeVariants(kind.variant);
        notification.open();
        return notification;
    }
}
