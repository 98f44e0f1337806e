package dev.junction.backend.errors;

/**
 * Whether the assignee of an error group was told by e-mail: {@code outcome} {@code sent} (to {@code to}),
 * {@code not_sent} ({@code reason} says why: no address, no SMTP server, the server's refusal), or {@code none}
 * (nobody to tell: the group was unassigned, kept its assignee, or was assigned to the user who assigned it;
 * {@code reason} says which).
 */
public record AssigneeEmail(String outcome, String assignee, String to, String reason) {

    public static final String SENT = "sent";
    public static final String NOT_SENT = "not_sent";
    public static final String NONE = "none";

    static AssigneeEmail none(String assignee, String reason) {
        return new AssigneeEmail(NONE, assignee, null, reason);
    }

    /** What happened, as a sentence for the person who assigned the group. */
    public String sentence() {
        return switch (outcome) {
            case SENT -> "'" + assignee + "' was e-mailed at " + to + ".";
            case NOT_SENT -> "'" + assignee + "' was not e-mailed: " + reason + ".";
            default -> reason == null ? "" : reason + ".";
        };
    }
}
