package dev.junction.connectors.dataverse;

import dev.junction.connectors.dataverse.DataverseApi.Request;
import dev.junction.engine.connectors.ConnectorException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Journal lines of a settlement reconciliation written to Dynamics: each line upserted by its alternate key
 * {@code jnc_lineref} ({@code PATCH jnc_journallines(jnc_lineref='…')}), so writing a journal again (a retry, a
 * second click) updates the same records instead of adding a second set.
 *
 * <p>UNCONFIRMED (api-contracts §3): Dataverse has no standard general-ledger journal entity — Dynamics 365 Finance
 * keeps its ledger journals outside Dataverse. The entity set {@value #ENTITY_SET} and its {@code jnc_} columns are
 * a Junction choice (a custom table an environment must create, listed in docs/reconciliation.md); a connection may
 * name another entity set with the same columns.
 */
final class JournalLines {

    static final String ENTITY_SET = "jnc_journallines";
    static final String KEY = "jnc_lineref";

    private JournalLines() {
    }

    static Map<String, Object> write(DataverseApi api, Inputs input) throws ConnectorException {
        String entitySet = OData.identifier("entitySet", input.text("entitySet").orElse(ENTITY_SET));
        List<Map<String, Object>> lines = lines(input);
        int created = 0;
        List<Object> written = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            String lineRef = text(line, "lineRef", i);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("jnc_name", text(line, "journal", i) + " " + lineRef);
            record.put("jnc_journal", text(line, "journal", i));
            record.put("jnc_entryref", optional(line, "entryRef"));
            record.put("jnc_account", text(line, "account", i));
            record.put("jnc_accountname", optional(line, "accountName"));
            record.put("jnc_debit", amount(line, "debit", i));
            record.put("jnc_credit", amount(line, "credit", i));
            record.put("jnc_currency", text(line, "currency", i));
            record.put("jnc_postingdate", OData.dateTime("lines[" + i + "].postingDate",
                    text(line, "postingDate", i)));
            record.put("jnc_description", optional(line, "description"));
            String target = entitySet + "(" + OData.alternateKey(KEY, lineRef) + ")";
            Request request = DataverseApi.write("PATCH", target, record, "return=representation");
            var response = api.send(request);
            Map<String, Object> stored = RecordOperations.withoutContext(DataverseApi.json(response, request));
            boolean isNew = response.status() == 201;
            created += isNew ? 1 : 0;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("lineRef", lineRef);
            result.put("id", stored.get("jnc_journallineid"));
            result.put("created", isNew);
            written.add(result);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("entitySet", entitySet);
        output.put("written", (long) written.size());
        output.put("created", (long) created);
        output.put("updated", (long) (written.size() - created));
        output.put("lines", written);
        return output;
    }

    private static List<Map<String, Object>> lines(Inputs input) throws ConnectorException {
        List<Map<String, Object>> lines = new ArrayList<>();
        if (input.values().get("lines") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> line = new LinkedHashMap<>();
                if (item instanceof Map<?, ?> map) {
                    map.forEach((key, value) -> line.put(String.valueOf(key), value));
                }
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw Inputs.invalid("lines", "has no journal lines");
        }
        return lines;
    }

    private static String text(Map<String, Object> line, String field, int index) throws ConnectorException {
        if (line.get(field) instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        throw Inputs.invalid("lines[" + index + "]." + field, "is required");
    }

    private static String optional(Map<String, Object> line, String field) {
        return line.get(field) instanceof String text ? text : null;
    }

    /** A debit or credit in major units (a number or decimal text), never negative. */
    private static BigDecimal amount(Map<String, Object> line, String field, int index) throws ConnectorException {
        Object value = line.get(field);
        try {
            BigDecimal amount = value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
            if (amount.signum() < 0) {
                throw Inputs.invalid("lines[" + index + "]." + field, "must not be negative (a credit is written"
                        + " as credit, not as a negative debit)");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw Inputs.invalid("lines[" + index + "]." + field, "must be a decimal amount, like 12.50");
        }
    }
}
