package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Records read and written, upserts, contact and product look-ups, and the sales order actions. */
class DataverseRecordWritesTest {

    private static final String HOLLINS_ORDER = "7e1b6f02-3c8d-ef11-8a69-000000000001";
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

    private static Map<String, Object> order(String id) throws ConnectorException {
        return sandbox.call("getRecord", Map.of("entitySet", "salesorders", "id", id,
                "select", List.of("ordernumber", "statecode", "statuscode", "description", "datefulfilled")));
    }

    @Test
    void aRecordIsReadWithItsEtagAndExpandedLines() throws Exception {
        Map<String, Object> record = sandbox.call("getRecord", Map.of("entitySet", "salesorders",
                "id", HOLLINS_ORDER, "select", List.of("ordernumber", "totalamount"), "expand", List.of("order_details")));

        assertThat(record.get("ordernumber")).isEqualTo("ORD-01042-Q7F2R9");
        assertThat(record.get("totalamount")).isEqualTo(1249.0);
        assertThat(record.get("@odata.etag").toString()).matches("W/\"\\d+\"");
        assertThat(record).doesNotContainKey("@odata.context").doesNotContainKey("name");
        assertThat((List<?>) record.get("order_details")).hasSize(2);
    }

    @Test
    void aMissingRecordIsAPermanentNotFoundNamingTheCode() {
        ConnectorException failure = sandbox.failure("getRecord", Map.of("entitySet", "contacts",
                "id", "00000000-0000-0000-0000-000000000001"));

        assertThat(failure.errorClass()).isEqualTo("NotFound");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("0x80040217").contains("GET contacts(");
    }

    @Test
    void aCreatedRecordComesBackWithItsIdAndBoundLookups() throws Exception {
        Map<String, Object> created = sandbox.call("createRecord", Map.of("entitySet", "contacts", "record",
                Map.of("firstname", "Ada", "lastname", "Okafor", "emailaddress1", "ada@okafor.example",
                        "parentcustomerid_account@odata.bind", "/accounts(1c9e2a44-3c8d-ef11-8a69-000d3a4b2c11)")));

        assertThat(created.get("contactid").toString()).matches("[0-9a-f-]{36}");
        assertThat(created.get("fullname")).isEqualTo("Ada Okafor");
        assertThat(created.get("_parentcustomerid_value")).isEqualTo("1c9e2a44-3c8d-ef11-8a69-000d3a4b2c11");
        assertThat(sandbox.call("getRecord", Map.of("entitySet", "contacts", "id", created.get("contactid")))
                .get("emailaddress1")).isEqualTo("ada@okafor.example");
    }

    @Test
    void entitySetsAndColumnNamesFromInputsAreChecked() {
        ConnectorException set = sandbox.failure("createRecord", Map.of("entitySet", "systemusers",
                "record", Map.of("name", "x")));
        ConnectorException column = sandbox.failure("createRecord", Map.of("entitySet", "contacts",
                "record", Map.of("lastname)/x", "x")));
        ConnectorException bind = sandbox.failure("createRecord", Map.of("entitySet", "contacts",
                "record", Map.of("parentcustomerid_account@odata.bind", "https://elsewhere.example/x")));
        ConnectorException unknown = sandbox.failure("createRecord", Map.of("entitySet", "contacts",
                "record", Map.of("nickname", "Ada")));

        assertThat(set.errorClass()).isEqualTo("InvalidInput");
        assertThat(set.getMessage()).contains("systemusers").contains("salesorders");
        assertThat(column.errorClass()).isEqualTo("InvalidInput");
        assertThat(bind.errorClass()).isEqualTo("InvalidInput");
        assertThat(unknown.errorClass()).isEqualTo("RemoteValidation");
        assertThat(unknown.getMessage()).contains("nickname").contains("0x80060888");
    }

    @Test
    void anUpdateWithTheEtagReadGoesThroughAndOneWithAStaleEtagIsAConflictNamingIt() throws Exception {
        String etag = (String) order(HOLLINS_ORDER).get("@odata.etag");

        Map<String, Object> updated = sandbox.call("updateRecord", Map.of("entitySet", "salesorders",
                "id", HOLLINS_ORDER, "etag", etag, "record", Map.of("description", "Call before delivery")));
        ConnectorException stale = sandbox.failure("updateRecord", Map.of("entitySet", "salesorders",
                "id", HOLLINS_ORDER, "etag", etag, "record", Map.of("description", "Lost update")));

        assertThat(updated.get("description")).isEqualTo("Call before delivery");
        assertThat(updated.get("@odata.etag")).isNotEqualTo(etag);
        assertThat(stale.errorClass()).isEqualTo("Conflict");
        assertThat(stale.retryable()).isFalse();
        assertThat(stale.remoteStatus()).isEqualTo(412);
        assertThat(stale.getMessage()).contains(etag).contains("0x80060882");
        assertThat(order(HOLLINS_ORDER).get("description")).isEqualTo("Call before delivery");
    }

