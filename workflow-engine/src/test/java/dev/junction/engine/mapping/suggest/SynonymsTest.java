package dev.junction.engine.mapping.suggest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synonym table and the name score built on it. */
class SynonymsTest {

    private final Synonyms synonyms = Synonyms.standard();

    private Name name(String... path) {
        return synonyms.splitter().name(List.of(path));
    }

    @Test
    void spellingsOfOneFieldAreOneConcept() {
        for (String postcode : List.of("zip", "postcode", "PostalCode", "postalcode", "shipto_postalcode", "zip_code")) {
            assertThat(synonyms.concept(postcode)).as(postcode).contains("postal code");
        }
        for (String orderId : List.of("AmazonOrderId", "sellerFulfillmentOrderId", "vendorTxCode", "ordernumber",
                "order_number")) {
            assertThat(synonyms.concept(orderId)).as(orderId).contains("order id");
        }
        for (String sku : List.of("sku", "SellerSKU", "sellerSku", "productnumber", "article_no")) {
            assertThat(synonyms.concept(sku)).as(sku).contains("sku");
        }
        assertThat(synonyms.concept("isocurrencycode")).contains("currency");
        assertThat(synonyms.concept("transactioncurrencyid")).as("the currency row's id is not a currency").isEmpty();
        assertThat(synonyms.concept("statecode")).contains("status");
        assertThat(synonyms.concept("StateOrRegion")).contains("state");
    }

    @Test
    void theSameWordsScoreOneAndSynonymsNinetyBeforeParents() {
        NameScore same = NameScore.of(name("shippingAddress", "postalCode"), name("ShippingAddress", "PostalCode"),
                synonyms);
        assertThat(same.score()).isEqualTo(1.0);
        assertThat(same.reason()).isEqualTo("same name: postalCode");

        NameScore split = NameScore.of(name("destinationAddress", "postalCode"), name("shipto_postalcode"), synonyms);
        assertThat(split.score()).isEqualTo(1.0);
        assertThat(split.reason()).isEqualTo("name match after splitting: postal code");

        NameScore synonym = NameScore.of(name("postalCode"), name("zip"), synonyms);
        assertThat(synonym.score()).isEqualTo(0.9);
        assertThat(synonym.reason()).isEqualTo("synonym: zip ↔ postalCode");
    }

    @Test
    void parentsCountALittle() {
        double sameParents = NameScore.of(name("shippingAddress", "name"), name("shipto_name"), synonyms).score();
        double noParent = NameScore.of(name("shippingAddress", "name"), name("name"), synonyms).score();
        double otherParents = NameScore.of(name("shippingAddress", "name"), name("productid", "name"), synonyms)
                .score();
        assertThat(sameParents).isGreaterThan(noParent);
        assertThat(noParent).isGreaterThan(otherParents);
        assertThat(otherParents).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aFullNameGivesFirstAndLastNameThroughAFunction() {
        NameScore first = NameScore.of(name("customerFirstName"), name("BuyerInfo", "BuyerName"), synonyms);
        assertThat(first.derivedFn()).isEqualTo("firstName");
        assertThat(NameScore.of(name("customer", "lastName"), name("BuyerName"), synonyms).derivedFn())
                .isEqualTo("lastName");
        assertThat(NameScore.of(name("customer", "firstName"), name("name"), synonyms).score())
                .as("a bare name is no person's name").isLessThan(0.5);
    }

    @Test
    void alikeWordsScoreByDiceWithGenericWordsAndDigitsCountingLess() {
        assertThat(NameScore.dice(List.of("unit", "price"), List.of("unit", "price", "gross"), synonyms))
                .isCloseTo(0.8, within(1e-9));
        assertThat(NameScore.dice(List.of("order", "id"), List.of("product", "id"), synonyms))
                .as("only 'id' in common").isLessThan(0.2);
        assertThat(NameScore.dice(List.of("line", "1"), List.of("line", "2"), synonyms)).isEqualTo(0.25);
    }

    @Test
    void namesTheTablePutsInDifferentGroupsScoreHalf() {
        NameScore score = NameScore.of(name("_customerid_value"), name("BuyerInfo", "BuyerName"), synonyms);
        assertThat(score.score()).isLessThan(0.5);
        assertThat(score.reason()).contains("tells full name from customer id");
    }

    @Test
    void withoutGroupsOnlyWordsCount() {
        Synonyms words = synonyms.withoutGroups();
        assertThat(words.concept("zip")).isEmpty();
        assertThat(NameScore.of(name("postalCode"), name("zip"), words).score()).isZero();
    }
}
