package dev.junction.backend.reconciliation.matching;

/**
 * The structural accounts of the journal (the fee table holds the rest).
 *
 * @param amazonClearing what Amazon owes the seller until it deposits: debited with each settlement's deposit
 * @param opayoClearing  what Opayo owes the seller: credited with Opayo's fees
 * @param suspense       unknown fee types and unexplained differences (always reported as discrepancies)
 * @param rounding       rounding differences from converting into the book currency, in minor units
 */
public record LedgerAccounts(String amazonClearing, String opayoClearing, String suspense, String rounding) {

    public LedgerAccounts {
        Require.text(amazonClearing, "amazonClearing");
        Require.text(opayoClearing, "opayoClearing");
        Require.text(suspense, "suspense");
        Require.text(rounding, "rounding");
    }

    /** 1210 Amazon clearing, 1220 Opayo clearing, 9999 suspense, 7990 rounding differences. */
    public static LedgerAccounts defaults() {
        return new LedgerAccounts("1210", "1220", "9999", "7990");
    }
}