    @Test
    void anUpdateNeverCreatesAMissingRecord() throws Exception {
        ConnectorException failure = sandbox.failure("updateRecord", Map.of("entitySet", "contacts",
                "id", "00000000-0000-0000-0000-0000000000aa", "record", Map.of("lastname", "Ghost")));

        assertThat(failure.errorClass()).isEqualTo("NotFound");
        assertThat(sandbox.call("querySalesOrders", Map.of()).get("orders")).asList().hasSize(8);
    }

    @Test
    void anUpsertByAlternateKeyCreatesOnceAndThenUpdatesTheSameRecord() throws Exception {
        Map<String, Object> first = sandbox.call("upsertByAlternateKey", Map.of("entitySet", "products",
                "keyField", "productnumber", "keyValue", "GF-LOUNGER-190", "record",
                Map.of("name", "Teak sun lounger", "price", 549.0)));
        Map<String, Object> again = sandbox.call("upsertByAlternateKey", Map.of("entitySet", "products",
                "keyField", "productnumber", "keyValue", "GF-LOUNGER-190", "record",
                Map.of("name", "Teak sun lounger", "price", 529.0)));
        ConnectorException createOnly = sandbox.failure("upsertByAlternateKey", Map.of("entitySet", "products",
                "keyField", "productnumber", "keyValue", "GF-LOUNGER-190", "mode", "createOnly",
                "record", Map.of("name", "Duplicate")));

        Map<?, ?> created = (Map<?, ?>) first.get("record");
        Map<?, ?> updated = (Map<?, ?>) again.get("record");
        assertThat(first.get("created")).isEqualTo(true);
        assertThat(again.get("created")).isEqualTo(false);
        assertThat(updated.get("productid")).isEqualTo(created.get("productid"));
        assertThat(updated.get("price")).isEqualTo(529.0);
        assertThat(createOnly.errorClass()).isEqualTo("Conflict");
        assertThat(createOnly.getMessage()).contains("GF-LOUNGER-190");
    }

