package dev.junction.db.reconciliation;

import dev.junction.db.schema.tables.records.ReconciliationDiscrepanciesRecord;
import dev.junction.db.schema.tables.records.ReconciliationJournalLinesRecord;
import dev.junction.db.schema.tables.records.ReconciliationLinesRecord;
import dev.junction.db.schema.tables.records.ReconciliationMatchesRecord;
import dev.junction.db.schema.tables.records.ReconciliationRunsRecord;
import dev.junction.db.schema.tables.records.ReconciliationSettlementsRecord;
import dev.junction.db.schema.tables.records.ReconciliationUnmatchedRecord;
import dev.junction.engine.json.PayloadJson;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.RECONCILIATION_DISCREPANCIES;
import static dev.junction.db.schema.Tables.RECONCILIATION_JOURNAL_LINES;
import static dev.junction.db.schema.Tables.RECONCILIATION_LINES;
import static dev.junction.db.schema.Tables.RECONCILIATION_MATCHES;
import static dev.junction.db.schema.Tables.RECONCILIATION_RESOLUTIONS;
import static dev.junction.db.schema.Tables.RECONCILIATION_RUNS;
import static dev.junction.db.schema.Tables.RECONCILIATION_SETTLEMENTS;
import static dev.junction.db.schema.Tables.RECONCILIATION_UNMATCHED;

/**
 * Settlements, reconciliation runs and everything a run found, and the resolutions of discrepancies. A run is written
 * once, with its rows, and read back page by page; a resolution belongs to the settlement and a discrepancy's
 * fingerprint, so a later run of the same settlement shows it resolved too.
 */
public class ReconciliationRepository {

    private static final int BATCH = 1000;

    private final DSLContext db;

    public ReconciliationRepository(DSLContext db) {
        this.db = db;
    }

    /** A settlement as fetched: stored, or its document and summary replaced when it was fetched before. */
    public long saveSettlement(StoredSettlement settlement, Map<String, Object> document) {
        return db.insertInto(RECONCILIATION_SETTLEMENTS)
                .set(RECONCILIATION_SETTLEMENTS.AMAZON_CONNECTION_ID, settlement.amazonConnectionId())
                .set(RECONCILIATION_SETTLEMENTS.SETTLEMENT_ID, settlement.settlementId())
                .set(RECONCILIATION_SETTLEMENTS.REPORT_ID, settlement.reportId())
                .set(RECONCILIATION_SETTLEMENTS.REPORT_DOCUMENT_ID, settlement.reportDocumentId())
                .set(RECONCILIATION_SETTLEMENTS.PERIOD_START, time(settlement.periodStart()))
                .set(RECONCILIATION_SETTLEMENTS.PERIOD_END, time(settlement.periodEnd()))
                .set(RECONCILIATION_SETTLEMENTS.DEPOSIT_DATE, time(settlement.depositDate()))
                .set(RECONCILIATION_SETTLEMENTS.TOTAL_MINOR, settlement.totalMinor())
                .set(RECONCILIATION_SETTLEMENTS.CURRENCY, settlement.currency())
                .set(RECONCILIATION_SETTLEMENTS.LINE_COUNT, settlement.lineCount())
                .set(RECONCILIATION_SETTLEMENTS.DOCUMENT, json(document))
                .set(RECONCILIATION_SETTLEMENTS.FETCHED_BY, settlement.fetchedBy())
                .onConflict(RECONCILIATION_SETTLEMENTS.AMAZON_CONNECTION_ID, RECONCILIATION_SETTLEMENTS.SETTLEMENT_ID)
                .doUpdate()
                .set(RECONCILIATION_SETTLEMENTS.REPORT_ID, settlement.reportId())
                .set(RECONCILIATION_SETTLEMENTS.REPORT_DOCUMENT_ID, settlement.reportDocumentId())
                .set(RECONCILIATION_SETTLEMENTS.PERIOD_START, time(settlement.periodStart()))
                .set(RECONCILIATION_SETTLEMENTS.PERIOD_END, time(settlement.periodEnd()))
                .set(RECONCILIATION_SETTLEMENTS.DEPOSIT_DATE, time(settlement.depositDate()))
                .set(RECONCILIATION_SETTLEMENTS.TOTAL_MINOR, settlement.totalMinor())
                .set(RECONCILIATION_SETTLEMENTS.CURRENCY, settlement.currency())
                .set(RECONCILIATION_SETTLEMENTS.LINE_COUNT, settlement.lineCount())
                .set(RECONCILIATION_SETTLEMENTS.DOCUMENT, json(document))
                .set(RECONCILIATION_SETTLEMENTS.FETCHED_BY, settlement.fetchedBy())
                .set(RECONCILIATION_SETTLEMENTS.FETCHED_AT, DSL.currentOffsetDateTime())
                .returning(RECONCILIATION_SETTLEMENTS.ID).fetchOne().getId();
    }

