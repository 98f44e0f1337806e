package dev.junction.backend.reconciliation;

import dev.junction.backend.reconciliation.matching.Settlement;
import dev.junction.backend.reconciliation.matching.ConnectorRecords;
import dev.junction.db.reconciliation.StoredSettlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A settlement as the Amazon connector's {@code getSettlementReport} answers it (summary fields and
 * {@code transactions} with camelCase column names): the reconciliation's {@link Settlement} (read by
 * {@link ConnectorRecords}), and what the settlements table keeps of it — period and deposit date read from the
 * formats settlement files use ({@code 2026-11-08 00:00:00 UTC}, ISO date-times with an offset, {@code 08.11.2026}).
 */
final class SettlementDocuments {

    private static final DateTimeFormatter UTC_SUFFIXED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    private SettlementDocuments() {
    }

    /** The document's settlement ({@link ConnectorRecords#settlement}); a document that is not one is refused by field. */
    static Settlement settlement(Map<String, Object> document) {
        return ConnectorRecords.settlement(document);
    }

    /** What the settlements table keeps of a fetched document. */
    static StoredSettlement stored(String amazonConnectionId, Map<String, Object> document, String actor) {
        Settlement settlement = settlement(document);
        return new StoredSettlement(0, amazonConnectionId, settlement.settlementId(),
                text(document, "reportId").orElse(null), text(document, "reportDocumentId").orElse(null),
                instant(document, "settlementStartDate").orElse(null), instant(document, "settlementEndDate")
                .orElse(null), instant(document, "depositDate").orElse(null), settlement.totalMinor(),
                settlement.currency(), settlement.lines().size(), actor, null);
    }




    private static Optional<String> text(Map<String, Object> map, String field) {
        Object value = map.get(field);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private static Optional<Instant> instant(Map<String, Object> map, String field) {
        return text(map, field).flatMap(SettlementDocuments::parse);
    }

    /** A settlement file's date or date-time, as UTC. */
    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notIso) {
            // next format
        }
        try {
            return Optional.of(LocalDateTime.parse(text, UTC_SUFFIXED).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notUtcSuffixed) {
            // next format
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text)
                    .atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDate) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text, DOTTED)
                    .atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDotted) {
            return Optional.empty();
        }
    }

}
