package dev.junction.engine.schema;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EmailFormatTest {

    /** What the check promises to say, as a regular expression (the check itself scans the text once). */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    @Test
    void oneAtWithSomethingOnBothSidesAndNoWhiteSpace() {
        assertThat(SchemaValidator.isEmail("jane@example.com")).isTrue();
        assertThat(SchemaValidator.isEmail("a@b")).isTrue();
        assertThat(SchemaValidator.isEmail("")).isFalse();
        assertThat(SchemaValidator.isEmail("jane.example.com")).isFalse();
        assertThat(SchemaValidator.isEmail("@example.com")).isFalse();
        assertThat(SchemaValidator.isEmail("jane@")).isFalse();
        assertThat(SchemaValidator.isEmail("jane@@example.com")).isFalse();
        assertThat(SchemaValidator.isEmail("jane@example@com")).isFalse();
        assertThat(SchemaValidator.isEmail("jane doe@example.com")).isFalse();
        assertThat(SchemaValidator.isEmail("jane@example.com\n")).isFalse();
        assertThat(SchemaValidator.isEmail("jane@exa\u000Bmple.com")).isFalse();
    }

    @Test
    void agreesWithTheRegularExpressionOnShortStringsOfTheCharactersThatMatter() {
        // white space, control characters that are not (below ' ' too), and text beyond Latin-1
        char[] alphabet = {'a', '@', ' ', '\t', '\r', '\f', '\u000B', '\n', '.', '\u0001', '\u001F', '\u00e9',
            '\u2028', '\u3000'};
        Random random = new Random(4);
        for (int n = 0; n < 50_000; n++) {
            char[] text = new char[random.nextInt(6)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String candidate = new String(text);
            assertThat(SchemaValidator.isEmail(candidate)).as("'%s'", candidate)
                    .isEqualTo(EMAIL.matcher(candidate).matches());
        }
    }
}
