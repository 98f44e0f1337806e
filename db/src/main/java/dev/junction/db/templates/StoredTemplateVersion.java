package dev.junction.db.templates;

import java.time.OffsetDateTime;

/** A template version stored here (uploaded or saved from a workflow): its JSON document and where it came from. */
public record StoredTemplateVersion(String templateId, int version, String documentJson, String source,
                                    String createdBy, OffsetDateTime createdAt) {
}
