package dev.junction.backend.reconciliation.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * One Amazon settlement ({@code GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2}): the summary row's id, period, deposit
 * date, deposited total (minor units) and currency, and its detail rows.
 *
 * @param settlementId    {@code settlement-id}
 * @param marketplace     {@code marketplace-name} of the detail rows (e.g. {@code Amazon.de}); may be null
 * @param startDate       {@code settlement-start-date} (the date part, UTC)
 * @param endDate         {@code settlement-end-date}
 * @param depositDate     {@code deposit-date}; the journal entry's date
 * @param totalMinor      {@code total-amount} in minor units of {@code currency} (what Amazon deposits)
 * @param currency        {@code currency}, ISO 4217
 * @param lines           the detail rows, each with an id unique within the settlement
 */
public record Settlement(String settlementId, String marketplace, LocalDate startDate, LocalDate endDate,
                         LocalDate depositDate, long totalMinor, String currency, List<SettlementLine> lines) {

    public Settlement {
        Require.text(settlementId, "settlementId");
        Require.currency(currency, "currency");
        Require.present(startDate, "startDate");
        Require.present(endDate, "endDate");
        Require.present(depositDate, "depositDate");
        lines = List.copyOf(Require.present(lines, "lines"));
    }
}