    public Optional<StoredSettlement> settlement(long id) {
        return db.selectFrom(RECONCILIATION_SETTLEMENTS).where(RECONCILIATION_SETTLEMENTS.ID.eq(id))
                .fetchOptional(ReconciliationRepository::settlement);
    }

    public Optional<StoredSettlement> settlement(String amazonConnectionId, String settlementId) {
        return db.selectFrom(RECONCILIATION_SETTLEMENTS)
                .where(RECONCILIATION_SETTLEMENTS.AMAZON_CONNECTION_ID.eq(amazonConnectionId),
                        RECONCILIATION_SETTLEMENTS.SETTLEMENT_ID.eq(settlementId))
                .fetchOptional(ReconciliationRepository::settlement);
    }

    /** The report ids of the settlements fetched through the connection so far. */
    public java.util.Set<String> reportIds(String amazonConnectionId) {
        return new java.util.HashSet<>(db.select(RECONCILIATION_SETTLEMENTS.REPORT_ID).from(RECONCILIATION_SETTLEMENTS)
                .where(RECONCILIATION_SETTLEMENTS.AMAZON_CONNECTION_ID.eq(amazonConnectionId),
                        RECONCILIATION_SETTLEMENTS.REPORT_ID.isNotNull())
                .fetch(RECONCILIATION_SETTLEMENTS.REPORT_ID));
    }

    /** The settlement as the connector read it (summary fields and {@code transactions}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> document(long settlementRef) {
        JSONB document = db.select(RECONCILIATION_SETTLEMENTS.DOCUMENT).from(RECONCILIATION_SETTLEMENTS)
                .where(RECONCILIATION_SETTLEMENTS.ID.eq(settlementRef)).fetchOne(RECONCILIATION_SETTLEMENTS.DOCUMENT);
        return document == null ? Map.of() : (Map<String, Object>) PayloadJson.read(document.data());
    }

    /**
     * Every settlement, newest period first, each with its latest run and that run's open discrepancies (those whose
     * fingerprint the settlement has no resolution for).
     */
    public List<SettlementOverview> overview() {
        var latest = db.select(RECONCILIATION_RUNS.ID).from(RECONCILIATION_RUNS)
                .where(RECONCILIATION_RUNS.SETTLEMENT_REF.eq(RECONCILIATION_SETTLEMENTS.ID))
                .orderBy(RECONCILIATION_RUNS.STARTED_AT.desc(), RECONCILIATION_RUNS.ID).limit(1).asField("latest");
        List<Record> rows = new ArrayList<>(db.select(RECONCILIATION_SETTLEMENTS.asterisk(), latest)
                .from(RECONCILIATION_SETTLEMENTS)
                .orderBy(RECONCILIATION_SETTLEMENTS.PERIOD_END.desc().nullsLast(),
                        RECONCILIATION_SETTLEMENTS.SETTLEMENT_ID.desc())
                .fetch());
        List<SettlementOverview> overview = new ArrayList<>();
        for (Record row : rows) {
            StoredSettlement settlement = settlement(row.into(RECONCILIATION_SETTLEMENTS));
            UUID runId = row.get("latest", UUID.class);
            if (runId == null) {
                overview.add(new SettlementOverview(settlement, null, null, 0, 0, null));
                continue;
            }
            StoredRun run = run(runId).orElseThrow();
            overview.add(new SettlementOverview(settlement, runId, run.status(), run.discrepancyCount(),
                    openDiscrepancies(runId), run.startedAt()));
        }
        return overview;
    }

