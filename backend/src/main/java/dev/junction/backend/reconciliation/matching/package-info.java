/**
 * The reconciliation domain, pure Java (no Spring, no database, no HTTP): Amazon settlement lines matched to Opayo
 * transactions, discrepancies, fee allocation to general-ledger accounts, balanced journal entries and fraud hints.
 * One entry point: {@link dev.junction.backend.reconciliation.matching.Reconciler#reconcile}. All amounts are whole
 * minor units ({@code long}) with an ISO 4217 currency code beside them. The rules are written up in
 * docs/reconciliation.md.
 */
package dev.junction.backend.reconciliation.matching;
