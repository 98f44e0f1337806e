package dev.junction.connectors.dataverse.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox environment a fresh simulator starts with: GBP and EUR, one unit, a retail price list, garden
 * furniture products whose product numbers are the ones the seed mapping {@code product-number-to-seller-sku}
 * knows (GF-BENCH-150, GF-TABLE-200, ...), two accounts, three contacts (one with a quote in her email address) and
 * eight sales orders in every state, with lines, modified between the 10th and the 28th of November 2026.
 */
final class SeedData {

    static final String GBP = "a3b5c8d0-1f2e-ef11-8a69-000d3a4b2c11";
    static final String EUR = "a3b5c8d0-1f2e-ef11-8a69-000d3a4b2c12";
    static final String UNIT = "b4c6d9e1-2a3f-ef11-8a69-000d3a4b2c11";
    static final String PRICE_LIST = "c5d7e0f2-3b4a-ef11-8a69-000d3a4b2c11";
    static final String HOLLINS = "1c9e2a44-3c8d-ef11-8a69-000d3a4b2c11";
    static final String BRIGHTWATER = "1c9e2a44-3c8d-ef11-8a69-000d3a4b2c12";
    static final String PRIYA = "2d0f3b55-4d9e-ef11-8a69-000d3a4b2c11";

    private SeedData() {
    }

    static void seed(EntityStore store) {
        create(store, Tables.CURRENCIES, GBP, "currencyname", "Pound Sterling", "isocurrencycode", "GBP",
                "currencysymbol", "£", "exchangerate", 1.0);
        create(store, Tables.CURRENCIES, EUR, "currencyname", "Euro", "isocurrencycode", "EUR",
                "currencysymbol", "€", "exchangerate", 1.16);
        create(store, Tables.UNITS, UNIT, "name", "Primary Unit");
        create(store, Tables.PRICE_LEVELS, PRICE_LIST, "name", "Retail GBP");
        String[][] products = {
                {"9a1b2c3d-0001-ef11-8a69-000d3a4b2c11", "GF-BENCH-150", "Teak bench 1.5 m", "399.5"},
                {"9a1b2c3d-0002-ef11-8a69-000d3a4b2c11", "GF-TABLE-200", "Teak table 2 m", "450"},
                {"9a1b2c3d-0003-ef11-8a69-000d3a4b2c11", "GF-CHAIR-STK", "Teak stacking chair", "129"},
                {"9a1b2c3d-0004-ef11-8a69-000d3a4b2c11", "GF-PARASOL-300", "Cantilever parasol 3 m", "89.99"},
                {"9a1b2c3d-0005-ef11-8a69-000d3a4b2c11", "GF-CUSHION-GRY", "Seat cushion, grey", "24.5"}};
        for (String[] product : products) {
            create(store, Tables.PRODUCTS, product[0], "productnumber", product[1], "name", product[2],
                    "price", Double.parseDouble(product[3]), "defaultuomid@odata.bind", "/uoms(" + UNIT + ")",
                    "pricelevelid@odata.bind", "/pricelevels(" + PRICE_LIST + ")");
        }
        create(store, Tables.ACCOUNTS, HOLLINS, "name", "Hollins & Co", "accountnumber", "HOLLINS-01",
                "emailaddress1", "orders@hollins.example", "address1_city", "Leeds", "address1_country",
                "United Kingdom");
        create(store, Tables.ACCOUNTS, BRIGHTWATER, "name", "Brightwater Garden Centre", "accountnumber",
                "BRIGHTWATER-02", "address1_city", "Bristol", "address1_country", "United Kingdom");
        create(store, Tables.CONTACTS, PRIYA, "firstname", "Priya", "lastname", "Shah", "emailaddress1",
                "priya.shah@example.co.uk", "telephone1", "+44 20 7946 0018", "address1_city", "London",
                "address1_country", "United Kingdom");
        create(store, Tables.CONTACTS, "2d0f3b55-4d9e-ef11-8a69-000d3a4b2c12", "firstname", "Tom", "lastname",
                "Hollins", "emailaddress1", "tom@hollins.example", "parentcustomerid_account@odata.bind",
                "/accounts(" + HOLLINS + ")");
        create(store, Tables.CONTACTS, "2d0f3b55-4d9e-ef11-8a69-000d3a4b2c13", "firstname", "Siobhan", "lastname",
                "O'Brien", "emailaddress1", "siobhan.o'brien@example.ie", "address1_city", "Dublin",
                "address1_country", "Ireland");

        order(store, 1, "ORD-01042-Q7F2R9", "Garden furniture for Hollins & Co", "accounts", HOLLINS, 1, 3,
                "2026-11-23T16:42:07Z", new Object[][]{{1, 2.0}, {2, 1.0}},
                "Hollins & Co — Goods In", " Unit 4, Riverside Trading Estate ", "Leeds", "ls12 2ax",
                "United Kingdom");
        order(store, 2, "ORD-01043-B2K8M1", "Parasols for Brightwater", "accounts", BRIGHTWATER, 0, 1,
                "2026-11-24T09:15:00Z", new Object[][]{{4, 6.0}}, "Brightwater Garden Centre", "Ashton Road",
                "Bristol", "BS3 2EA", "United Kingdom");
        order(store, 3, "ORD-01044-C9D3E7", "Chairs for Priya Shah", "contacts", PRIYA, 0, 1,
                "2026-11-25T11:30:00Z", new Object[][]{{3, 4.0}, {5, 4.0}}, "Priya Shah", "12 Elm Row",
                "London", "N1 7GU", "United Kingdom");
        order(store, 4, "ORD-01045-D4F6G2", "Bench for Brightwater café", "accounts", BRIGHTWATER, 1, 3,
                "2026-11-26T14:05:00Z", new Object[][]{{1, 1.0}}, "Brightwater Café", "Ashton Road",
                "Bristol", "BS3 2EA", "United Kingdom");
        order(store, 5, "ORD-01046-E5H7J3", "Table for Hollins showroom", "accounts", HOLLINS, 3, 100001,
                "2026-11-10T10:00:00Z", new Object[][]{{2, 1.0}}, "Hollins & Co", "Canal Road", "Leeds",
                "LS12 2AX", "United Kingdom");
        order(store, 6, "ORD-01047-F6K8L4", "Cushions (cancelled)", "contacts", PRIYA, 2, 4,
                "2026-11-12T08:20:00Z", new Object[][]{{5, 8.0}}, "Priya Shah", "12 Elm Row", "London",
                "N1 7GU", "United Kingdom");
        order(store, 7, "ORD-01048-G7M9N5", "Parasol and cushions", "contacts", PRIYA, 0, 1,
                "2026-11-27T17:45:00Z", new Object[][]{{4, 1.0}, {5, 2.0}}, "Priya Shah", "12 Elm Row",
                "London", "N1 7GU", "United Kingdom");
        order(store, 8, "ORD-01049-H8P1Q2", "Garden set for Dublin", "contacts", "2d0f3b55-4d9e-ef11-8a69-000d3a4b2c13",
                1, 3, "2026-11-28T12:00:00Z", new Object[][]{{1, 1.0}, {3, 2.0}}, "Siobhan O'Brien",
                "7 Harbour View", "Dublin", "D02 XY45", "Ireland");
    }