    /** Stores a run with all its rows; answers its id. */
    public UUID saveRun(long settlementRef, RunRows.NewRun run) {
        UUID id = UUID.randomUUID();
        db.insertInto(RECONCILIATION_RUNS)
                .set(RECONCILIATION_RUNS.ID, id)
                .set(RECONCILIATION_RUNS.SETTLEMENT_REF, settlementRef)
                .set(RECONCILIATION_RUNS.OPAYO_CONNECTION_ID, run.opayoConnectionId())
                .set(RECONCILIATION_RUNS.STATUS, run.status())
                .set(RECONCILIATION_RUNS.SUMMARY, json(run.summary()))
                .set(RECONCILIATION_RUNS.FRAUD_HINTS, json(run.fraudHints()))
                .set(RECONCILIATION_RUNS.DISCREPANCY_COUNT, run.discrepancies().size())
                .set(RECONCILIATION_RUNS.STARTED_BY, run.startedBy())
                .execute();
        List<TableRecord<?>> rows = new ArrayList<>();
        for (RunRows.Line line : run.lines()) {
            ReconciliationLinesRecord row = db.newRecord(RECONCILIATION_LINES);
            row.setRunId(id);
            row.setLineNo(line.lineNo());
            row.setLineId(line.lineId());
            row.setTransactionType(line.transactionType());
            row.setOrderId(line.orderId());
            row.setAmountType(line.amountType());
            row.setAmountDescription(line.amountDescription());
            row.setAmountMinor(line.amountMinor());
            row.setCurrency(line.currency());
            row.setPostedDate(line.postedDate());
            row.setSku(line.sku());
            row.setOutcome(line.outcome());
            row.setMatchId(line.matchId());
            row.setGlAccount(line.glAccount());
            rows.add(row);
        }
        for (RunRows.Match match : run.matches()) {
            ReconciliationMatchesRecord row = db.newRecord(RECONCILIATION_MATCHES);
            row.setRunId(id);
            row.setMatchNo(match.matchNo());
            row.setMatchId(match.matchId());
            row.setOrderId(match.orderId());
            row.setType(match.type());
            row.setBasis(match.basis());
            row.setTransactionId(match.transactionId());
            row.setSettlementMinor(match.settlementMinor());
            row.setSettlementCurrency(match.settlementCurrency());
            row.setTransactionMinor(match.transactionMinor());
            row.setTransactionCurrency(match.transactionCurrency());
            row.setRate(match.rate());
            row.setConvertedMinor(match.convertedMinor());
            row.setDifferenceMinor(match.differenceMinor());
            row.setDayDifference(match.dayDifference());
            row.setLineIds(json(match.lineIds()));
            row.setHints(json(match.hints()));
            rows.add(row);
        }
        for (RunRows.Unmatched item : run.unmatched()) {
            ReconciliationUnmatchedRecord row = db.newRecord(RECONCILIATION_UNMATCHED);
            row.setRunId(id);
            row.setItemNo(item.itemNo());
            row.setSide(item.side());
            row.setItemId(item.itemId());
            row.setOrderId(item.orderId());
            row.setAmountMinor(item.amountMinor());
            row.setCurrency(item.currency());
            row.setReason(item.reason());
            row.setExplanation(item.explanation() == null ? "" : item.explanation());
            rows.add(row);
        }
        for (RunRows.Discrepancy discrepancy : run.discrepancies()) {
            ReconciliationDiscrepanciesRecord row = db.newRecord(RECONCILIATION_DISCREPANCIES);
            row.setRunId(id);
            row.setItemNo(discrepancy.itemNo());
            row.setKind(discrepancy.kind());
            row.setFingerprint(discrepancy.fingerprint());
            row.setOrderId(discrepancy.orderId());
            row.setLineIds(json(discrepancy.lineIds()));
            row.setTransactionIds(json(discrepancy.transactionIds()));
            row.setExpectedMinor(discrepancy.expectedMinor());
            row.setActualMinor(discrepancy.actualMinor());
            row.setCurrency(discrepancy.currency());
            row.setMessage(discrepancy.message());
            rows.add(row);
        }
        for (RunRows.JournalLine line : run.journal()) {
            ReconciliationJournalLinesRecord row = db.newRecord(RECONCILIATION_JOURNAL_LINES);
            row.setRunId(id);
            row.setLineNo(line.lineNo());
            row.setEntryId(line.entryId());
            row.setEntryDate(line.entryDate());
            row.setEntryDescription(line.entryDescription() == null ? "" : line.entryDescription());
            row.setLineNumber(line.lineNumber());
            row.setAccount(line.account());
            row.setAccountName(line.accountName() == null ? "" : line.accountName());
            row.setDebitMinor(line.debitMinor());
            row.setCreditMinor(line.creditMinor());
            row.setCurrency(line.currency());
            row.setOriginalMinor(line.originalMinor());
            row.setOriginalCurrency(line.originalCurrency());
            row.setRate(line.rate());
            row.setMemo(line.memo() == null ? "" : line.memo());
            row.setReference(line.reference() == null ? "" : line.reference());
            rows.add(row);
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            db.batchInsert(rows.subList(from, Math.min(rows.size(), from + BATCH))).execute();
        }
        return id;
    }

