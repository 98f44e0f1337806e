package dev.junction.connectors.opayo.sandbox;

import dev.junction.connectors.opayo.sandbox.SimulatedTransaction.CardOnFile;
import dev.junction.connectors.sandbox.SimulatorCounters;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The transactions Opayo holds, by id and by vendorTxCode (each code once), what happened to them since
 * (instructions, refunds, authorisations) and the settlement batches they were closed into: the rules of
 * api-contracts §2.5–§2.8 that need state. State only; {@link OpayoSimulator} is its HTTP face, and
 * {@link SandboxReporting} reads it under this object's lock.
 */
final class SandboxTransactions {

    private static final CardOnFile SCENARIO_CARD = new CardOnFile("scenario-card", null, "4929000000006", "1229",
            "Visa", false);

    private final Clock clock;
    private final SandboxSessions sessions;
    private final SimulatorCounters counters;
    private final Map<String, SimulatedTransaction> transactions = new LinkedHashMap<>();
    private final Map<String, String> idsByVendorTxCode = new HashMap<>();
    private final List<SettlementBatch> batches = new ArrayList<>();

    /** A settlement batch the simulator closed: its id, when, and the transactions it settled. */
    record SettlementBatch(String batchId, OffsetDateTime date, List<SimulatedTransaction> transactions) {
    }

    SandboxTransactions(Clock clock, SandboxSessions sessions, SimulatorCounters counters) {
        this.clock = clock;
        this.sessions = sessions;
        this.counters = counters;
    }

    synchronized void reset() {
        transactions.clear();
        idsByVendorTxCode.clear();
        batches.clear();
    }

    synchronized Optional<SimulatedTransaction> find(String transactionId) {
        return Optional.ofNullable(transactions.get(transactionId));
    }

    /** The transaction stored under a vendorTxCode, else the one of a {@code VPSTxId} (braces allowed). */
    synchronized Optional<SimulatedTransaction> find(Optional<String> vendorTxCode, Optional<String> vpsTxId) {
        String id = vendorTxCode.map(idsByVendorTxCode::get)
                .or(() -> vpsTxId.map(given -> given.replace("{", "").replace("}", ""))).orElse(null);
        return id == null ? Optional.empty() : Optional.ofNullable(transactions.get(id));
    }

    synchronized long withVendorTxCode(String vendorTxCode) {
        return transactions.values().stream().filter(transaction -> transaction.vendorTxCode.equals(vendorTxCode))
                .count();
    }

    /** The instructions of a transaction so far; empty when there is no such transaction. */
    synchronized Optional<List<Map<String, Object>>> instructions(String transactionId) {
        return find(transactionId).map(transaction -> List.copyOf(transaction.instructions));
    }

    /**
     * Stores a transaction that passed the field rules ({@link TransactionContract}), or refuses it as Opayo would:
     * a used vendorTxCode, a card identifier or session key that does not fit, a reference that cannot be
     * refunded, repeated or authorised.
     */
    synchronized SimulatedTransaction commit(Map<String, Object> request) throws Refusal {
        String type = (String) request.get("transactionType");
        String vendorTxCode = (String) request.get("vendorTxCode");
        long amount = ((Number) request.get("amount")).longValue();
        // UNCONFIRMED (api-contracts §2.8): every repeated vendorTxCode is refused with 4001 in a 422 errors list,
        // also when the earlier transaction failed (legacy gateways let a failed code be used again).
        if (idsByVendorTxCode.containsKey(vendorTxCode)) {
            // a valid transaction under a vendorTxCode already used: the second charge a non-idempotent client
            // asked for (refused, as Opayo does)
            counters.duplicateSideEffect();
            throw new Refusal(4001, "VendorTxCode has been used before. All VendorTxCodes should be unique.",
                    "vendorTxCode");
        }
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SimulatedTransaction transaction = TransactionContract.CARD_TYPES.contains(type)
                ? withCard(request, id, type, vendorTxCode, amount, now)
                : withReference(request, id, type, vendorTxCode, amount, now);
        transactions.put(id, transaction);
        idsByVendorTxCode.put(vendorTxCode, id);
        return transaction;
    }

