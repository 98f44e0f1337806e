package dev.junction.connectors.dataverse.sandbox;

import dev.junction.connectors.dataverse.sandbox.TableDefinition.Children;
import dev.junction.connectors.dataverse.sandbox.TableDefinition.Lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.junction.connectors.dataverse.sandbox.ColumnType.BOOLEAN;
import static dev.junction.connectors.dataverse.sandbox.ColumnType.DATETIME;
import static dev.junction.connectors.dataverse.sandbox.ColumnType.DECIMAL;
import static dev.junction.connectors.dataverse.sandbox.ColumnType.GUID;
import static dev.junction.connectors.dataverse.sandbox.ColumnType.TEXT;
import static dev.junction.connectors.dataverse.sandbox.ColumnType.WHOLE;

/** The tables the simulator serves, with the columns of api-contracts §3.3. */
final class Tables {

    static final TableDefinition SALES_ORDERS = new TableDefinition("salesorders", "salesorder", "salesorderid",
            List.of("ordernumber"),
            columns("salesorderid", GUID, "name", TEXT, "ordernumber", TEXT, "description", TEXT,
                    "emailaddress", TEXT, "submitdate", DATETIME, "datefulfilled", DATETIME,
                    "requestdeliveryby", DATETIME, "statecode", WHOLE, "statuscode", WHOLE, "totalamount", DECIMAL,
                    "freightamount", DECIMAL, "discountamount", DECIMAL, "shippingmethodcode", WHOLE,
                    "willcall", BOOLEAN, "ispricelocked", BOOLEAN,
                    "shipto_name", TEXT, "shipto_line1", TEXT, "shipto_line2", TEXT, "shipto_line3", TEXT,
                    "shipto_city", TEXT, "shipto_stateorprovince", TEXT, "shipto_postalcode", TEXT,
                    "shipto_country", TEXT, "shipto_telephone", TEXT, "shipto_contactname", TEXT,
                    "billto_name", TEXT, "billto_line1", TEXT, "billto_city", TEXT, "billto_postalcode", TEXT,
                    "billto_country", TEXT, "createdon", DATETIME, "modifiedon", DATETIME,
                    "_customerid_value", GUID, "_transactioncurrencyid_value", GUID, "_pricelevelid_value", GUID),
            Set.of("statecode"), Set.of("ordernumber"),
            List.of(new Lookup("customerid_account", "_customerid_value", "accounts"),
                    new Lookup("customerid_contact", "_customerid_value", "contacts"),
                    new Lookup("transactioncurrencyid", "_transactioncurrencyid_value", "transactioncurrencies"),
                    new Lookup("pricelevelid", "_pricelevelid_value", "pricelevels")),
            // UNCONFIRMED (api-contracts §3.3): the order → lines navigation property is named order_details.
            List.of(new Children("order_details", "salesorderdetails", "_salesorderid_value")));

    static final TableDefinition SALES_ORDER_DETAILS = new TableDefinition("salesorderdetails", "salesorderdetail",
            "salesorderdetailid", List.of(),
            columns("salesorderdetailid", GUID, "lineitemnumber", WHOLE, "sequencenumber", WHOLE,
                    "quantity", DECIMAL, "priceperunit", DECIMAL, "baseamount", DECIMAL, "extendedamount", DECIMAL,
                    "manualdiscountamount", DECIMAL, "tax", DECIMAL, "isproductoverridden", BOOLEAN,
                    "ispriceoverridden", BOOLEAN, "productdescription", TEXT, "quantityshipped", DECIMAL,
                    "quantitybackordered", DECIMAL, "quantitycancelled", DECIMAL, "createdon", DATETIME,
                    "modifiedon", DATETIME, "_salesorderid_value", GUID, "_productid_value", GUID, "_uomid_value", GUID),
            Set.of("baseamount", "extendedamount"), Set.of("isproductoverridden"),
            List.of(new Lookup("salesorderid", "_salesorderid_value", "salesorders"),
                    new Lookup("productid", "_productid_value", "products"),
                    new Lookup("uomid", "_uomid_value", "uoms")),
            List.of());

    static final TableDefinition PRODUCTS = new TableDefinition("products", "product", "productid",
            List.of("productnumber"),
            columns("productid", GUID, "name", TEXT, "productnumber", TEXT, "description", TEXT, "price", DECIMAL,
                    "statecode", WHOLE, "createdon", DATETIME, "modifiedon", DATETIME, "_defaultuomid_value", GUID,
                    "_pricelevelid_value", GUID),
            Set.of(), Set.of(),
            List.of(new Lookup("defaultuomid", "_defaultuomid_value", "uoms"),
                    new Lookup("pricelevelid", "_pricelevelid_value", "pricelevels")),
            List.of());

