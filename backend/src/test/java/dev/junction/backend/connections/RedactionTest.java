package dev.junction.backend.connections;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms of a secret that redaction masks, and the ordinary text it leaves alone. */
class RedactionTest {

    private static final String SECRET = "s3cr3t/pa ss+word?";

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSecretIsMaskedInsideABasicHeaderWhateverTheUserNameBeforeIt() {
        for (String user : List.of("", "a", "ab", "abc", "shop-owner")) {
            String echoed = "{\"seen\": \"" + base64(user + ":" + SECRET) + "\"}";

            String redacted = Redaction.text(echoed, List.of(SECRET));

            // the characters that carry only the secret's bits: from the first after "user:" to the last few
            String whole = base64(user + ":" + SECRET);
            int before = user.length() + 1;
            String secretsPart = whole.substring((8 * before + 5) / 6, whole.length() - 4);
            assertThat(redacted).as("user '" + user + "'").doesNotContain(secretsPart).contains(Redaction.MASK);
        }
    }

    @Test
    void urlEncodedBase64AndUrlSafeFormsAreMasked() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        List<String> forms = List.of(SECRET, URLEncoder.encode(SECRET, StandardCharsets.UTF_8),
                URLEncoder.encode(SECRET, StandardCharsets.UTF_8).replace("+", "%20"),
                Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

        Object redacted = Redaction.output(Map.of("echo", forms), List.of(SECRET));

        forms.forEach(form -> assertThat(redacted.toString()).as(form).doesNotContain(form));
    }

    @Test
    void echoedCredentialsAreMaskedButOrdinaryWordsStay() {
        String text = "Authorization: Bearer eyJhbGciOi.JIUzI1NiJ9.x and Basic dXNlcjpwYXNzd29yZA== on the Basic plan";

        assertThat(Redaction.text(text, List.of())).isEqualTo(
                "Authorization: Bearer **** and Basic **** on the Basic plan");
    }
}
