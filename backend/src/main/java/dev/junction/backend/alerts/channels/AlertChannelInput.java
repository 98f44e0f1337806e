package dev.junction.backend.alerts.channels;

import java.util.Map;

/**
 * A channel as created or changed: name, kind (fixed once created), enabled (absent: true), plain settings, and
 * secrets to set (absent ones keep their stored value).
 */
public record AlertChannelInput(String name, String kind, Boolean enabled, Map<String, Object> settings,
                                Map<String, String> secrets) {

    public AlertChannelInput {
        settings = settings == null ? Map.of() : settings;
        secrets = secrets == null ? Map.of() : secrets;
    }
}
