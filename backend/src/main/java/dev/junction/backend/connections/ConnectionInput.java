package dev.junction.backend.connections;

import java.util.Map;

/**
 * What a create or an edit of a connection says. {@code settings} replaces the plain settings; {@code secrets}
 * sets or replaces the secrets it names and leaves the others as they are.
 */
public record ConnectionInput(String id, String name, String connectorId, String environment,
                              Map<String, String> settings, Map<String, String> secrets) {

    public ConnectionInput {
        settings = settings == null ? Map.of() : settings;
        secrets = secrets == null ? Map.of() : secrets;
    }

    @Override
    public String toString() {
        return "ConnectionInput[id=" + id + ", connector=" + connectorId + ", settings=" + settings.keySet()
                + ", secrets=" + secrets.keySet() + "]";
    }
}
