package dev.junction.ui.templates;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's test input is run only when it is a JSON object; otherwise the field says what is wrong. */
class TestInputFieldTest {

    @Test
    void onlyAJsonObjectIsATestInput() {
        assertThat(TestInputField.problem("{\"orderId\": \"SHOP-1\", \"amount\": 2598}")).isNull();
        assertThat(TestInputField.problem("{\"orderId\": ")).startsWith("Test input: not valid JSON (");
        assertThat(TestInputField.problem("[{\"orderId\": \"SHOP-1\"}]")).isEqualTo(
                "Test input: must be a JSON object ({…}), the trigger's payload");
        assertThat(TestInputField.problem("\"SHOP-1\"")).startsWith("Test input: must be a JSON object");
        assertThat(TestInputField.problem("   ")).isEqualTo("Test input: enter a JSON object, e.g. the template's"
                + " sample");
    }
}
