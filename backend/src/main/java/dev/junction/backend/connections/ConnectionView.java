package dev.junction.backend.connections;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A connection as screens and the API show it: settings, and for each secret field only whether it is set, when
 * and by whom — never a value.
 */
public record ConnectionView(String id, String name, String connectorId, String connectorName, String environment,
                             Map<String, String> settings, List<SecretField> secrets, String createdBy,
                             OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

    /** A secret field of the connector and its state on this connection. */
    public record SecretField(String field, String label, boolean required, boolean set, String setBy,
                              OffsetDateTime setAt) {
    }
}
