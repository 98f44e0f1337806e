package dev.junction.backend.payloads;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which values the redaction takes out, by which rule, and which it leaves alone. */
class PayloadRedactionTest {

    @Test
    void secretsAndCardDataAreTakenOutAndNamed() {
        PayloadRedaction.Redacted redacted = PayloadRedaction.redact(PayloadJson.read("""
                {"apiKey": "k-1", "Authorization": "Bearer abc", "X-Api-Key": "k-2", "client_secret": "s", "accessToken": "t",
                 "cards": [5555555555554444, "3782 822463 10005", "4111-1111-1111-1111"],
                 "card": {"cvc": 737, "securityCode": "1234", "expiry": "03/30"},
                 "orderId": "111-2222222-3333333", "sentAt": 1733560000000, "notCard": "4111111111111112",
                 "tokenizedAddress": {"city": "Leeds"}, "author": "Ann", "amount": 12.5}"""));
        assertThat(redacted.redactions()).extracting(r -> r.path() + " " + r.rule()).containsExactly(
                "$.apiKey SECRET_FIELD", "$.Authorization SECRET_FIELD", "$.X-Api-Key SECRET_FIELD", "$.client_secret SECRET_FIELD",
                "$.accessToken SECRET_FIELD", "$.cards[0] CARD_NUMBER", "$.cards[1] CARD_NUMBER",
                "$.cards[2] CARD_NUMBER", "$.card.cvc CARD_SECURITY_CODE", "$.card.securityCode CARD_SECURITY_CODE");
        String shown = PayloadJson.write(redacted.value());
        assertThat(shown).doesNotContain("k-1").doesNotContain("k-2").doesNotContain("abc").doesNotContain("5555555555554444")
                .doesNotContain("822463").doesNotContain("737").contains("[redacted: card number …4444]")
                .contains("[redacted: card number …0005]").contains("\"expiry\":\"03/30\"")
                .contains("111-2222222-3333333").contains("1733560000000").contains("4111111111111112")
                .contains("\"author\":\"Ann\"").contains("Leeds").contains("12.5");
        assertThat(PayloadRedaction.describe(List.of())).isEmpty();
    }

    @Test
    void pagesCutLongLinesAndKeepEveryCharacter() {
        String text = "a\n" + "x".repeat(StepPayloads.CHARACTERS_PER_PAGE * 2 + 5) + "\nb";
        List<String> pages = StepPayloads.pages(text);
        assertThat(pages).hasSize(4);
        assertThat(String.join("", pages).replace("\n", "")).isEqualTo(text.replace("\n", ""));
        pages.forEach(page -> assertThat(page.length()).isLessThanOrEqualTo(StepPayloads.CHARACTERS_PER_PAGE));
    }
}
