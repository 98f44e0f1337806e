package dev.junction.db.alerts.channels;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An alert channel as stored: its plain settings, and which secrets it has (never their values). */
public record StoredChannel(UUID id, String name, String kind, Map<String, Object> settings, boolean enabled,
                            List<SecretState> secrets, String createdBy, OffsetDateTime createdAt, String updatedBy,
                            OffsetDateTime updatedAt) {

    /** That a secret field is set, by whom and when. */
    public record SecretState(String field, String setBy, OffsetDateTime setAt) {
    }
}
