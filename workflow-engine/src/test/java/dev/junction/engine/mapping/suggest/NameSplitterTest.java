package dev.junction.engine.mapping.suggest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Name splitting: cases, separators, digits, glued Dataverse words, plurals, spelling variants, address prefixes. */
class NameSplitterTest {

    private final NameSplitter splitter = Synonyms.standard().splitter();

    @Test
    void splitsCamelPascalSnakeKebabAndDigits() {
        assertThat(NameSplitter.split("postalCode")).containsExactly("postal", "code");
        assertThat(NameSplitter.split("PostalCode")).containsExactly("postal", "code");
        assertThat(NameSplitter.split("postal_code")).containsExactly("postal", "code");
        assertThat(NameSplitter.split("postal-code")).containsExactly("postal", "code");
        assertThat(NameSplitter.split("AddressLine1")).containsExactly("address", "line", "1");
        assertThat(NameSplitter.split("telephone1")).containsExactly("telephone", "1");
        assertThat(NameSplitter.split("apply3DSecure")).containsExactly("apply", "3", "d", "secure");
    }

    @Test
    void keepsAcronymsTogether() {
        assertThat(NameSplitter.split("SellerSKU")).containsExactly("seller", "sku");
        assertThat(NameSplitter.split("SKUCode")).containsExactly("sku", "code");
        assertThat(NameSplitter.split("ASIN")).containsExactly("asin");
        assertThat(NameSplitter.split("_customerid_value")).containsExactly("customerid", "value");
    }

    @Test
    void cutsGluedLowerCaseWordsAtKnownWordsOnly() {
        assertThat(splitter.words("isocurrencycode")).containsExactly("iso", "currency", "code");
        assertThat(splitter.words("shipto_stateorprovince")).containsExactly("ship", "state", "province");
        assertThat(splitter.words("lineitemnumber")).containsExactly("line", "item", "number");
        assertThat(splitter.words("priceperunit")).containsExactly("price", "unit");
        assertThat(splitter.glued("salesorderdetailid")).containsExactly("sales", "order", "detail", "id");
        assertThat(splitter.glued("zebrafish")).as("not all known words: kept whole").containsExactly("zebrafish");
        assertThat(splitter.glued("address")).as("a known word is not cut").containsExactly("address");
    }

    @Test
    void dropsPluralsButNotWordsEndingInSs() {
        assertThat(NameSplitter.stem("items")).isEqualTo("item");
        assertThat(NameSplitter.stem("categories")).isEqualTo("category");
        assertThat(NameSplitter.stem("address")).isEqualTo("address");
        assertThat(NameSplitter.stem("status")).isEqualTo("status");
        assertThat(NameSplitter.stem("gross")).isEqualTo("gross");
        assertThat(splitter.words("OrderItems")).containsExactly("order", "item");
    }

    @Test
    void makesSpellingVariantsOneWordAndDropsStopWords() {
        assertThat(splitter.words("BuyerEmail")).containsExactly("customer", "email");
        assertThat(splitter.words("qty")).containsExactly("quantity");
        assertThat(splitter.words("telephone1")).containsExactly("phone", "1");
        assertThat(splitter.words("StateOrRegion")).containsExactly("state", "region");
        assertThat(splitter.words("createdon")).containsExactly("created");
        assertThat(splitter.words("to")).as("only stop words: kept").containsExactly("to");
    }

    @Test
    void anAddressPrefixBecomesTheParentOnlyBeforeAPartOfAnAddress() {
        Name city = splitter.name(List.of("shipto_city"));
        assertThat(city.leaf()).containsExactly("city");
        assertThat(city.context()).containsExactly("ship", "address");
        assertThat(splitter.name(List.of("ship_zip")).leaf()).containsExactly("zip");
        Name total = splitter.name(List.of("shipping_total"));
        assertThat(total.leaf()).containsExactly("ship", "total");
        assertThat(total.context()).isEmpty();
    }

    @Test
    void parentsAreContext() {
        Name name = splitter.name(List.of("ShippingAddress", "PostalCode"));
        assertThat(name.leaf()).containsExactly("postal", "code");
        assertThat(name.context()).containsExactly("ship", "address");
        assertThat(splitter.name(List.of("productid", "name")).phrases()).contains("product name");
    }
}
