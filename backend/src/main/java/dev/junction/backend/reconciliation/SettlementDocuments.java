package dev.junction.backend.reconciliation;

import dev.junction.backend.reconciliation.matching.Settlement;
import dev.junction.backend.reconciliation.matching.SettlementLine;
import dev.junction.db.reconciliation.StoredSettlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A settlement as the Amazon connector's {@code getSettlementReport} answers it (summary fields and
 * {@code transactions} with camelCase column names, amounts as plain decimal text) turned into the reconciliation's
 * {@link Settlement}: amounts in minor units of the settlement's currency, dates read from the formats settlement
 * files use ({@code 2026-11-08 00:00:00 UTC}, ISO date-times with an offset, {@code 08.11.2026}), each detail row
 * numbered {@code row-<n>} (its position in the file, from 1).
 */
final class SettlementDocuments {

    private static final DateTimeFormatter UTC_SUFFIXED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT);

    private SettlementDocuments() {
    }

    /** The document's settlement; a document that is not one is refused with what is missing. */
    static Settlement settlement(Map<String, Object> document) {
        String settlementId = text(document, "settlementId").orElseThrow(() ->
                new IllegalArgumentException("the settlement report has no settlement-id"));
        String currency = text(document, "currency").orElseThrow(() ->
                new IllegalArgumentException("settlement " + settlementId + " names no currency"));
        Instant start = instant(document, "settlementStartDate").orElseThrow(() ->
                new IllegalArgumentException("settlement " + settlementId + " has no settlement-start-date"));
        Instant end = instant(document, "settlementEndDate").orElse(start);
        Instant deposit = instant(document, "depositDate").orElse(end);
        List<SettlementLine> lines = new ArrayList<>();
        String marketplace = null;
        int row = 0;
        for (Map<String, Object> transaction : transactions(document)) {
            row++;
            String amount = text(transaction, "amount").orElse("0");
            if (marketplace == null) {
                marketplace = text(transaction, "marketplaceName").orElse(null);
            }
            LocalDate posted = instant(transaction, "postedDateTime").or(() -> instant(transaction, "postedDate"))
                    .map(time -> time.atZone(ZoneOffset.UTC).toLocalDate())
                    .orElse(end.atZone(ZoneOffset.UTC).toLocalDate());
            lines.add(new SettlementLine("row-" + row, text(transaction, "transactionType").orElse("other"),
                    text(transaction, "orderId").orElse(null), text(transaction, "merchantOrderId").orElse(null),
                    text(transaction, "adjustmentId").orElse(null), text(transaction, "amountType").orElse(""),
                    text(transaction, "amountDescription").orElse(""), minor(amount, currency, "row " + row),
                    currency, posted, text(transaction, "sku").orElse(null),
                    text(transaction, "orderItemCode").orElse(null), quantity(transaction)));
        }
        return new Settlement(settlementId, marketplace, date(start), date(end), date(deposit),
                text(document, "totalAmount").map(total -> minor(total, currency, "total-amount")).orElse(0L),
                currency, lines);
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> transactions(Map<String, Object> document) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (document.get("transactions") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    rows.add((Map<String, Object>) map);
                }
            }
        }
        return rows;
    }

    /** Decimal text in major units as minor units of the currency (half-even beyond its decimals). */
    static long minor(String amount, String currency, String where) {
        try {
            int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            return new BigDecimal(amount.trim()).movePointRight(digits).setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(where + ": '" + amount + "' is not an amount");
        }
    }

    private static long quantity(Map<String, Object> transaction) {
        Object value = transaction.get("quantityPurchased");
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
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

    private static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
