package dev.junction.engine.mapping.schemas;

import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.MappingResult;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped schemas: each registered id names a file and each file is registered, each uses only what the engine
 * understands and compiles, and each schema added from the wire contracts (api-contracts.md) accepts a realistic
 * instance and reports a broken one at the right path.
 */
class ShippedSchemasTest {

    private static final SchemaCatalog SCHEMAS = MappingTestSupport.SCHEMAS;

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "items", "maxLength",
            "minLength", "enum", "format", "minimum", "maximum", "description", "title", "$ref", "$defs");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean",
            "null");
    private static final Set<String> FORMATS = Set.of("date-time", "date", "email", "uri");

    /** The problems of {@code instance} as "path Code", sorted, from the compiled checks a mapping validates with. */
    private static List<String> problems(String id, String instance) {
        JsonSchema schema = JsonSchema.of(SCHEMAS.find(id).orElseThrow());
        List<MappingProblem> problems = new ArrayList<>();
        SchemaValidator.compile(schema).validate(json(instance), "", problems);
        return problems.stream().map(problem -> problem.path() + " " + problem.code()).sorted().toList();
    }

    /** {@code text} with {@code from} replaced, which must be there (so a broken sample is really broken). */
    private static String edit(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void theIdsAreSortedAndEachNamesAFileAndEveryFileIsRegistered() throws IOException, URISyntaxException {
        assertThat(ShippedSchemas.IDS).isSorted().doesNotHaveDuplicates();
        assertThat(ShippedSchemas.instance().ids()).isEqualTo(ShippedSchemas.IDS);
        assertThat(filesUnder("canonical")).containsExactlyInAnyOrderElementsOf(ShippedSchemas.IDS.stream()
                .map(id -> id + ".schema.json").toList());
        // the connectors' remote shapes: connector-catalog's index lists every file it ships, and only those
        List<String> vendor = SCHEMAS.ids().stream().filter(id -> !id.startsWith("canonical/")).toList();
        List<String> files = new ArrayList<>();
        for (String group : List.of("sp-api", "opayo", "dataverse")) {
            files.addAll(filesUnder(group));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(vendor.stream().map(id -> id + ".schema.json").toList());
        assertThat(SCHEMAS.ids()).contains("canonical/PaymentTransaction", "canonical/Refund",
                "canonical/Shipment", "canonical/SettlementLine", "sp-api/OrderItem", "opayo/TransactionResponse",
                "dataverse/salesorderdetail", "dataverse/contact");
    }

    /** The files under junction/schemas/{@code group}, as paths from junction/schemas. */
    private static List<String> filesUnder(String group) throws IOException, URISyntaxException {
        Path root = Path.of(ShippedSchemas.class.getResource("/junction/schemas/" + group).toURI()).getParent();
        try (Stream<Path> files = Files.walk(root.resolve(group))) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
    }

    @Test
    void everySchemaUsesOnlyWhatTheEngineUnderstandsAndCompiles() {
        for (String id : SCHEMAS.ids()) {
            Map<String, Object> document = SCHEMAS.find(id).orElseThrow();
            assertThat(document).as(id).containsKeys("title", "description");
            List<String> wrong = new ArrayList<>();
            walk(id, document, wrong);
            assertThat(wrong).as(id).isEmpty();

            JsonSchema schema = JsonSchema.of(document);
            assertThat(schema.types()).as(id).containsExactly("object");
            assertThat(schema.leafPaths()).as(id + " resolves every $ref and has fields").isNotEmpty();
            SchemaValidator.compile(schema);
            assertThat(COMPILER.check(MappingJson.read(json("{\"schemaVersion\": 1, \"source\": {\"schema\": \"" + id
                    + "\"}, \"target\": {\"schema\": \"" + id + "\"}, \"rules\": []}")))).as(id).isEmpty();
        }
    }

    /** Every keyword, type and format in the subset; every required name a property. */
    @SuppressWarnings("unchecked")
    private static void walk(String at, Map<String, Object> node, List<String> wrong) {
        node.keySet().stream().filter(key -> !KEYWORDS.contains(key))
                .forEach(key -> wrong.add(at + ": unknown keyword " + key));
        Object type = node.get("type");
        for (Object one : type instanceof List<?> list ? list : type == null ? List.of() : List.of(type)) {
            if (!TYPES.contains(one)) {
                wrong.add(at + ": unknown type " + one);
            }
        }
        if (node.get("format") instanceof String format && !FORMATS.contains(format)) {
            wrong.add(at + ": unknown format " + format);
        }
        Map<String, Object> properties = node.get("properties") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        if (node.get("required") instanceof List<?> required) {
            required.stream().filter(name -> !properties.containsKey(name))
                    .forEach(name -> wrong.add(at + ": required " + name + " is not a property"));
        }
        properties.forEach((name, child) -> walk(at + "." + name, (Map<String, Object>) child, wrong));
        if (node.get("items") instanceof Map<?, ?> items) {
            walk(at + "[]", (Map<String, Object>) items, wrong);
        }
        if (node.get("$defs") instanceof Map<?, ?> defs) {
            defs.forEach((name, child) -> walk(at + "#" + name, (Map<String, Object>) child, wrong));
        }
    }

    @Test
    void aPaymentTransactionKeepsACardSummaryNeverTheCardNumber() {
        String opayoPayment = """
                {"transactionId": "63629843-AC44-8690-8947-81132A2FB395", "provider": "opayo",
                 "transactionType": "PAYMENT", "status": "PAID", "providerStatus": "Ok", "statusCode": "0000",
                 "statusDetail": "The Authorisation was Successful.", "amount": "19.99", "currency": "GBP",
                 "amountMinorUnits": 1999, "orderId": "202-7064938-7435539", "vendorTxCode": "202-7064938-7435539-1",
                 "authorisationCode": "999777",
                 "card": {"cardType": "Visa", "lastFourDigits": "0006", "expiryDate": "0329"},
                 "createdAt": "2026-11-23T16:42:07.453+00:00", "settlementDate": "2026-11-24"}""";
        assertThat(problems("canonical/PaymentTransaction", opayoPayment)).isEmpty();

        String broken = edit(opayoPayment, "\"lastFourDigits\": \"0006\"", "\"lastFourDigits\": \"4929000000006\"");
        assertThat(problems("canonical/PaymentTransaction", edit(broken, "\"status\": \"PAID\"", "\"status\": \"Ok\"")))
                .containsExactly("card.lastFourDigits MaxLength", "status Enum");
    }

    @Test
    void aRefundNamesItsPaymentAndOnlyARefundsStatus() {
        String opayoRefund = """
                {"refundId": "4D2C8A17-6B1E-4F0A-9C3D-2E7B5A8F1C90", "provider": "opayo", "status": "REFUNDED",
                 "orderId": "202-7064938-7435539", "paymentTransactionId": "63629843-AC44-8690-8947-81132A2FB395",
                 "vendorTxCode": "202-7064938-7435539-R1", "amount": "5.00", "currency": "GBP",
                 "amountMinorUnits": 500, "reason": "Parasol arrived damaged",
                 "lines": [{"sku": "GF-PARASOL-3", "quantity": 1, "amount": "5.00"}],
                 "createdAt": "2026-11-26T10:02:44Z"}""";
        assertThat(problems("canonical/Refund", opayoRefund)).isEmpty();

        String broken = edit(edit(opayoRefund, "\"currency\": \"GBP\",", ""), "\"REFUNDED\"", "\"PAID\"");
        assertThat(problems("canonical/Refund", edit(broken, "\"amountMinorUnits\": 500", "\"amountMinorUnits\": 0")))
                .containsExactly("amountMinorUnits Minimum", "currency Required", "status Enum");
    }

    @Test
    void aShipmentHasPackagesWithTheirItems() {
        String fbaShipment = """
                {"shipmentId": "DKMKLXG1", "orderId": "ORD-01042-Q7F2R9", "status": "SHIPPED",
                 "carrier": "Amazon Logistics", "trackingNumber": "QA1234567890",
                 "shippedAt": "2026-11-24T08:30:00Z", "estimatedArrivalAt": "2026-11-25T18:00:00Z",
                 "shippedFrom": "LBA4",
                 "packages": [
                   {"packageNumber": 1, "carrier": "Amazon Logistics", "trackingNumber": "QA1234567890",
                    "items": [{"sku": "BENCH-TEAK-150", "lineId": "line-1", "quantity": 1}]},
                   {"packageNumber": 2, "carrier": "Amazon Logistics", "trackingNumber": "QA1234567891",
                    "items": [{"sku": "BENCH-TEAK-150", "lineId": "line-1", "quantity": 1}]}]}""";
        assertThat(problems("canonical/Shipment", fbaShipment)).isEmpty();

        String broken = edit(fbaShipment, "\"status\": \"SHIPPED\"", "\"status\": \"CANCELLED_BY_FULFILLER\"");
        assertThat(problems("canonical/Shipment", edit(broken, "\"lineId\": \"line-1\", \"quantity\": 1}]}]}",
                "\"lineId\": \"line-1\"}]}]}")))
                .containsExactly("packages[1].items[0].quantity Required", "status Enum");
    }

    @Test
    void settlementLinesAreTheSummaryRowAndTheDetailRowsOfAV2FlatFile() {
        String summary = """
                {"settlementId": "11800379391", "settlementStartDate": "2026-11-03T07:51:33Z",
                 "settlementEndDate": "2026-11-17T07:51:33Z", "depositDate": "2026-11-19T07:51:33Z",
                 "totalAmount": "1234.56", "currency": "GBP"}""";
        assertThat(problems("canonical/SettlementLine", summary)).isEmpty();
        String orderPrincipal = """
                {"settlementId": "11800379391", "settlementStartDate": "2026-11-03T07:51:33Z",
                 "settlementEndDate": "2026-11-17T07:51:33Z", "depositDate": "2026-11-19T07:51:33Z",
                 "currency": "GBP", "transactionType": "Order", "orderId": "202-7064938-7435539",
                 "merchantOrderId": "202-7064938-7435539", "shipmentId": "DKMKLXG1", "marketplaceName": "Amazon.co.uk",
                 "amountType": "ItemPrice", "amountDescription": "Principal", "amount": "95.00", "fulfillmentId": "AFN",
                 "postedDate": "2026-11-10", "postedDateTime": "2026-11-10T14:03:22Z",
                 "orderItemCode": "52986411826454", "sku": "BENCH-TEAK-150", "quantityPurchased": 1}""";
        assertThat(problems("canonical/SettlementLine", orderPrincipal)).isEmpty();

        String broken = edit(orderPrincipal, "\"currency\": \"GBP\",", "");
        assertThat(problems("canonical/SettlementLine", edit(broken, "\"postedDate\": \"2026-11-10\"",
                "\"postedDate\": \"10.11.2026\"")))
                .as("a detail row copied as the file has it: no currency, a local date")
                .containsExactly("currency Required", "postedDate Format");
    }

    @Test
    void anOrderItemSaysIsGiftAsAString() {
        String orderItem = """
                {"ASIN": "B07XJ8C8F5", "SellerSKU": "GF-BENCH-150", "OrderItemId": "52986411826454",
                 "Title": "Teak garden bench 1.5 m", "QuantityOrdered": 2, "QuantityShipped": 0,
                 "ProductInfo": {"NumberOfItems": "1"},
                 "ItemPrice": {"CurrencyCode": "GBP", "Amount": "799.00"},
                 "ItemTax": {"CurrencyCode": "GBP", "Amount": "133.17"},
                 "ShippingPrice": {"CurrencyCode": "GBP", "Amount": "0.00"},
                 "PromotionDiscount": {"CurrencyCode": "GBP", "Amount": "0.00"},
                 "PromotionIds": [], "IsGift": "false", "ConditionId": "New", "ConditionSubtypeId": "New",
                 "IsTransparency": false, "SerialNumberRequired": false,
                 "BuyerRequestedCancel": {"IsBuyerRequestedCancel": "false", "BuyerCancelReason": ""}}""";
        assertThat(problems("sp-api/OrderItem", orderItem)).isEmpty();

        String broken = edit(orderItem, "\"QuantityOrdered\": 2,", "");
        assertThat(problems("sp-api/OrderItem", edit(broken, "\"IsGift\": \"false\"", "\"IsGift\": false")))
                .containsExactly("IsGift Type", "QuantityOrdered Required");
    }

    @Test
    void anOpayoTransactionResponseIsAnAuthorisationOrAChallenge() {
        String authorised = """
                {"transactionId": "63629843-AC44-8690-8947-81132A2FB395", "transactionType": "Payment",
                 "status": "Ok", "statusCode": "0000", "statusDetail": "The Authorisation was Successful.",
                 "retrievalReference": 13745250, "bankResponseCode": "00", "bankAuthorisationCode": "999777",
                 "paymentMethod": {"card": {"cardType": "Visa", "lastFourDigits": "0006", "expiryDate": "0329",
                   "cardIdentifier": "C6F92981-8C2D-457A-AA1E-16EBCD6D3AC6", "reusable": false}},
                 "amount": {"totalAmount": 1999, "saleAmount": 1999, "surchargeAmount": 0}, "currency": "GBP",
                 "3DSecure": {"status": "Authenticated"},
                 "avsCvcCheck": {"status": "AllMatched", "address": "Matched", "postalCode": "Matched",
                   "securityCode": "Matched"}}""";
        assertThat(problems("opayo/TransactionResponse", authorised)).isEmpty();
        assertThat(problems("opayo/TransactionResponse", """
                {"transactionId": "2F6B6C4E-3D1A-4C36-9F11-0B8C5D8B9E21", "transactionType": "Payment",
                 "status": "3DAuth", "statusCode": "2021",
                 "statusDetail": "Please redirect your customer to the ACSURL to complete the 3DS Transaction",
                 "acsUrl": "https://sandbox.opayo.eu.elavon.com/3ds-simulator/html_challenge",
                 "cReq": "eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6IjAwIn0"}""")).isEmpty();

        String broken = edit(edit(authorised, "\"statusCode\": \"0000\",", ""), "\"status\": \"Ok\"",
                "\"status\": \"OK\"");
        assertThat(problems("opayo/TransactionResponse", edit(broken, "\"securityCode\": \"Matched\"",
                "\"securityCode\": \"Match\"")))
                .containsExactly("avsCvcCheck.securityCode Enum", "status Enum", "statusCode Required");
    }

    @Test
    void aSalesOrderLineAsDataverseAnswersIt() {
        String line = """
                {"@odata.etag": "W/\\"4411301\\"", "salesorderdetailid": "5a7c1e90-3c8d-ef11-8a69-000d3a4b2c11",
                 "_salesorderid_value": "7e1b6f02-3c8d-ef11-8a69-000d3a4b2c11",
                 "_productid_value": "0b4d2f17-1f2e-ef11-8a69-000d3a4b2c11",
                 "_uomid_value": "3e8a9c55-1f2e-ef11-8a69-000d3a4b2c11",
                 "isproductoverridden": false, "ispriceoverridden": false, "productdescription": null,
                 "quantity": 2.0, "priceperunit": 399.5, "baseamount": 799.0, "manualdiscountamount": 0,
                 "tax": 159.8, "extendedamount": 958.8, "quantityshipped": 0, "lineitemnumber": 1,
                 "sequencenumber": 1, "producttypecode": 1, "pricingerrorcode": 0,
                 "productid": {"productid": "0b4d2f17-1f2e-ef11-8a69-000d3a4b2c11", "name": "Teak bench 1.5 m",
                   "productnumber": "GF-BENCH-150"}}""";
        assertThat(problems("dataverse/salesorderdetail", line)).isEmpty();

        String broken = edit(line, "\"quantity\": 2.0,", "");
        assertThat(problems("dataverse/salesorderdetail", edit(broken, "\"productdescription\": null",
                "\"productdescription\": \"" + "x".repeat(501) + "\"")))
                .containsExactly("productdescription MaxLength", "quantity Required");
    }

    @Test
    void aContactAsDataverseAnswersIt() {
        String contact = """
                {"@odata.etag": "W/\\"5520117\\"", "contactid": "1c9e2a44-3c8d-ef11-8a69-000d3a4b2c11",
                 "firstname": "Priya", "lastname": "Hollins", "fullname": "Priya Hollins",
                 "emailaddress1": "priya.hollins@hollins-co.example", "telephone1": "+44 113 496 0000",
                 "address1_line1": "Unit 4, Riverside Trading Estate", "address1_city": "Leeds",
                 "address1_postalcode": "LS12 2AX", "address1_country": "United Kingdom",
                 "_parentcustomerid_value": "8d2f1a60-3c8d-ef11-8a69-000d3a4b2c11"}""";
        assertThat(problems("dataverse/contact", contact)).isEmpty();

        String broken = edit(contact, "\"contactid\": \"1c9e2a44-3c8d-ef11-8a69-000d3a4b2c11\",", "");
        assertThat(problems("dataverse/contact", edit(broken, "priya.hollins@",
                "priya.hollins." + "x".repeat(80) + "@")))
                .containsExactly("contactid Required", "emailaddress1 MaxLength");
    }

    @Test
    void anOpayoResponseMapsOntoACanonicalPaymentTransaction() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(json("""
                {"schemaVersion": 1, "source": {"schema": "opayo/TransactionResponse"},
                 "target": {"schema": "canonical/PaymentTransaction"},
                 "rules": [
                   {"target": "transactionId", "from": "transactionId"},
                   {"target": "provider", "value": "opayo"},
                   {"target": "transactionType", "from": "transactionType", "pipe": [{"fn": "upper"}]},
                   {"target": "status", "from": "status", "valueMap": "opayo-status→canonical"},
                   {"target": "providerStatus", "from": "status"},
                   {"target": "amount", "from": "amount.totalAmount",
                    "pipe": [{"fn": "fromMinorUnits", "args": [{"from": "currency"}]}, {"fn": "toString"}]},
                   {"target": "amountMinorUnits", "from": "amount.totalAmount"},
                   {"target": "currency", "from": "currency"},
                   {"target": "card.cardType", "from": "paymentMethod.card.cardType"},
                   {"target": "card.lastFourDigits", "from": "paymentMethod.card.lastFourDigits"},
                   {"target": "card.expiryDate", "from": "paymentMethod.card.expiryDate"}
                 ]}""")));
        assertThat(mapping.definitionWarnings()).isEmpty();

        MappingResult result = mapping.apply(json("""
                {"transactionId": "63629843-AC44-8690-8947-81132A2FB395", "transactionType": "Payment",
                 "status": "Ok", "statusCode": "0000", "statusDetail": "The Authorisation was Successful.",
                 "paymentMethod": {"card": {"cardType": "Visa", "lastFourDigits": "0006", "expiryDate": "0329"}},
                 "amount": {"totalAmount": 1999, "saleAmount": 1999, "surchargeAmount": 0}, "currency": "GBP"}"""),
                MappingEnvironment.NONE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.output()).isEqualTo(json("""
                {"transactionId": "63629843-AC44-8690-8947-81132A2FB395", "provider": "opayo",
                 "transactionType": "PAYMENT", "status": "PAID", "providerStatus": "Ok", "amount": "19.99",
                 "amountMinorUnits": 1999, "currency": "GBP",
                 "card": {"cardType": "Visa", "lastFourDigits": "0006", "expiryDate": "0329"}}"""));
    }
}