    public Optional<StoredRun> run(UUID id) {
        return db.selectFrom(RECONCILIATION_RUNS).where(RECONCILIATION_RUNS.ID.eq(id))
                .fetchOptional(ReconciliationRepository::run);
    }

    /** The settlement's runs, newest first. */
    public List<StoredRun> runs(long settlementRef) {
        return db.selectFrom(RECONCILIATION_RUNS).where(RECONCILIATION_RUNS.SETTLEMENT_REF.eq(settlementRef))
                .orderBy(RECONCILIATION_RUNS.STARTED_AT.desc(), RECONCILIATION_RUNS.ID)
                .fetch(ReconciliationRepository::run);
    }

    public RunRows.Page<RunRows.Line> lines(UUID runId, int offset, int limit) {
        int total = db.fetchCount(RECONCILIATION_LINES, RECONCILIATION_LINES.RUN_ID.eq(runId));
        List<RunRows.Line> items = db.selectFrom(RECONCILIATION_LINES).where(RECONCILIATION_LINES.RUN_ID.eq(runId))
                .orderBy(RECONCILIATION_LINES.LINE_NO).offset(offset).limit(limit)
                .fetch(row -> new RunRows.Line(row.getLineNo(), row.getLineId(), row.getTransactionType(),
                        row.getOrderId(), row.getAmountType(), row.getAmountDescription(), row.getAmountMinor(),
                        row.getCurrency(), row.getPostedDate(), row.getSku(), row.getOutcome(), row.getMatchId(),
                        row.getGlAccount()));
        return new RunRows.Page<>(items, total, offset, limit);
    }

    public RunRows.Page<RunRows.Match> matches(UUID runId, int offset, int limit) {
        int total = db.fetchCount(RECONCILIATION_MATCHES, RECONCILIATION_MATCHES.RUN_ID.eq(runId));
        List<RunRows.Match> items = db.selectFrom(RECONCILIATION_MATCHES)
                .where(RECONCILIATION_MATCHES.RUN_ID.eq(runId))
                .orderBy(RECONCILIATION_MATCHES.MATCH_NO).offset(offset).limit(limit)
                .fetch(row -> new RunRows.Match(row.getMatchNo(), row.getMatchId(), row.getOrderId(),
                        row.getType(), row.getBasis(), row.getTransactionId(), row.getSettlementMinor(),
                        row.getSettlementCurrency(), row.getTransactionMinor(), row.getTransactionCurrency(),
                        row.getRate(), row.getConvertedMinor(), row.getDifferenceMinor(), row.getDayDifference(),
                        texts(row.getLineIds()), objects(row.getHints())));
        return new RunRows.Page<>(items, total, offset, limit);
    }

    public RunRows.Page<RunRows.Unmatched> unmatched(UUID runId, int offset, int limit) {
        int total = db.fetchCount(RECONCILIATION_UNMATCHED, RECONCILIATION_UNMATCHED.RUN_ID.eq(runId));
        List<RunRows.Unmatched> items = db.selectFrom(RECONCILIATION_UNMATCHED)
                .where(RECONCILIATION_UNMATCHED.RUN_ID.eq(runId))
                .orderBy(RECONCILIATION_UNMATCHED.ITEM_NO).offset(offset).limit(limit)
                .fetch(row -> new RunRows.Unmatched(row.getItemNo(), row.getSide(), row.getItemId(),
                        row.getOrderId(), row.getAmountMinor(), row.getCurrency(), row.getReason(),
                        row.getExplanation()));
        return new RunRows.Page<>(items, total, offset, limit);
    }

