package dev.junction.backend.reconciliation.matching;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalCsvTest {

    @Test
    void writesTheFixedColumnsWithRfc4180QuotingAndMajorUnits() {
        JournalEntry entry = new JournalEntry("JE-S1", "S1", LocalDate.of(2026, 11, 15), "Amazon settlement S1",
                List.of(new JournalLine(1, "1210", 3525, 0, "EUR", 3525, "EUR", null, "Deposit, \"S1\"", "S1"),
                        new JournalLine(2, "4000", 0, 4500, "EUR", -4500, "EUR", null, "Principal\nOrder", "S1"),
                        new JournalLine(3, "6110", 975, 0, "JPY", 975, "JPY", null, "Commission", "S1")));
        assertThat(JournalCsv.write(List.of(entry))).isEqualTo(
                "entry_id,settlement_id,date,line,account,debit,credit,currency,original_amount,original_currency,"
                        + "rate,memo,reference\r\n"
                        + "JE-S1,S1,2026-11-15,1,1210,35.25,,EUR,35.25,EUR,,\"Deposit, \"\"S1\"\"\",S1\r\n"
                        + "JE-S1,S1,2026-11-15,2,4000,,45.00,EUR,-45.00,EUR,,\"Principal\nOrder\",S1\r\n"
                        + "JE-S1,S1,2026-11-15,3,6110,975,,JPY,975,JPY,,Commission,S1\r\n");
    }
}