    @Test
    void aCreateOnlyRepeatedAfterALostAnswerAnswersTheRecordItsFirstAttemptCreated() throws Exception {
        Map<String, Object> input = Map.of("entitySet", "products", "keyField", "productnumber", "mode",
                "createOnly", "record", Map.of("name", "Oak bench", "price", 199.0));
        sandbox.planFault("PATCH products:afterWrite", 500, null, 1);
        ConnectorException lost = catchThrowableOfType(ConnectorException.class,
                () -> sandbox.call("upsertByAlternateKey", input, "run-9:node-2"));

        Map<String, Object> repeated = sandbox.repeatedCall("upsertByAlternateKey", input, "run-9:node-2");

        assertThat(lost.retryable()).isTrue();
        assertThat(repeated.get("created")).isEqualTo(true);
        assertThat(((Map<?, ?>) repeated.get("record")).get("productnumber")).isEqualTo("run-9:node-2");
        assertThat(((Map<?, ?>) repeated.get("record")).get("name")).isEqualTo("Oak bench");
        assertThat(sandbox.simulator.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void aCreateOnlyOfAnotherRequestUnderAUsedKeyIsAConflictNotThatRecord() throws Exception {
        sandbox.call("upsertByAlternateKey", Map.of("entitySet", "products", "keyField", "productnumber",
                "keyValue", "GF-CHAIR-001", "mode", "createOnly", "record", Map.of("name", "Garden chair",
                        "price", 89.0)), "run-a:node-2");
        Map<String, Object> other = Map.of("entitySet", "products", "keyField", "productnumber",
                "keyValue", "GF-CHAIR-001", "mode", "createOnly", "record", Map.of("name", "Folding chair",
                        "price", 59.0));

        ConnectorException onFirstCall = catchThrowableOfType(ConnectorException.class,
                () -> sandbox.call("upsertByAlternateKey", other, "run-b:node-2"));
        ConnectorException onRepeat = catchThrowableOfType(ConnectorException.class,
                () -> sandbox.repeatedCall("upsertByAlternateKey", other, "run-b:node-2"));

        assertThat(onFirstCall.errorClass()).isEqualTo("Conflict");
        assertThat(onFirstCall.getMessage()).contains("GF-CHAIR-001").contains("never written");
        assertThat(onRepeat.errorClass()).isEqualTo("Conflict");
        assertThat(onRepeat.getMessage()).contains("name: this request has 'Folding chair'")
                .contains("price");
    }

    @Test
    void anUpsertWithoutAKeyValueUsesTheStepsIdempotencyKeySoARetryWritesTheSameOrder() throws Exception {
        Map<String, Object> input = Map.of("entitySet", "salesorders", "keyField", "ordernumber", "record",
                Map.of("name", "Amazon order 203-1234567-1234567",
                        "customerid_contact@odata.bind", "/contacts(2d0f3b55-4d9e-ef11-8a69-000d3a4b2c11)"));

        Map<String, Object> first = sandbox.call("upsertByAlternateKey", input, "run-7/node-3/0");
        Map<String, Object> retry = sandbox.call("upsertByAlternateKey", input, "run-7/node-3/0");

        assertThat(((Map<?, ?>) first.get("record")).get("ordernumber")).isEqualTo("run-7/node-3/0");
        assertThat(retry.get("created")).isEqualTo(false);
        assertThat(((Map<?, ?>) retry.get("record")).get("salesorderid"))
                .isEqualTo(((Map<?, ?>) first.get("record")).get("salesorderid"));
        assertThat(sandbox.call("querySalesOrders", Map.of("ordernumber", "run-7/node-3/0")).get("orders"))
                .asList().hasSize(1);
    }

    @Test
    void aContactIsFoundByAnEmailAddressWithAQuoteOrCreatedOnce() throws Exception {
        Map<String, Object> existing = sandbox.call("findOrCreateContact",
                Map.of("emailaddress1", "siobhan.o'brien@example.ie"));
        Map<String, Object> created = sandbox.call("findOrCreateContact", Map.of("emailaddress1",
                "new.buyer@example.com", "firstname", "New", "lastname", "Buyer", "address1_city", "York"));
        Map<String, Object> retried = sandbox.call("findOrCreateContact", Map.of("emailaddress1",
                "new.buyer@example.com", "firstname", "New", "lastname", "Buyer"));

        assertThat(existing.get("created")).isEqualTo(false);
        assertThat(((Map<?, ?>) existing.get("contact")).get("fullname")).isEqualTo("Siobhan O'Brien");
        assertThat(created.get("created")).isEqualTo(true);
        assertThat(((Map<?, ?>) created.get("contact")).get("address1_city")).isEqualTo("York");
        assertThat(retried.get("created")).isEqualTo(false);
        assertThat(((Map<?, ?>) retried.get("contact")).get("contactid"))
                .isEqualTo(((Map<?, ?>) created.get("contact")).get("contactid"));
    }

    @Test
    void aContactCreatedWhoseAnswerWasLostIsFoundByTheRetryNotCreatedTwice() throws Exception {
        sandbox.planFault("POST contacts:afterWrite", 500, null, 1);
        Map<String, Object> input = Map.of("emailaddress1", "lost.answer@example.com", "firstname", "Lost",
                "lastname", "Answer");

        ConnectorException lost = sandbox.failure("findOrCreateContact", input);
        Map<String, Object> retried = sandbox.call("findOrCreateContact", input);

        assertThat(lost.retryable()).isTrue();
        assertThat(retried.get("created")).isEqualTo(false);
        assertThat(((Map<?, ?>) retried.get("contact")).get("fullname")).isEqualTo("Lost Answer");
        assertThat(sandbox.simulator.counters().duplicateSideEffects()).isZero();
        assertThat(sandbox.simulator.counters().faultsInjected()).isEqualTo(1);
    }

    @Test
    void aProductIsFoundByItsNumberAndAnUnknownNumberIsNotFoundWithoutFailing() throws Exception {
        Map<String, Object> bench = sandbox.call("findProductByNumber", Map.of("productnumber", "GF-BENCH-150"));
        Map<String, Object> unknown = sandbox.call("findProductByNumber", Map.of("productnumber", "NO-SUCH'SKU"));

        assertThat(bench.get("found")).isEqualTo(true);
        assertThat(((Map<?, ?>) bench.get("product")).get("name")).isEqualTo("Teak bench 1.5 m");
        assertThat(((Map<?, ?>) bench.get("product")).get("_defaultuomid_value")).isNotNull();
        assertThat(unknown.get("found")).isEqualTo(false);
        assertThat(unknown.get("product")).isNull();
    }

    @Test
    void fulfillingAnOrderClosesItAsCompleteAndARetryAnswersAlreadyDone() throws Exception {
        Map<String, Object> fulfilled = sandbox.call("fulfillSalesOrder", Map.of("ordernumber", "ORD-01045-D4F6G2"));
        Map<String, Object> retried = sandbox.call("fulfillSalesOrder", Map.of("ordernumber", "ORD-01045-D4F6G2"));
        Map<String, Object> order = order("7e1b6f02-3c8d-ef11-8a69-000000000004");

        assertThat(fulfilled.get("alreadyDone")).isEqualTo(false);
        assertThat(retried.get("alreadyDone")).isEqualTo(true);
        assertThat(order.get("statecode")).isEqualTo(3L);
        assertThat(order.get("statuscode")).isEqualTo(100001L);
        assertThat(order.get("datefulfilled")).isNotNull();
    }

    @Test
    void cancellingSetsCanceledNoMoneyAndAClosedOrderCanNeitherBeFulfilledNorEdited() throws Exception {
        Map<String, Object> cancelled = sandbox.call("cancelSalesOrder",
                Map.of("salesorderid", "7e1b6f02-3c8d-ef11-8a69-000000000007"));
        ConnectorException fulfil = sandbox.failure("fulfillSalesOrder",
                Map.of("salesorderid", "7e1b6f02-3c8d-ef11-8a69-000000000007", "status", 100002L));
        ConnectorException edit = sandbox.failure("updateRecord", Map.of("entitySet", "salesorders",
                "id", "7e1b6f02-3c8d-ef11-8a69-000000000007", "record", Map.of("description", "too late")));
        Map<String, Object> order = order("7e1b6f02-3c8d-ef11-8a69-000000000007");

        assertThat(cancelled.get("statecode")).isEqualTo(2L);
        assertThat(order.get("statecode")).isEqualTo(2L);
        assertThat(order.get("statuscode")).isEqualTo(4L);
        assertThat(fulfil.errorClass()).isEqualTo("InvalidState");
        assertThat(fulfil.getMessage()).contains("ORD-01048-G7M9N5");
        assertThat(edit.errorClass()).isEqualTo("RemoteValidation");
        assertThat(edit.getMessage()).contains("closed");
    }

    @Test
    void theActionsBodyIsWhatTheWebApiExpects() throws Exception {
        ConnectorException badStatus = sandbox.failure("fulfillSalesOrder",
                Map.of("ordernumber", "ORD-01045-D4F6G2", "status", 4L));
        ConnectorException noOrder = sandbox.failure("cancelSalesOrder", Map.of("ordernumber", "ORD-99999"));

        assertThat(badStatus.errorClass()).isEqualTo("InvalidInput");
        assertThat(noOrder.errorClass()).isEqualTo("NotFound");
        assertThat(noOrder.getMessage()).contains("ORD-99999");
    }

    @Test
    void shipmentTrackingIsWrittenOnceAndKeepsTheDescription() throws Exception {
        sandbox.call("updateRecord", Map.of("entitySet", "salesorders", "id", HOLLINS_ORDER,
                "record", Map.of("description", "Goods in closes at 4pm")));
        Map<String, Object> input = Map.of("ordernumber", "ORD-01042-Q7F2R9", "carrier", "DPD",
                "trackingNumbers", List.of("15501234567890", "15501234567891"), "shippedAt", "2026-12-01T09:30:00Z");

        Map<String, Object> written = sandbox.call("writeShipmentTracking", input);
        Map<String, Object> retried = sandbox.call("writeShipmentTracking", input);
        Map<String, Object> order = order(HOLLINS_ORDER);

        assertThat(written.get("changed")).isEqualTo(true);
        assertThat(retried.get("changed")).isEqualTo(false);
        assertThat(order.get("description")).isEqualTo("Goods in closes at 4pm\n"
                + "Shipped 2026-12-01 via DPD, tracking 15501234567890, 15501234567891");
        assertThat(order.get("datefulfilled")).isEqualTo("2026-12-01T09:30:00Z");
        assertThat(order.get("statecode")).as("still Submitted").isEqualTo(1L);
    }
}