    /** A run's discrepancies with the settlement's resolutions of their fingerprints. */
    public RunRows.Page<RunRows.Discrepancy> discrepancies(UUID runId, int offset, int limit) {
        int total = db.fetchCount(RECONCILIATION_DISCREPANCIES, RECONCILIATION_DISCREPANCIES.RUN_ID.eq(runId));
        return new RunRows.Page<>(discrepancies(RECONCILIATION_DISCREPANCIES.RUN_ID.eq(runId), offset, limit), total,
                offset, limit);
    }

    /** The run's discrepancy number {@code itemNo}, with its resolution. */
    public Optional<RunRows.Discrepancy> discrepancy(UUID runId, int itemNo) {
        return discrepancies(RECONCILIATION_DISCREPANCIES.RUN_ID.eq(runId)
                .and(RECONCILIATION_DISCREPANCIES.ITEM_NO.eq(itemNo)), 0, 1).stream().findFirst();
    }

    private List<RunRows.Discrepancy> discrepancies(Condition condition, int offset, int limit) {
        return db.select(RECONCILIATION_DISCREPANCIES.asterisk(),
                        RECONCILIATION_RESOLUTIONS.NOTE, RECONCILIATION_RESOLUTIONS.RESOLVED_BY,
                        RECONCILIATION_RESOLUTIONS.RESOLVED_AT)
                .from(RECONCILIATION_DISCREPANCIES)
                .join(RECONCILIATION_RUNS).on(RECONCILIATION_RUNS.ID.eq(RECONCILIATION_DISCREPANCIES.RUN_ID))
                .leftJoin(RECONCILIATION_RESOLUTIONS)
                .on(RECONCILIATION_RESOLUTIONS.SETTLEMENT_REF.eq(RECONCILIATION_RUNS.SETTLEMENT_REF),
                        RECONCILIATION_RESOLUTIONS.FINGERPRINT.eq(RECONCILIATION_DISCREPANCIES.FINGERPRINT))
                .where(condition)
                .orderBy(RECONCILIATION_DISCREPANCIES.ITEM_NO).offset(offset).limit(limit)
                .fetch(row -> new RunRows.Discrepancy(row.get(RECONCILIATION_DISCREPANCIES.ITEM_NO),
                        row.get(RECONCILIATION_DISCREPANCIES.KIND), row.get(RECONCILIATION_DISCREPANCIES.FINGERPRINT),
                        row.get(RECONCILIATION_DISCREPANCIES.ORDER_ID),
                        texts(row.get(RECONCILIATION_DISCREPANCIES.LINE_IDS)),
                        texts(row.get(RECONCILIATION_DISCREPANCIES.TRANSACTION_IDS)),
                        row.get(RECONCILIATION_DISCREPANCIES.EXPECTED_MINOR),
                        row.get(RECONCILIATION_DISCREPANCIES.ACTUAL_MINOR),
                        row.get(RECONCILIATION_DISCREPANCIES.CURRENCY), row.get(RECONCILIATION_DISCREPANCIES.MESSAGE),
                        row.get(RECONCILIATION_RESOLUTIONS.NOTE), row.get(RECONCILIATION_RESOLUTIONS.RESOLVED_BY),
                        instant(row.get(RECONCILIATION_RESOLUTIONS.RESOLVED_AT))));
    }

    /** How many of the run's discrepancies have no resolution. */
    public int openDiscrepancies(UUID runId) {
        return db.fetchCount(db.select(RECONCILIATION_DISCREPANCIES.ITEM_NO).from(RECONCILIATION_DISCREPANCIES)
                .join(RECONCILIATION_RUNS).on(RECONCILIATION_RUNS.ID.eq(RECONCILIATION_DISCREPANCIES.RUN_ID))
                .leftJoin(RECONCILIATION_RESOLUTIONS)
                .on(RECONCILIATION_RESOLUTIONS.SETTLEMENT_REF.eq(RECONCILIATION_RUNS.SETTLEMENT_REF),
                        RECONCILIATION_RESOLUTIONS.FINGERPRINT.eq(RECONCILIATION_DISCREPANCIES.FINGERPRINT))
                .where(RECONCILIATION_DISCREPANCIES.RUN_ID.eq(runId), RECONCILIATION_RESOLUTIONS.NOTE.isNull()));
    }