    private SimulatedTransaction withCard(Map<String, Object> request, String id, String type, String vendorTxCode,
                                          long amount, OffsetDateTime now) throws Refusal {
        Map<?, ?> card = (Map<?, ?>) ((Map<?, ?>) request.get("paymentMethod")).get("card");
        CardOnFile onFile = sessions.use(card);
        SandboxCards.Outcome outcome = SandboxCards.outcome(onFile.cardNumber());
        if (outcome == SandboxCards.Outcome.CHALLENGED && "Disable".equals(request.get("apply3DSecure"))) {
            outcome = SandboxCards.Outcome.AUTHORISED;
        }
        String[] status = switch (outcome) {
            case AUTHORISED -> type.equals("Authenticate")
                    ? new String[]{"Authenticated", "0000", "The Authentication was Successful."}
                    : new String[]{"Ok", "0000", "The Authorisation was Successful."};
            case DECLINED -> new String[]{"NotAuthed", "2000", "The Authorisation was Declined by the bank."};
            case CHALLENGED -> new String[]{"3DAuth", "2021",
                    "Please redirect your customer to the ACSURL to complete the 3DS Transaction"};
        };
        return new SimulatedTransaction(id, type, vendorTxCode, amount, (String) request.get("currency"),
                status[0], status[1], status[2], onFile, now);
    }

    private SimulatedTransaction withReference(Map<String, Object> request, String id, String type,
                                               String vendorTxCode, long amount, OffsetDateTime now) throws Refusal {
        SimulatedTransaction original = transactions.get((String) request.get("referenceTransactionId"));
        checkReference(type, original, amount);
        String currency = request.get("currency") instanceof String code ? code : original.currency;
        SimulatedTransaction transaction = new SimulatedTransaction(id, type, vendorTxCode, amount, currency, "Ok",
                "0000", type.equals("Refund") ? "The Refund was Successful." : "The Authorisation was Successful.",
                null, now);
        if (type.equals("Refund")) {
            original.refunded += amount;
        } else if (type.equals("Authorise")) {
            original.authorised = true;
        }
        transaction.reference = original;
        return transaction;
    }

    private static void checkReference(String type, SimulatedTransaction original, long amount) throws Refusal {
        if (original == null) {
            throw new Refusal(1016, "The referenced transaction was not found", "referenceTransactionId");
        }
        boolean taken = original.status.equals("Ok") && (!original.transactionType.equals("Deferred")
                || original.has("release"));
        switch (type) {
            case "Refund" -> {
                if (!taken || original.has("void")) {
                    throw new Refusal(1017, "The referenced transaction cannot be refunded", "referenceTransactionId");
                }
                if (amount > original.refundable()) {
                    throw new Refusal(4035, "This Refund would exceed the amount of the original transaction.",
                            "amount");
                }
            }
            case "Repeat" -> {
                if (!taken || original.transactionType.equals("Refund")
                        || original.transactionType.equals("Authenticate")) {
                    throw new Refusal(1017, "The referenced transaction cannot be repeated", "referenceTransactionId");
                }
            }
            default -> {
                if (!original.transactionType.equals("Authenticate") || !original.status.equals("Authenticated")
                        || original.authorised || original.has("cancel")) {
                    throw new Refusal(1017, "The referenced transaction is not an authentication that can be "
                            + "authorised", "referenceTransactionId");
                }
            }
        }
    }

    /**
     * Applies an instruction (api-contracts §2.7) to a transaction; answers the instruction as stored, empty when
     * there is no such transaction.
     */
    synchronized Optional<Map<String, Object>> instruct(String transactionId, Map<String, Object> body, String date)
            throws Refusal {
        SimulatedTransaction transaction = transactions.get(transactionId);
        if (transaction == null) {
            return Optional.empty();
        }
        Object type = body.get("instructionType");
        String kind = transaction.transactionType;
        String notApplicable = "Transaction status not applicable";
        switch (type instanceof String text ? text : "") {
            case "release" -> {
                if (!kind.equals("Deferred") || !transaction.status.equals("Ok") || transaction.has("release")
                        || transaction.has("abort")) {
                    throw new Refusal(1017, notApplicable + ": only a deferred payment not yet released or aborted "
                            + "can be released", "instructionType");
                }
                if (!(body.get("amount") instanceof Long amount) || amount <= 0) {
                    throw new Refusal(1003, "A release needs an amount", "amount");
                }
                if (amount > transaction.amount) {
                    throw new Refusal(1004, "The release amount " + amount + " exceeds the deferred amount "
                            + transaction.amount, "amount");
                }
            }
            case "abort" -> {
                if (!kind.equals("Deferred") || !transaction.status.equals("Ok") || transaction.has("release")
                        || transaction.has("abort")) {
                    throw new Refusal(1017, notApplicable + ": only a deferred payment not yet released can be "
                            + "aborted", "instructionType");
                }
            }
            case "void" -> {
                if (!(kind.equals("Payment") || kind.equals("Refund") || kind.equals("Repeat"))
                        || !transaction.status.equals("Ok") || transaction.has("void")
                        || !transaction.created.toLocalDate().equals(OffsetDateTime.now(clock).toLocalDate())) {
                    throw new Refusal(1017, notApplicable + ": only a payment, refund or repeat taken today can be "
                            + "voided", "instructionType");
                }
            }
            case "cancel" -> {
                if (!kind.equals("Authenticate") || transaction.authorised || transaction.has("cancel")) {
                    throw new Refusal(1017, notApplicable + ": only an authentication not yet authorised can be "
                            + "cancelled", "instructionType");
                }
            }
            default -> throw new Refusal(1004, "instructionType must be void, abort, release or cancel",
                    "instructionType");
        }
        Map<String, Object> instruction = new LinkedHashMap<>();
        instruction.put("instructionType", type);
        instruction.put("date", date);
        if (body.get("amount") instanceof Long amount) {
            instruction.put("amount", amount);
        }
        transaction.instructions.add(instruction);
        return Optional.of(instruction);
    }

