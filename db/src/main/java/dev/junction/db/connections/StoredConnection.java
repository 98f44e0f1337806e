package dev.junction.db.connections;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A connection as stored: its plain settings, and of its secrets only which are set, when and by whom. */
public record StoredConnection(String id, String name, String connectorId, String environment,
                               Map<String, String> settings, long revision, List<SecretState> secrets,
                               String createdBy, OffsetDateTime createdAt, String updatedBy,
                               OffsetDateTime updatedAt) {

    /** That a secret is set, never its value. */
    public record SecretState(String field, String setBy, OffsetDateTime setAt) {
    }
}