    /**
     * Records the settlement's resolution of a fingerprint; a second resolution of the same fingerprint replaces the
     * note (and who and when).
     */
    public void resolve(long settlementRef, String fingerprint, String note, String actor) {
        db.insertInto(RECONCILIATION_RESOLUTIONS)
                .set(RECONCILIATION_RESOLUTIONS.SETTLEMENT_REF, settlementRef)
                .set(RECONCILIATION_RESOLUTIONS.FINGERPRINT, fingerprint)
                .set(RECONCILIATION_RESOLUTIONS.NOTE, note)
                .set(RECONCILIATION_RESOLUTIONS.RESOLVED_BY, actor)
                .onConflict(RECONCILIATION_RESOLUTIONS.SETTLEMENT_REF, RECONCILIATION_RESOLUTIONS.FINGERPRINT)
                .doUpdate()
                .set(RECONCILIATION_RESOLUTIONS.NOTE, note)
                .set(RECONCILIATION_RESOLUTIONS.RESOLVED_BY, actor)
                .set(RECONCILIATION_RESOLUTIONS.RESOLVED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** The run's journal lines in order. */
    public List<RunRows.JournalLine> journal(UUID runId) {
        return db.selectFrom(RECONCILIATION_JOURNAL_LINES).where(RECONCILIATION_JOURNAL_LINES.RUN_ID.eq(runId))
                .orderBy(RECONCILIATION_JOURNAL_LINES.LINE_NO)
                .fetch(row -> new RunRows.JournalLine(row.getLineNo(), row.getEntryId(), row.getEntryDate(),
                        row.getEntryDescription(), row.getLineNumber(), row.getAccount(), row.getAccountName(),
                        row.getDebitMinor(), row.getCreditMinor(), row.getCurrency(), row.getOriginalMinor(),
                        row.getOriginalCurrency(), row.getRate(), row.getMemo(), row.getReference()));
    }

    /** Notes that the run's journal was written to Dynamics through a connection. */
    public void journalWritten(UUID runId, String dynamicsConnectionId, String actor) {
        db.update(RECONCILIATION_RUNS)
                .set(RECONCILIATION_RUNS.DYNAMICS_CONNECTION_ID, dynamicsConnectionId)
                .set(RECONCILIATION_RUNS.DYNAMICS_WRITTEN_AT, DSL.currentOffsetDateTime())
                .set(RECONCILIATION_RUNS.DYNAMICS_WRITTEN_BY, actor)
                .where(RECONCILIATION_RUNS.ID.eq(runId)).execute();
    }

    private static StoredSettlement settlement(ReconciliationSettlementsRecord row) {
        return new StoredSettlement(row.getId(), row.getAmazonConnectionId(), row.getSettlementId(),
                row.getReportId(), row.getReportDocumentId(), instant(row.getPeriodStart()),
                instant(row.getPeriodEnd()), instant(row.getDepositDate()), row.getTotalMinor(), row.getCurrency(),
                row.getLineCount(), row.getFetchedBy(), instant(row.getFetchedAt()));
    }

    @SuppressWarnings("unchecked")
    private static StoredRun run(ReconciliationRunsRecord row) {
        return new StoredRun(row.getId(), row.getSettlementRef(), row.getOpayoConnectionId(), row.getStatus(),
                map(row.getSummary()), (List<Object>) PayloadJson.read(row.getFraudHints().data()),
                row.getDiscrepancyCount(), row.getStartedBy(), instant(row.getStartedAt()),
                row.getDynamicsConnectionId(), instant(row.getDynamicsWrittenAt()), row.getDynamicsWrittenBy());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        return json.data() == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) PayloadJson.read(json.data()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(JSONB json) {
        return json == null ? List.of() : ((List<Object>) PayloadJson.read(json.data())).stream()
                .map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(JSONB json) {
        return json == null ? List.of() : ((List<Object>) PayloadJson.read(json.data())).stream()
                .map(item -> (Map<String, Object>) item).toList();
    }

    private static JSONB json(Object value) {
        return JSONB.valueOf(PayloadJson.write(value));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