    static final TableDefinition CONTACTS = new TableDefinition("contacts", "contact", "contactid", List.of(),
            columns("contactid", GUID, "firstname", TEXT, "lastname", TEXT, "fullname", TEXT, "emailaddress1", TEXT,
                    "telephone1", TEXT, "address1_line1", TEXT, "address1_city", TEXT, "address1_postalcode", TEXT,
                    "address1_country", TEXT, "statecode", WHOLE, "createdon", DATETIME, "modifiedon", DATETIME,
                    "_parentcustomerid_value", GUID),
            Set.of("fullname"), Set.of("fullname"),
            List.of(new Lookup("parentcustomerid_account", "_parentcustomerid_value", "accounts")),
            List.of());

    static final TableDefinition ACCOUNTS = new TableDefinition("accounts", "account", "accountid",
            List.of("accountnumber"),
            columns("accountid", GUID, "name", TEXT, "accountnumber", TEXT, "emailaddress1", TEXT, "telephone1", TEXT,
                    "address1_line1", TEXT, "address1_city", TEXT, "address1_postalcode", TEXT,
                    "address1_country", TEXT, "statecode", WHOLE, "createdon", DATETIME, "modifiedon", DATETIME,
                    "_primarycontactid_value", GUID),
            Set.of(), Set.of(),
            List.of(new Lookup("primarycontactid", "_primarycontactid_value", "contacts")),
            List.of());

    static final TableDefinition CURRENCIES = new TableDefinition("transactioncurrencies", "transactioncurrency",
            "transactioncurrencyid", List.of("isocurrencycode"),
            columns("transactioncurrencyid", GUID, "currencyname", TEXT, "isocurrencycode", TEXT,
                    "currencysymbol", TEXT, "exchangerate", DECIMAL, "createdon", DATETIME, "modifiedon", DATETIME),
            Set.of(), Set.of(), List.of(), List.of());

    static final TableDefinition PRICE_LEVELS = new TableDefinition("pricelevels", "pricelevel", "pricelevelid",
            List.of(), columns("pricelevelid", GUID, "name", TEXT, "createdon", DATETIME, "modifiedon", DATETIME),
            Set.of(), Set.of(), List.of(), List.of());

    static final TableDefinition UNITS = new TableDefinition("uoms", "uom", "uomid", List.of(),
            columns("uomid", GUID, "name", TEXT, "createdon", DATETIME, "modifiedon", DATETIME),
            Set.of(), Set.of(), List.of(), List.of());

    /**
     * Journal lines written by Junction's settlement reconciliation. UNCONFIRMED (api-contracts §3): Dataverse has no
     * standard general-ledger entity (Dynamics 365 Finance keeps journals outside Dataverse), so this custom table —
     * publisher prefix {@code jnc_}, alternate key {@code jnc_lineref} — is a Junction choice an environment must
     * create (docs/reconciliation.md lists its columns).
     */
    static final TableDefinition JOURNAL_LINES = new TableDefinition("jnc_journallines", "jnc_journalline",
            "jnc_journallineid", List.of("jnc_lineref"),
            columns("jnc_journallineid", GUID, "jnc_name", TEXT, "jnc_lineref", TEXT, "jnc_journal", TEXT,
                    "jnc_entryref", TEXT, "jnc_account", TEXT, "jnc_accountname", TEXT, "jnc_debit", DECIMAL,
                    "jnc_credit", DECIMAL, "jnc_currency", TEXT, "jnc_postingdate", DATETIME,
                    "jnc_description", TEXT, "createdon", DATETIME, "modifiedon", DATETIME),
            Set.of(), Set.of(), List.of(), List.of());

    static final List<TableDefinition> ALL = List.of(SALES_ORDERS, SALES_ORDER_DETAILS, PRODUCTS, CONTACTS, ACCOUNTS,
            CURRENCIES, PRICE_LEVELS, UNITS, JOURNAL_LINES);

    private Tables() {
    }

    static Optional<TableDefinition> byEntitySet(String entitySet) {
        return ALL.stream().filter(table -> table.entitySet().equals(entitySet)).findFirst();
    }

    private static Map<String, ColumnType> columns(Object... nameTypePairs) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            columns.put((String) nameTypePairs[i], (ColumnType) nameTypePairs[i + 1]);
        }
        return columns;
    }
}
