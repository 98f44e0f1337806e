package dev.junction.backend.alerts;

import java.util.UUID;

/** A channel a rule may notify, as the rule form lists it (read from {@code alert_channels}). */
public record ChannelChoice(UUID id, String name, String kind, boolean enabled) {
}
