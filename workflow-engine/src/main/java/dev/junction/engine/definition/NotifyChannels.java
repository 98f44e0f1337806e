package dev.junction.engine.definition;

import java.util.Map;
import java.util.Objects;

/**
 * Which notify channels this installation can send on, as the validator is told it: each channel that cannot send
 * (e.g. {@code email} while no SMTP server is configured) with what an operator must set to make it available. A
 * notify node on such a channel is a problem, so that a workflow is refused at publish instead of failing every run.
 *
 * @param unavailable channel name → what to set (e.g. "set JUNCTION_SMTP_HOST and JUNCTION_SMTP_FROM")
 */
public record NotifyChannels(Map<String, String> unavailable) {

    /** Every channel can send (for callers that know of no missing setting). */
    public static final NotifyChannels ALL = new NotifyChannels(Map.of());

    public NotifyChannels {
        unavailable = Map.copyOf(Objects.requireNonNull(unavailable, "unavailable"));
    }
}