    /**
     * Closes a settlement batch (what Opayo does each night): every transaction taken and not yet settled —
     * payments, repeats, refunds, authorisations and released deferred payments, not voided — goes into a new batch
     * dated now. Empty when there was nothing to settle (no batch is made).
     */
    synchronized Optional<SettlementBatch> closeBatch() {
        List<SimulatedTransaction> settled = transactions.values().stream()
                .filter(SimulatedTransaction::settleable).toList();
        if (settled.isEmpty()) {
            return Optional.empty();
        }
        String batchId = String.valueOf(100_001 + batches.size());
        settled.forEach(transaction -> transaction.batchId = batchId);
        SettlementBatch batch = new SettlementBatch(batchId, OffsetDateTime.now(clock), settled);
        batches.add(batch);
        return Optional.of(batch);
    }

    /**
     * Adds a reconciliation scenario's transactions, settled: one batch per day (dated 22:00 in the simulator's
     * time zone that day); answers the batch ids.
     */
    synchronized List<String> load(ReconciliationScenario generated) {
        Map<String, SimulatedTransaction> loaded = new LinkedHashMap<>();
        Map<LocalDate, List<SimulatedTransaction>> byDay = new TreeMap<>();
        for (ReconciliationScenario.Payment payment : generated.payments()) {
            boolean refund = payment.transactionType().equals("Refund");
            SimulatedTransaction transaction = new SimulatedTransaction(payment.transactionId(),
                    payment.transactionType(), payment.vendorTxCode(), payment.amountMinor(), payment.currency(), "Ok",
                    "0000", refund ? "The Refund was Successful." : "The Authorisation was Successful.",
                    refund ? null : SCENARIO_CARD, payment.started().atZone(clock.getZone()).toOffsetDateTime());
            transaction.threeDSecureStatus = payment.threeDSecureStatus();
            transaction.avsCvcStatus = payment.avsCvcStatus();
            transaction.securityCodeResult = payment.securityCode();
            transaction.fee = payment.feeMinor();
            if (payment.relatedTransactionId() != null) {
                transaction.reference = loaded.get(payment.relatedTransactionId());
                if (transaction.reference != null) {
                    transaction.reference.refunded += payment.amountMinor();
                }
            }
            loaded.put(transaction.transactionId, transaction);
            transactions.put(transaction.transactionId, transaction);
            idsByVendorTxCode.put(transaction.vendorTxCode, transaction.transactionId);
            byDay.computeIfAbsent(transaction.created.atZoneSameInstant(clock.getZone()).toLocalDate(),
                    day -> new ArrayList<>()).add(transaction);
        }
        List<String> batchIds = new ArrayList<>();
        byDay.forEach((day, settled) -> {
            String batchId = String.valueOf(100_001 + batches.size());
            settled.forEach(transaction -> transaction.batchId = batchId);
            batches.add(new SettlementBatch(batchId, day.atTime(22, 0).atZone(clock.getZone()).toOffsetDateTime(),
                    settled));
            batchIds.add(batchId);
        });
        batches.sort(Comparator.comparing(batch -> batch.date().toInstant()));
        return batchIds;
    }

    /** The transactions started within the window (inclusive, whole seconds), by start, then id; hold the lock. */
    List<SimulatedTransaction> startedWithin(Instant from, Instant to) {
        return transactions.values().stream().filter(transaction -> within(from, to, transaction.created))
                .sorted(Comparator.comparing((SimulatedTransaction t) -> t.created.toInstant())
                        .thenComparing(t -> t.transactionId)).toList();
    }

    /** The batches dated within the window (inclusive, whole seconds), by date; hold the lock. */
    List<SettlementBatch> batchesWithin(Instant from, Instant to) {
        return batches.stream().filter(batch -> within(from, to, batch.date())).toList();
    }

    private static boolean within(Instant from, Instant to, OffsetDateTime date) {
        Instant second = date.toInstant().truncatedTo(ChronoUnit.SECONDS);
        return !second.isBefore(from) && !second.isAfter(to);
    }
}
