package dev.junction.connectors.amazon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@code GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2} file into one settlement: the summary row's
 * settlement id, period, deposit date, total and currency, and the detail rows as transactions with camelCase
 * field names. Amounts are normalised to plain decimal text ({@code "95,00"} → {@code "95.00"}), quantities to
 * whole numbers.
 */
final class SettlementReports {

    static final String REPORT_TYPE = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2";
    private static final Set<String> SUMMARY_COLUMNS = Set.of("settlement-id", "settlement-start-date",
            "settlement-end-date", "deposit-date", "total-amount", "currency");

    private SettlementReports() {
    }

    static Map<String, Object> settlement(FlatFile file) {
        Map<String, String> summary = file.rows().stream()
                .filter(row -> !row.getOrDefault("settlement-id", "").isEmpty()
                        && !row.getOrDefault("total-amount", "").isEmpty())
                .findFirst().orElse(Map.of());
        Map<String, Object> settlement = new LinkedHashMap<>();
        settlement.put("settlementId", summary.getOrDefault("settlement-id", null));
        settlement.put("settlementStartDate", summary.getOrDefault("settlement-start-date", null));
        settlement.put("settlementEndDate", summary.getOrDefault("settlement-end-date", null));
        settlement.put("depositDate", summary.getOrDefault("deposit-date", null));
        settlement.put("totalAmount", amount(summary.getOrDefault("total-amount", "")).orElse(null));
        settlement.put("currency", summary.getOrDefault("currency", null));
        List<Object> transactions = new ArrayList<>();
        for (Map<String, String> row : file.rows()) {
            if (row == summary) {
                continue;
            }
            Map<String, Object> transaction = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!SUMMARY_COLUMNS.contains(column)) {
                    transaction.put(camelCase(column), value(column, value));
                }
            });
            transactions.add(transaction);
        }
        settlement.put("transactions", transactions);
        return settlement;
    }

    private static Object value(String column, String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (column.equals("amount")) {
            return amount(value).orElse(value);
        }
        if (column.equals("quantity-purchased")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * An amount in plain decimal text: the last '.' or ',' followed by one or two digits is the decimal separator,
     * every other separator groups thousands ({@code 1.234,56} and {@code 1,234.56} → {@code 1234.56}).
     */
    static Optional<String> amount(String text) {
        String compact = text.replace(" ", "").replace("\u00a0", "");
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        int separator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
        int decimals = separator < 0 ? 0 : compact.length() - separator - 1;
        String normalised;
        if (separator >= 0 && decimals >= 1 && decimals <= 2) {
            normalised = compact.substring(0, separator).replace(".", "").replace(",", "") + "."
                    + compact.substring(separator + 1);
        } else {
            normalised = compact.replace(".", "").replace(",", "");
        }
        try {
            return Optional.of(new BigDecimal(normalised).toPlainString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == '_' || c == ' ') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
