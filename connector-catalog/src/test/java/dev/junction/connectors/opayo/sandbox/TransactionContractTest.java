package dev.junction.connectors.opayo.sandbox;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented field rules of POST /transactions, per transaction type. */
class TransactionContractTest {

    private static Map<String, Object> payment(Map<String, Object> address) {
        Map<String, Object> request = new HashMap<>(Map.of("transactionType", "Payment", "vendorTxCode", "v-1",
                "amount", 100L, "currency", "GBP", "description", "d", "customerFirstName", "Ada",
                "customerLastName", "Lovelace", "paymentMethod",
                Map.of("card", Map.of("merchantSessionKey", "M", "cardIdentifier", "C"))));
        request.put("billingAddress", address);
        return request;
    }

    private static List<String> properties(Map<String, Object> request) {
        return TransactionContract.check(request).stream().map(TransactionContract.Problem::property).toList();
    }

    @Test
    void aCompletePaymentPasses() {
        assertThat(TransactionContract.check(payment(Map.of("address1", "1 Row", "city", "London",
                "postalCode", "N1 1AA", "country", "GB")))).isEmpty();
    }

    @Test
    void usAddressesNeedAStateAndIrishOnesNoPostcode() {
        assertThat(properties(payment(Map.of("address1", "1 Main St", "city", "Boston", "postalCode", "02101",
                "country", "US")))).containsExactly("billingAddress.state");
        assertThat(properties(payment(Map.of("address1", "1 Main St", "city", "Dublin", "country", "IE"))))
                .isEmpty();
        assertThat(properties(payment(Map.of("address1", "1 Row", "city", "London", "country", "GB"))))
                .containsExactly("billingAddress.postalCode");
        assertThat(properties(payment(Map.of("address1", "1 Row", "city", "London", "postalCode", "12345678901",
                "country", "GB")))).containsExactly("billingAddress.postalCode");
    }

    @Test
    void referencingTypesNeedTheOriginalAndNoCard() {
        assertThat(properties(Map.of("transactionType", "Refund", "vendorTxCode", "r-1", "amount", 100L,
                "description", "refund"))).containsExactly("referenceTransactionId");
        assertThat(properties(Map.of("transactionType", "Repeat", "vendorTxCode", "r-1", "amount", 100L,
                "description", "again", "referenceTransactionId", "T-1"))).containsExactly("currency");
        assertThat(properties(Map.of("transactionType", "Payment", "vendorTxCode", "r-1", "amount", 100L,
                "description", "x", "cv2", "12")).contains("cv2")).isTrue();
    }

    @Test
    void anUnknownTypeIsNamedAndNothingElseIsChecked() {
        assertThat(TransactionContract.check(Map.of("transactionType", "Sale"))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("was 'Sale'"));
    }

    @Test
    void vendorTxCodesAllowOnlyOpayosCharacters() {
        Map<String, Object> request = payment(Map.of("address1", "1 Row", "city", "London", "postalCode", "N1",
                "country", "GB"));
        request.put("vendorTxCode", "order 1001/a");

        assertThat(TransactionContract.check(request)).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("vendorTxCode: may contain only"));
    }
}