    private static void order(EntityStore store, int number, String orderNumber, String name, String customerSet,
                              String customer, int state, int status, String modifiedOn, Object[][] lines,
                              String shipToName, String line1, String city, String postcode, String country) {
        String id = String.format("7e1b6f02-3c8d-ef11-8a69-%012d", number);
        List<Map<String, Object>> details = new ArrayList<>();
        double total = 0;
        for (Object[] line : lines) {
            int product = (Integer) line[0];
            double quantity = (Double) line[1];
            String productId = String.format("9a1b2c3d-%04d-ef11-8a69-000d3a4b2c11", product);
            double price = store.find(Tables.PRODUCTS, productId).map(row -> (Double) row.values().get("price"))
                    .orElseThrow();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("productid@odata.bind", "/products(" + productId + ")");
            detail.put("uomid@odata.bind", "/uoms(" + UNIT + ")");
            detail.put("quantity", quantity);
            detail.put("priceperunit", price);
            details.add(detail);
            total += price * quantity;
        }
        Map<String, Object> body = fields("name", name, "ordernumber", orderNumber,
                "customerid_" + (customerSet.equals("accounts") ? "account" : "contact") + "@odata.bind",
                "/" + customerSet + "(" + customer + ")", "transactioncurrencyid@odata.bind",
                "/transactioncurrencies(" + (country.equals("Ireland") ? EUR : GBP) + ")",
                "pricelevelid@odata.bind", "/pricelevels(" + PRICE_LIST + ")", "totalamount", total,
                "shipto_name", shipToName, "shipto_line1", line1, "shipto_city", city, "shipto_postalcode", postcode,
                "shipto_country", country, "order_details", details);
        store.create(Tables.SALES_ORDERS, body, id);
        if (state == 1) {
            store.update(Tables.SALES_ORDERS, id, fields("statecode", 1L, "statuscode", 3L));
        } else if (state > 1) {
            store.closeOrder(id, state, status, state == 3 ? modifiedOn : null);
        }
        Instant modified = Instant.parse(modifiedOn);
        store.backdate(Tables.SALES_ORDERS, id, modified.minus(Duration.ofHours(3)), modified);
    }

    private static void create(EntityStore store, TableDefinition table, String id, Object... nameValuePairs) {
        store.create(table, fields(nameValuePairs), id);
    }

    private static Map<String, Object> fields(Object... nameValuePairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return fields;
    }
}
