package dev.junction.backend.alerts.channels;

import java.util.Map;

/** A kind of channel for the channel form: its name, title and the JSON Schema of its settings. */
public record ChannelKindView(String kind, String title, Map<String, Object> settingsSchema) {
}
