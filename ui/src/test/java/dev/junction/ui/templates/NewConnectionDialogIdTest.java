package dev.junction.ui.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection made in the wizard gets an id from its name that the connection service accepts. */
class NewConnectionDialogIdTest {

    @Test
    void anIdIsLowerCaseLettersDigitsAndDashes() {
        assertThat(NewConnectionDialog.idFrom("Amazon EU — live (Café)")).isEqualTo("amazon-eu-live-cafe");
        assertThat(NewConnectionDialog.idFrom("  --Opayo  ")).isEqualTo("opayo");
        assertThat(NewConnectionDialog.idFrom("x".repeat(80))).hasSize(63);
    }
}
