package dev.junction.backend.reconciliation;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.connections.CatalogConnectorInvoker;
import dev.junction.backend.reconciliation.matching.ExchangeRate;
import dev.junction.backend.reconciliation.matching.FeeRule;
import dev.junction.backend.reconciliation.matching.LedgerAccounts;
import dev.junction.backend.reconciliation.matching.PaymentTransaction;
import dev.junction.backend.reconciliation.matching.ReconciliationInput;
import dev.junction.backend.reconciliation.matching.ReconciliationOptions;
import dev.junction.backend.reconciliation.matching.ReconciliationResult;
import dev.junction.backend.reconciliation.matching.Reconciler;
import dev.junction.backend.reconciliation.matching.Settlement;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import dev.junction.db.lookups.LookupTableRepository;
import dev.junction.db.rates.CurrencyRateRepository;
import dev.junction.db.reconciliation.ReconciliationRepository;
import dev.junction.db.reconciliation.RunRows;
import dev.junction.db.reconciliation.SettlementOverview;
import dev.junction.db.reconciliation.StoredRun;
import dev.junction.db.reconciliation.StoredSettlement;
import dev.junction.db.users.Role;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Settlement reconciliation as a service: Amazon settlements fetched through a chosen Amazon connection (several
 * seller accounts or marketplaces, one connection each), reconciled against a chosen Opayo connection's transactions
 * and batches of the settlement's period with the exchange rates table and the editable fee table; each
 * reconciliation stored as a new run (the latest is the settlement's current one). Discrepancies are resolved with a
 * note — the resolution belongs to the settlement and the discrepancy's fingerprint, so it holds in later runs too.
 * A run's journal is exported as CSV or written to Dynamics through a Dataverse connection. Every user reads;
 * admins and operators act. Every action is audited.
 */
@Service
public class ReconciliationService {

    static final String AMAZON = "amazon-sp-api";
    static final String OPAYO = "opayo-pi";
    static final String DATAVERSE = "dataverse";
    static final String SETTLEMENT_REPORT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2";
    /** How many new settlement reports one fetch downloads at most. */
    static final int SETTLEMENTS_PER_FETCH = 20;
    /** Journal lines per {@code writeJournalLines} call. */
    static final int LINES_PER_WRITE = 100;
    static final String ENTITY = "reconciliation_run";
    /**
     * How many days before a settlement's period (and its date tolerance) Opayo payments of its orders are looked for:
     * an order may be paid well before Amazon settles it.
     */
    static final int PAYMENT_LOOKBACK_DAYS = 30;
    private static final String MAY_ACT = "hasAnyRole('ADMIN', 'OPERATOR')";
    /** The latest settlement: the latest period end; of two ending together, the one whose report is newer. */
    private static final Comparator<SettlementOverview> LATEST = Comparator
            .comparing((SettlementOverview item) -> item.settlement().periodEnd(),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(item -> item.settlement().reportId().length())
            .thenComparing(item -> item.settlement().reportId())
            .thenComparing(item -> item.settlement().id());

    private final ReconciliationRepository store;
    private final ConnectionRepository connections;
    private final CatalogConnectorInvoker connectors;
    private final CurrencyRateRepository rates;
    private final FeeRuleTable feeRules;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    ReconciliationService(ReconciliationRepository store, ConnectionRepository connections,
                          CatalogConnectorInvoker connectors, CurrencyRateRepository rates,
                          LookupTableRepository lookupTables, AuditTrail audit, TransactionTemplate transactions) {
        this.store = store;
        this.connections = connections;
        this.connectors = connectors;
        this.rates = rates;
        this.feeRules = new FeeRuleTable(lookupTables);
        this.audit = audit;
        this.transactions = transactions;
    }

    /** A connection to choose: its id, name and environment (nothing of its settings or secrets). */
    public record ConnectionChoice(String id, String name, String environment) {
    }

    /** One run with its settlement, how many of its discrepancies are open, and the settlement's other runs. */
    public record RunDetail(StoredSettlement settlement, StoredRun run, int openDiscrepancies, List<StoredRun> runs) {
    }

    /** What writing a journal to Dynamics did. */
    public record DynamicsWrite(String connection, String entitySet, long written, long created, long updated) {
    }

    /** Whether the signed-in user may fetch, reconcile, resolve and write to Dynamics. */
    public boolean currentUserMayAct() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.OPERATOR);
    }

    /** The connections of a connector ({@code amazon-sp-api}, {@code opayo-pi}, {@code dataverse}), by name. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ConnectionChoice> connections(String connectorId) {
        return connections.all().stream().filter(connection -> connection.connectorId().equals(connectorId))
                .sorted(Comparator.comparing(StoredConnection::name))
                .map(connection -> new ConnectionChoice(connection.id(), connection.name(), connection.environment()))
                .toList();
    }

    /** Every settlement fetched so far with its latest run's status and discrepancy counts. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SettlementOverview> settlements() {
        return store.overview();
    }

    /** The name of a connection (its id when it is gone). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String connectionName(String id) {
        return connections.find(id).map(StoredConnection::name).orElse(id);
    }

    /**
     * Fetches the settlement reports the Amazon connection has that were not fetched before (at most
     * {@value #SETTLEMENTS_PER_FETCH} per call) and stores them; answers the settlements stored by this call.
     */
    @PreAuthorize(MAY_ACT)
    public List<StoredSettlement> fetchSettlements(String amazonConnection) {
        return fetch(amazonConnection);
    }

    private List<StoredSettlement> fetch(String amazonConnection) {
        connection("amazonConnection", amazonConnection, AMAZON);
        Set<String> known = transactions.execute(status -> store.reportIds(amazonConnection));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("reportTypes", List.of(SETTLEMENT_REPORT));
        input.put("processingStatuses", List.of("DONE"));
        input.put("pageSize", 100L);
        input.put("maxPages", 5L);
        Map<String, Object> answer = call("amazonConnection", amazonConnection, "getReports", input);
        List<StoredSettlement> fetched = new ArrayList<>();
        if (!(answer.get("reports") instanceof List<?> reports)) {
            return fetched;
        }
        for (Object item : reports) {
            if (fetched.size() >= SETTLEMENTS_PER_FETCH) {
                break;
            }
            if (!(item instanceof Map<?, ?> report) || !(report.get("reportId") instanceof String reportId)
                    || known.contains(reportId)) {
                continue;
            }
            Map<String, Object> document = call("amazonConnection", amazonConnection, "getSettlementReport",
                    Map.of("reportId", reportId));
            StoredSettlement settlement;
            try {
                settlement = SettlementDocuments.stored(amazonConnection, document, CurrentUser.name());
            } catch (IllegalArgumentException unreadable) {
                throw new InvalidInputException("amazonConnection", "settlement report " + reportId
                        + " cannot be read: " + unreadable.getMessage());
            }
            long id = transactions.execute(status -> {
                long stored = store.saveSettlement(settlement, document);
                audit.record("reconciliation.settlement_fetched", "reconciliation_settlement", Long.toString(stored),
                        Map.of("connection", amazonConnection, "settlementId", settlement.settlementId(),
                                "reportId", reportId, "lines", settlement.lineCount()));
                return stored;
            });
            fetched.add(store.settlement(id).orElseThrow());
        }
        return fetched;
    }

    /**
     * Reconciles the settlement (fetched through the Amazon connection before, or fetched now) against the Opayo
     * connection's transactions and batches of its period (widened by the date tolerance) and stores the run.
     */
    @PreAuthorize(MAY_ACT)
    public StoredRun reconcile(String amazonConnection, String settlementId, String opayoConnection) {
        return reconcileSettlement(amazonConnection, settlementId, opayoConnection);
    }

    private StoredRun reconcileSettlement(String amazonConnection, String settlementId, String opayoConnection) {
        connection("amazonConnection", amazonConnection, AMAZON);
        connection("opayoConnection", opayoConnection, OPAYO);
        if (settlementId == null || settlementId.isBlank()) {
            throw new InvalidInputException("settlementId", "is required: the id of a settlement of the Amazon"
                    + " connection");
        }
        StoredSettlement stored = store.settlement(amazonConnection, settlementId.strip()).orElseGet(() -> {
            fetch(amazonConnection);
            return store.settlement(amazonConnection, settlementId.strip()).orElseThrow(() ->
                    new InvalidInputException("settlementId", "the Amazon connection '" + amazonConnection
                            + "' has no settlement '" + settlementId + "'"));
        });
        Settlement settlement = SettlementDocuments.settlement(store.document(stored.id()));
        ReconciliationOptions options = ReconciliationOptions.defaults();
        Instant from = settlement.startDate().minusDays(options.toleranceDays()).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant until = settlement.endDate().plusDays(options.toleranceDays() + 1L).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant now = Instant.now();
        Instant to = until.isAfter(now) ? now : until;
        Instant lookback = from.minus(Duration.ofDays(PAYMENT_LOOKBACK_DAYS));
        OpayoActivity.Activity activity;
        try {
            activity = new OpayoActivity(connectors, opayoConnection).read(lookback, from, to);
        } catch (ConnectorException failure) {
            throw new InvalidInputException("opayoConnection", "reading Opayo's transactions failed ("
                    + failure.errorClass() + "): " + failure.getMessage());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException unreadable) {
            throw new InvalidInputException("opayoConnection", "Opayo answered a transaction or batch that cannot"
                    + " be read: " + unreadable.getMessage());
        }
        // before the period, only the transactions of this settlement's orders count (paid early, settled late)
        Set<String> orders = new HashSet<>();
        settlement.lines().forEach(line -> {
            if (line.hasOrder()) {
                orders.add(line.orderId());
            }
        });
        List<PaymentTransaction> transactionsRead = activity.transactions().stream()
                .filter(transaction -> !transaction.started().isBefore(from)
                        || orders.contains(transaction.vendorTxCode()) || transaction.isRefund()
                        && transaction.vendorTxCode() != null && orders.stream()
                        .anyMatch(order -> transaction.vendorTxCode().startsWith(order)))
                .toList();
        List<FeeRule> rules;
        try {
            rules = transactions.execute(status -> feeRules.rules());
        } catch (IllegalArgumentException badEntry) {
            throw new InvalidInputException("feeRules", badEntry.getMessage() + " (lookup table "
                    + FeeRuleTable.NAME + ")");
        }
        List<ExchangeRate> exchangeRates = rates.list(null, null).stream().map(rate -> new ExchangeRate(rate.from(),
                rate.to(), rate.effectiveFrom(), rate.rate())).toList();
        LedgerAccounts accounts = LedgerAccounts.defaults();
        ReconciliationResult result;
        try {
            result = Reconciler.reconcile(new ReconciliationInput(List.of(settlement), transactionsRead,
                    activity.batches(), exchangeRates, rules, accounts, options));
        } catch (IllegalArgumentException inconsistent) {
            throw new InvalidInputException("settlementId", "settlement " + settlement.settlementId()
                    + " and Opayo's data cannot be reconciled: " + inconsistent.getMessage());
        }
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("from", from.toString());
        read.put("to", to.toString());
        read.put("lookbackFrom", lookback.toString());
        read.put("transactions", (long) transactionsRead.size());
        read.put("batches", (long) activity.batches().size());
        read.put("transactionDetails", (long) activity.detailsRead());
        RunRows.NewRun run = ResultRows.rows(settlement, result, rules, accounts,
                new ResultRows.Context(opayoConnection, CurrentUser.name(), read));
        UUID id = transactions.execute(status -> {
            UUID saved = store.saveRun(stored.id(), run);
            audit.record("reconciliation.reconciled", ENTITY, saved.toString(), Map.of("settlementId",
                    settlement.settlementId(), "amazonConnection", amazonConnection, "opayoConnection",
                    opayoConnection, "status", run.status(), "discrepancies", run.discrepancies().size()));
            return saved;
        });
        return store.run(id).orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RunDetail run(UUID runId) {
        StoredRun run = existing(runId);
        StoredSettlement settlement = store.settlement(run.settlementRef()).orElseThrow();
        return new RunDetail(settlement, run, store.openDiscrepancies(runId), store.runs(settlement.id()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RunRows.Page<RunRows.Line> lines(UUID runId, int offset, int limit) {
        existing(runId);
        return store.lines(runId, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RunRows.Page<RunRows.Match> matches(UUID runId, int offset, int limit) {
        existing(runId);
        return store.matches(runId, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RunRows.Page<RunRows.Unmatched> unmatched(UUID runId, int offset, int limit) {
        existing(runId);
        return store.unmatched(runId, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RunRows.Page<RunRows.Discrepancy> discrepancies(UUID runId, int offset, int limit) {
        existing(runId);
        return store.discrepancies(runId, offset, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RunRows.JournalLine> journal(UUID runId) {
        existing(runId);
        return store.journal(runId);
    }

    /** Resolves discrepancy {@code itemNo} of the run with a note (1–2000 characters); audited with the note. */
    @PreAuthorize(MAY_ACT)
    @Transactional
    public RunRows.Discrepancy resolve(UUID runId, int itemNo, String note) {
        StoredRun run = existing(runId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new InvalidInputException("note", "is required: 1 to 2000 characters saying why the discrepancy"
                    + " is resolved");
        }
        RunRows.Discrepancy discrepancy = store.discrepancy(runId, itemNo).orElseThrow(() ->
                new NotFoundException("Run " + runId + " has no discrepancy " + itemNo));
        store.resolve(run.settlementRef(), discrepancy.fingerprint(), text, CurrentUser.name());
        audit.record("reconciliation.discrepancy_resolved", ENTITY, runId.toString(), Map.of("discrepancy", itemNo,
                "kind", discrepancy.kind(), "fingerprint", discrepancy.fingerprint(), "note", text));
        return store.discrepancy(runId, itemNo).orElseThrow();
    }

    /** The run's journal entries as CSV ({@code JournalCsv}'s columns). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String journalCsv(UUID runId) {
        StoredRun run = existing(runId);
        StoredSettlement settlement = store.settlement(run.settlementRef()).orElseThrow();
        return StoredJournal.csv(settlement.settlementId(), store.journal(runId));
    }

    /** The CSV file's name: {@code journal-<settlement id>.csv}. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String journalFileName(UUID runId) {
        StoredRun run = existing(runId);
        return "journal-" + store.settlement(run.settlementRef()).orElseThrow().settlementId()
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    /**
     * Writes the run's journal lines to Dynamics through the Dataverse connection's {@code writeJournalLines}
     * (upserted by line reference: writing again updates the same records); an unbalanced journal is refused.
     */
    @PreAuthorize(MAY_ACT)
    public DynamicsWrite writeToDynamics(UUID runId, String dynamicsConnection) {
        connection("dynamicsConnection", dynamicsConnection, DATAVERSE);
        RunDetail detail = transactions.execute(status -> run(runId));
        if (ResultRows.UNBALANCED.equals(detail.run().status())) {
            throw new InvalidInputException("runId", "the run's journal does not balance; it is not written");
        }
        List<RunRows.JournalLine> journal = transactions.execute(status -> store.journal(runId));
        if (journal.isEmpty()) {
            throw new InvalidInputException("runId", "the run has no journal lines to write");
        }
        List<Object> lines = StoredJournal.dataverseLines(detail.settlement().settlementId(), journal);
        long created = 0;
        long updated = 0;
        String entitySet = null;
        for (int from = 0; from < lines.size(); from += LINES_PER_WRITE) {
            Map<String, Object> answer = call("dynamicsConnection", dynamicsConnection, "writeJournalLines",
                    Map.of("lines", lines.subList(from, Math.min(lines.size(), from + LINES_PER_WRITE))));
            created += answer.get("created") instanceof Number number ? number.longValue() : 0;
            updated += answer.get("updated") instanceof Number number ? number.longValue() : 0;
            entitySet = String.valueOf(answer.get("entitySet"));
        }
        DynamicsWrite write = new DynamicsWrite(dynamicsConnection, entitySet, lines.size(), created, updated);
        transactions.executeWithoutResult(status -> {
            store.journalWritten(runId, dynamicsConnection, CurrentUser.name());
            audit.record("reconciliation.journal_written", ENTITY, runId.toString(), Map.of("connection",
                    dynamicsConnection, "entitySet", write.entitySet(), "lines", write.written(), "created",
                    write.created(), "updated", write.updated()));
        });
        return write;
    }

    /**
     * What a workflow's reconcile-settlement step does (as the system, not as a signed-in user): fetches the Amazon
     * connection's new settlements, takes {@code settlementId} or else the latest one ({@link #LATEST}), and
     * reconciles it — unless it was reconciled before and {@code again} is false, when its latest run is answered.
     * Answers the step's output ({@link WorkflowStepOutput}); no settlement at all answers status
     * {@code no_settlement}.
     */
    Map<String, Object> reconcileForWorkflow(String amazonConnection, String opayoConnection, String settlementId,
                                             boolean again) {
        connection("amazonConnection", amazonConnection, AMAZON);
        connection("opayoConnection", opayoConnection, OPAYO);
        fetch(amazonConnection);
        List<SettlementOverview> ofConnection = transactions.execute(status -> store.overview()).stream()
                .filter(item -> item.settlement().amazonConnectionId().equals(amazonConnection)).toList();
        SettlementOverview chosen = settlementId == null
                ? ofConnection.stream().max(LATEST).orElse(null)
                : ofConnection.stream().filter(item -> item.settlement().settlementId().equals(settlementId.strip()))
                .findFirst().orElseThrow(() -> new InvalidInputException("settlementId", "the Amazon connection '"
                        + amazonConnection + "' has no settlement '" + settlementId + "'"));
        if (chosen == null) {
            return WorkflowStepOutput.noSettlement(amazonConnection);
        }
        boolean reuse = !again && chosen.latestRunId() != null;
        StoredRun run = reuse ? store.run(chosen.latestRunId()).orElseThrow()
                : reconcileSettlement(amazonConnection, chosen.settlement().settlementId(), opayoConnection);
        return transactions.execute(status -> WorkflowStepOutput.of(chosen.settlement(), run, reuse,
                store.openDiscrepancies(run.id()), store.discrepancies(run.id(), 0, WorkflowStepOutput.DISCREPANCIES),
                store.journal(run.id())));
    }

    private StoredRun existing(UUID runId) {
        return store.run(runId).orElseThrow(() -> new NotFoundException("No reconciliation run " + runId));
    }

    private void connection(String field, String id, String connectorId) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(field, "is required: the id of a " + connectorId + " connection");
        }
        StoredConnection connection = connections.find(id).orElseThrow(() ->
                new InvalidInputException(field, "there is no connection '" + id + "'"));
        if (!connection.connectorId().equals(connectorId)) {
            throw new InvalidInputException(field, "'" + id + "' is a " + connection.connectorId()
                    + " connection; a " + connectorId + " connection is expected");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String field, String connectionId, String operation, Map<String, Object> input) {
        try {
            Object answer = connectors.invoke(new ConnectorCall(connectionId, operation, input,
                    "reconciliation:" + UUID.randomUUID(), false));
            return answer instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (ConnectorException failure) {
            throw new InvalidInputException(field, operation + " through '" + connectionId + "' failed ("
                    + failure.errorClass() + "): " + failure.getMessage());
        }
    }
}
