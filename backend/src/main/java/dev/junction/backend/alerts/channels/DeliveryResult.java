package dev.junction.backend.alerts.channels;

/**
 * What became of one attempt to send a notification: {@code state} is the outbox row's state afterwards
 * ({@code sent}, {@code pending} — a retry is scheduled — or {@code failed}), {@code detail} what was delivered or
 * what failed (the status, the host the address policy refused, the SMTP error).
 */
public record DeliveryResult(long notificationId, String state, int attempts, String detail) {

    public boolean delivered() {
        return "sent".equals(state);
    }
}
