package dev.junction.engine.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleParserTest {

    @Test
    void jsonIsTakenAsWritten() {
        SampleParser.Parsed parsed = SampleParser.parse("json", "{\"a\": [1, \"x\"]}");

        assertThat(parsed.error()).isNull();
        assertThat(parsed.sample()).isEqualTo(Map.of("a", List.of(1L, "x")));
        assertThat(SampleParser.parse("json", "{\"a\": ").error()).startsWith("not valid JSON: ");
    }

    @Test
    void xmlElementsBecomeFieldsRepeatedOnesALineAttributesAtNames() {
        SampleParser.Parsed parsed = SampleParser.parse("xml", """
                <?xml version="1.0"?>
                <Order id="205-1">
                  <Buyer><Email>jane@example.com</Email></Buyer>
                  <Item><Sku>A</Sku></Item>
                  <Item><Sku>B</Sku></Item>
                  <Note>  fragile  </Note>
                  <Empty/>
                </Order>""");

        assertThat(parsed.error()).isNull();
        assertThat(parsed.sample()).isEqualTo(Map.of("@id", "205-1", "Buyer", Map.of("Email", "jane@example.com"),
                "Item", List.of(Map.of("Sku", "A"), Map.of("Sku", "B")), "Note", "fragile", "Empty", ""));
    }

    @Test
    void badXmlIsNamedWithItsLineAndADoctypeIsRefused() {
        assertThat(SampleParser.parse("xml", "<Order>\n<Id>1</Order>").error())
                .startsWith("not well-formed XML at line 2");
        assertThat(SampleParser.parse("xml", """
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""").error())
                .startsWith("not well-formed XML").contains("DOCTYPE");
    }

    @Test
    void csvTakesTheFirstDataRowUnderItsHeader() {
        SampleParser.Parsed parsed = SampleParser.parse("csv", """
                OrderId,Name,"Note, quoted",Amount\r
                205-1,"Jane ""Q"" Public","two
                lines",59.97\r
                205-2,John,x,1.00
                """);

        assertThat(parsed.error()).isNull();
        assertThat(parsed.sample()).isEqualTo(Map.of("OrderId", "205-1", "Name", "Jane \"Q\" Public",
                "Note, quoted", "two\nlines", "Amount", "59.97"));
        assertThat(SampleParser.parse("csv", "a;b\n1;2").sample()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(SampleParser.parse("csv", "a,b\n1,2").sample()).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void badCsvSaysWhatIsWrong() {
        assertThat(SampleParser.parse("csv", "a,b\n").error()).isEqualTo("CSV: there is a header row but no data row under it");
        assertThat(SampleParser.parse("csv", "a,b\n1,2,3\n").error())
                .isEqualTo("CSV: the first data row has 3 fields, the header 2 (separator ',')");
        assertThat(SampleParser.parse("csv", "a,a\n1,2\n").error()).isEqualTo("CSV: the header row names 'a' twice");
        assertThat(SampleParser.parse("csv", "a,,c\n1,2,3\n").error())
                .isEqualTo("CSV: column 2 of the header row has no name");
        assertThat(SampleParser.parse("csv", "a,b\n\"1,2\n").error())
                .isEqualTo("CSV: the quote opened on line 2 is never closed");
    }

    @Test
    void emptyOversizedOrUnknownInputIsRefusedByName() {
        assertThat(SampleParser.parse("csv", "  ").error()).isEqualTo("the csv file is empty");
        assertThat(SampleParser.parse("yaml", "a: 1").error()).isEqualTo("format must be json, xml or csv, not 'yaml'");
        String big = "{\"a\": \"" + "x".repeat(SampleParser.MAX_BYTES) + "\"}";
        assertThat(SampleParser.parse("json", big).error()).contains("at most 1048576 bytes (1 MiB)");
    }
}
