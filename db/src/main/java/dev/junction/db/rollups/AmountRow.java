package dev.junction.db.rollups;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The business amounts of one workflow's runs that ended in one hour, in one currency ({@code ""} when unknown):
 * sales and refunds (how many, their sums, positive) and settlements (how many, the settled amount and its fees).
 */
public record AmountRow(OffsetDateTime hour, UUID workflowId, String currency, long sales, BigDecimal saleAmount,
                        long refunds, BigDecimal refundAmount, long settlements, BigDecimal settledAmount,
                        BigDecimal feeAmount) {
}
