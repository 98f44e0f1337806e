package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The connectors' answers as reconciliation records: a settlement as the Amazon connector's
 * {@code getSettlementReport}/{@code pollSettlementReports} answer it (camelCase V2 columns, decimal amount text),
 * and a transaction/batch as the Opayo connector's {@code pollTransactions}/{@code pollBatches} records' {@code data}
 * (minor units). Bad fields are refused naming the field.
 */
public final class ConnectorRecords {

    private ConnectorRecords() {
    }

    /** A settlement from the Amazon connector's settlement map; rows get ids {@code row-1}, {@code row-2}, …. */
    public static Settlement settlement(Map<String, ?> settlement) {
        String currency = text(settlement, "currency", "settlement");
        List<SettlementLine> lines = new ArrayList<>();
        Object rows = settlement.get("transactions");
        if (!(rows instanceof List<?> list)) {
            throw new IllegalArgumentException("settlement.transactions: must be a list of rows");
        }
        String marketplace = null;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> row)) {
                throw new IllegalArgumentException("settlement.transactions[" + i + "]: must be an object");
            }
            String field = "settlement.transactions[" + i + "]";
            @SuppressWarnings("unchecked")
            Map<String, ?> fields = (Map<String, ?>) row;
            if (marketplace == null && fields.get("marketplaceName") instanceof String name && !name.isBlank()) {
                marketplace = name;
            }
            lines.add(new SettlementLine("row-" + (i + 1), text(fields, "transactionType", field),
                    optional(fields, "orderId"), optional(fields, "merchantOrderId"), optional(fields, "adjustmentId"),
                    optional(fields, "amountType"), optional(fields, "amountDescription"),
                    minor(fields.get("amount"), currency, field + ".amount"), currency,
                    date(fields.get("postedDate"), field + ".postedDate"), optional(fields, "sku"),
                    optional(fields, "orderItemCode"), whole(fields.get("quantityPurchased"))));
        }
        return new Settlement(text(settlement, "settlementId", "settlement"), marketplace,
                date(settlement.get("settlementStartDate"), "settlement.settlementStartDate"),
                date(settlement.get("settlementEndDate"), "settlement.settlementEndDate"),
                date(settlement.get("depositDate"), "settlement.depositDate"),
                minor(settlement.get("totalAmount"), currency, "settlement.totalAmount"), currency, lines);
    }

    /** A transaction from a {@code pollTransactions} record's data. */
    public static PaymentTransaction transaction(Map<String, ?> data) {
        String field = "transaction";
        Object amount = data.get("amount");
        if (!(amount instanceof Number number)) {
            throw new IllegalArgumentException("transaction.amount: must be a whole number of minor units, was "
                    + amount);
        }
        Object fee = data.get("fee");
        return new PaymentTransaction(text(data, "transactionId", field), optional(data, "vendorTxCode"),
                text(data, "transactionType", field), status(data), number.longValue(),
                text(data, "currency", field), instant(data.get("started"), "transaction.started"),
                optional(data, "batchId"), optional(data, "relatedTransactionId"),
                fee instanceof Number feeNumber ? feeNumber.longValue() : 0L, optional(data, "threeDSecureStatus"),
                optional(data, "avsCvcStatus"), optional(data, "securityCodeResult"));
    }

    /** A batch from a {@code pollBatches} record's data. */
    public static PaymentBatch batch(Map<String, ?> data) {
        List<PaymentBatch.Total> totals = new ArrayList<>();
        if (data.get("totals") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> total) {
                    totals.add(new PaymentBatch.Total(String.valueOf(total.get("currency")),
                            total.get("cardType") instanceof String card ? card : null, whole(total.get("count")),
                            whole(total.get("amount")), whole(total.get("fee"))));
                }
            }
        }
        return new PaymentBatch(text(data, "batchId", "batch"), date(data.get("batchDate"), "batch.batchDate"),
                totals);
    }

    /**
     * {@code Ok} for a settled transaction: status {@code Ok}, a status text saying it was successful (the Reporting
     * API lists {@code The Authorisation was Successful.}), or a row already in a batch; else the status as given.
     */
    static String status(Map<String, ?> data) {
        String status = optional(data, "status");
        boolean successful = status != null && (status.equalsIgnoreCase("Ok")
                || status.toLowerCase(java.util.Locale.ROOT).contains("successful"));
        return successful || status == null && optional(data, "batchId") != null ? "Ok" : status;
    }

    private static String text(Map<String, ?> fields, String name, String parent) {
        if (!(fields.get(name) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(parent + "." + name + ": is required (text)");
        }
        return value;
    }

    private static String optional(Map<String, ?> fields, String name) {
        return fields.get(name) instanceof String value && !value.isBlank() ? value : null;
    }

    private static long whole(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Decimal amount text ({@code "-12.5"}) in minor units of the currency; more decimals than it has are refused. */
    static long minor(Object value, String currency, String field) {
        if (value == null) {
            return 0;
        }
        try {
            BigDecimal amount = new BigDecimal(value.toString().trim());
            return amount.setScale(Amounts.digits(currency), RoundingMode.UNNECESSARY).unscaledValue()
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(field + ": must be a decimal amount with at most "
                    + Amounts.digits(currency) + " decimals of " + currency + ", was '" + value + "'");
        }
    }

    /** The date of {@code 2026-11-08}, {@code 2026-11-08 00:00:00 UTC} or an ISO date-time (its UTC date). */
    static LocalDate date(Object value, String field) {
        if (value instanceof String text && text.length() >= 10) {
            try {
                if (text.length() > 10 && text.charAt(10) == 'T') {
                    return OffsetDateTime.parse(text).toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
                }
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException(field + ": must be a date (yyyy-MM-dd…), was '" + value + "'");
    }

    private static Instant instant(Object value, String field) {
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException(field + ": must be an ISO date-time, was '" + value + "'");
    }
}
