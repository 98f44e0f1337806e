package dev.junction.backend.alerts.conditions;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * "A settlement reconciliation needs attention": the latest reconciliation of a settlement (issue 19) has at least
 * {@code minimum} fraud and anomaly hints from Opayo's fields (3-D Secure not authenticated, address or security
 * code mismatch, an unusual refund share), or at least {@code minimum} discrepancies nobody has resolved yet. One
 * finding per settlement and {@code finding}; it clears when a later reconciliation of the settlement no longer has
 * them, or when its discrepancies are resolved. In scope: a settlement whose Amazon or Opayo connection the scope
 * covers (a workflow or tag scope: the connections its published versions use); everything: every settlement.
 * The settlements' latest reconciliations are read once per cycle for all such rules.
 */
@Component
public class ReconciliationFindingsCondition implements AlertCondition {

    static final String FRAUD_HINTS = "fraud_hints";
    static final String OPEN_DISCREPANCIES = "open_discrepancies";

    private final DSLContext db;
    private final ScopedWorkflows workflows;

    ReconciliationFindingsCondition(DSLContext db, ScopedWorkflows workflows) {
        this.db = db;
        this.workflows = workflows;
    }

    @Override
    public String kind() {
        return "reconciliation_findings";
    }

    @Override
    public String title() {
        return "A settlement reconciliation needs attention";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        return ObjectSchema.requiring("finding")
                .property("finding", Map.of("type", "string", "title", "Finding",
                        "description", "What in a settlement's latest reconciliation fires the rule",
                        "enum", List.of(FRAUD_HINTS, OPEN_DISCREPANCIES), "default", OPEN_DISCREPANCIES,
                        "x-enumNames", List.of("Fraud and anomaly hints (3-D Secure, address or security code"
                                + " mismatch, refund share)", "Discrepancies not resolved yet")))
                .property("minimum", Parameters.integerField("At least",
                        "Fires when a settlement's latest reconciliation has at least this many", 1, 100_000, 1))
                .build();
    }

    /** A settlement's latest reconciliation, as the rules read it. */
    record Latest(long settlementRef, String settlementId, String amazonConnection, String opayoConnection,
                  UUID runId, OffsetDateTime reconciledAt, Map<String, Integer> hintsByKind, int openDiscrepancies) {

        int hints() {
            return hintsByKind.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, now, new CycleReads());
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                       CycleReads reads) {
        String finding = Parameters.text(parameters, "finding", OPEN_DISCREPANCIES);
        long minimum = Parameters.integer(parameters, "minimum", 1);
        var connections = ScopedConnections.of(scope, workflows, db, reads);
        List<AlertFinding> findings = new ArrayList<>();
        for (Latest latest : reads.once("reconciliation_latest", this::latestReconciliations)) {
            if (connections.isPresent() && !connections.get().contains(latest.amazonConnection())
                    && !connections.get().contains(latest.opayoConnection())) {
                continue;
            }
            boolean hints = FRAUD_HINTS.equals(finding);
            int count = hints ? latest.hints() : latest.openDiscrepancies();
            if (count < minimum) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("settlementId", latest.settlementId());
            details.put("reconciliationRunId", latest.runId().toString());
            details.put("amazonConnection", latest.amazonConnection());
            details.put("opayoConnection", latest.opayoConnection());
            details.put("reconciledAt", latest.reconciledAt().toInstant().toString());
            details.put(hints ? "hints" : "openDiscrepancies", count);
            if (hints) {
                details.put("hintsByKind", latest.hintsByKind());
            }
            String what = hints ? count + (count == 1 ? " fraud or anomaly hint" : " fraud or anomaly hints")
                    + " (" + hintWords(latest.hintsByKind()) + ")"
                    : count + (count == 1 ? " discrepancy" : " discrepancies") + " not resolved yet";
            findings.add(new AlertFinding(kind() + ":" + finding + ":" + latest.settlementRef(),
                    "Settlement " + latest.settlementId() + " (" + latest.amazonConnection() + " against "
                            + latest.opayoConnection() + "): " + what,
                    "reconciliation/" + latest.runId(), details));
        }
        return findings;
    }

    /** "2 address mismatches, 1 3-D Secure not authenticated": the kinds in words, most frequent first. */
    private static String hintWords(Map<String, Integer> byKind) {
        List<String> words = new ArrayList<>();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> words.add(entry.getValue() + " " + switch (entry.getKey()) {
                    case "THREE_D_SECURE_NOT_AUTHENTICATED" -> "3-D Secure not authenticated";
                    case "AVS_MISMATCH" -> entry.getValue() == 1 ? "address mismatch" : "address mismatches";
                    case "CV2_MISMATCH" -> entry.getValue() == 1 ? "security code mismatch"
                            : "security code mismatches";
                    case "HIGH_REFUND_SHARE" -> "unusual refund share";
                    default -> entry.getKey().toLowerCase(Locale.ROOT).replace('_', ' ');
                }));
        return String.join(", ", words);
    }

    /** Every settlement's latest reconciliation with its hints by kind and its discrepancies still open. */
    private List<Latest> latestReconciliations() {
        List<Latest> latest = new ArrayList<>();
        for (Record row : db.fetch("""
                select s.id as settlement_ref, s.settlement_id, s.amazon_connection_id, r.opayo_connection_id,
                       r.id as run_id, r.started_at,
                       (select coalesce(jsonb_object_agg(kind, n), '{}'::jsonb)::text
                        from (select h ->> 'kind' as kind, count(*) as n
                              from jsonb_array_elements(r.fraud_hints) h group by 1) k) as hints,
                       (select count(*) from reconciliation_discrepancies d
                        where d.run_id = r.id and not exists (
                            select 1 from reconciliation_resolutions x
                            where x.settlement_ref = s.id and x.fingerprint = d.fingerprint)) as open
                from reconciliation_settlements s
                join lateral (select * from reconciliation_runs r where r.settlement_ref = s.id
                              order by r.started_at desc limit 1) r on true""")) {
            Map<String, Integer> hints = new TreeMap<>();
            if (PayloadJson.read(row.get("hints", String.class)) instanceof Map<?, ?> counted) {
                counted.forEach((kind, n) -> hints.put(String.valueOf(kind), ((Number) n).intValue()));
            }
            latest.add(new Latest(row.get("settlement_ref", Long.class), row.get("settlement_id", String.class),
                    row.get("amazon_connection_id", String.class), row.get("opayo_connection_id", String.class),
                    row.get("run_id", UUID.class), row.get("started_at", OffsetDateTime.class), hints,
                    row.get("open", Integer.class)));
        }
        return latest;
    }
}
