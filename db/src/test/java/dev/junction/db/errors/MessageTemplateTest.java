package dev.junction.db.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates of messages our connectors and nodes really raise. */
class MessageTemplateTest {

    @Test
    void opayoDuplicateVendorTxCodesShareATemplate() {
        String first = MessageTemplate.of("vendorTxCode JUN-8812 was sent before by this step with a different"
                + " request (amount 1250 GBP)");
        String second = MessageTemplate.of("vendorTxCode JUN-90211 was sent before by this step with a different"
                + " request (amount 99 GBP)");
        assertThat(first).isEqualTo(second)
                .isEqualTo("vendorTxCode <id> was sent before by this step with a different request (amount <n> GBP)");
    }

    @Test
    void amazonOrderIdsAndDatesArePlaceholders() {
        assertThat(MessageTemplate.of("pollOrders: order 206-1234567-7654321 has no readable LastUpdateDate"))
                .isEqualTo("pollOrders: order <order-id> has no readable LastUpdateDate");
        assertThat(MessageTemplate.of("getReport: report 51234019 ended FATAL: Amazon could not produce it; its"
                + " error document is amzn1.tortuga.4.eu.T1AB2CD3EF"))
                .isEqualTo("getReport: report <n> ended FATAL: Amazon could not produce it; its error document is"
                        + " <id>.tortuga.<n>.eu.<id>");
        assertThat(MessageTemplate.of("the settlement of 2026-11-23T10:15:30Z was not ready at 2026-11-24"))
                .isEqualTo("the settlement of <time> was not ready at <time>");
    }

    @Test
    void quotedValuesUuidsAndAddressesArePlaceholders() {
        assertThat(MessageTemplate.of("the setting 'amazon.marketplaceId' is missing"))
                .isEqualTo("the setting '<value>' is missing");
        assertThat(MessageTemplate.of("run 3f2b8c1e-9a4d-4c1b-8e2f-0a1b2c3d4e5f of workflow \"Orders\" failed"))
                .isEqualTo("run <uuid> of workflow \"<value>\" failed");
        assertThat(MessageTemplate.of("could not send to ops@example.com: mailbox full"))
                .isEqualTo("could not send to <email>: mailbox full");
    }

    @Test
    void rateLimitAndHttpMessagesKeepTheirWordsAndLoseTheirNumbers() {
        assertThat(MessageTemplate.of("the remote answered 429 Too Many Requests; retry after 2.5 s"))
                .isEqualTo(MessageTemplate.of("the remote answered 429 Too Many Requests; retry after 30 s"))
                .isEqualTo("the remote answered <n> Too Many Requests; retry after <n> s");
        assertThat(MessageTemplate.of("Opayo answered HTTP 422: Amount must be greater than 0.01"))
                .isEqualTo("Opayo answered HTTP <n>: Amount must be greater than <n>");
    }

    @Test
    void differentKindsOfFailureKeepDifferentTemplates() {
        assertThat(MessageTemplate.of("sku SKU-1 is not in table 'sku-to-asin'"))
                .isNotEqualTo(MessageTemplate.of("order ORD-7 was already created"));
        assertThat(MessageTemplate.of(null)).isEmpty();
        assertThat(MessageTemplate.of("x".repeat(900))).hasSize(MessageTemplate.MAX_LENGTH);
        assertThat(MessageTemplate.of("  two\n  lines  ")).isEqualTo("two lines");
    }
}
