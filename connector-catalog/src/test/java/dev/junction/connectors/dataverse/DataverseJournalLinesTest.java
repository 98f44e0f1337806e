package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Journal lines written to the (Junction-chosen) jnc_journallines table, upserted by their line reference. */
class DataverseJournalLinesTest {

    private static DataverseSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new DataverseSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private static Map<String, Object> line(String ref, String account, String debit, String credit) {
        return Map.of("lineRef", ref, "journal", "S-1", "entryRef", "S-1-1", "account", account,
                "accountName", "Account " + account, "debit", debit, "credit", credit, "currency", "GBP",
                "postingDate", "2026-11-24", "description", "settlement S-1");
    }

    @Test
    void linesAreCreatedOnceAndWritingAgainUpdatesTheSameRecords() throws Exception {
        Map<String, Object> input = Map.of("lines", List.of(line("S-1-1-1", "1200", "95.00", "0.00"),
                line("S-1-1-2", "4000", "0.00", "95.00")));

        Map<String, Object> first = sandbox.call("writeJournalLines", input);
        Map<String, Object> again = sandbox.call("writeJournalLines", input);

        assertThat(first.get("written")).isEqualTo(2L);
        assertThat(first.get("created")).isEqualTo(2L);
        assertThat(again.get("created")).isEqualTo(0L);
        assertThat(again.get("updated")).isEqualTo(2L);
        List<Map<String, Object>> stored = sandbox.simulator.journalLines();
        assertThat(stored).hasSize(2);
        assertThat(stored).extracting(row -> row.get("jnc_lineref")).containsExactly("S-1-1-1", "S-1-1-2");
        assertThat(stored.get(0).get("jnc_debit")).isEqualTo(95.0);
        assertThat(stored.get(1).get("jnc_credit")).isEqualTo(95.0);
        assertThat(stored.get(0).get("jnc_postingdate")).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(stored.get(0).get("jnc_journal")).isEqualTo("S-1");
    }

    @Test
    void aLineWithoutAnAccountIsRefusedNamingTheField() {
        ConnectorException failure = sandbox.failure("writeJournalLines", Map.of("lines", List.of(Map.of(
                "lineRef", "x", "journal", "S-1", "debit", "1.00", "credit", "0.00", "currency", "GBP",
                "postingDate", "2026-11-24"))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("account");
        assertThat(sandbox.simulator.journalLines()).isEmpty();
    }
}
