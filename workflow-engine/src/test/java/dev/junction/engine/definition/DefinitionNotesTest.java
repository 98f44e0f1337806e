package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canvas's notes in the definition: read, written back, checked (unique ids, sizes), described by the schema. */
class DefinitionNotesTest {

    private static String withNotes(String notes) {
        return """
                {"schemaVersion": 1,
                 "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [], "edges": [],
                 "notes": %s}""".formatted(notes);
    }

    @Test
    void notesRoundTripWithTheirTextPlaceAndColour() {
        WorkflowDefinition read = DefinitionJson.read(withNotes("""
                [{"id": "vat", "text": "**VAT** is added by Opayo", "position": {"x": 10, "y": 20}, "color": "yellow"},
                 {"id": "n2", "text": "", "position": {"x": 0, "y": 0}}]"""));

        assertThat(read.notes()).containsExactly(
                new Note("vat", "**VAT** is added by Opayo", new Position(10, 20), "yellow"),
                new Note("n2", "", new Position(0, 0), null));
        assertThat(DefinitionJson.read(DefinitionJson.write(read))).isEqualTo(read);
    }

    @Test
    void aDefinitionWithoutNotesIsWrittenWithoutTheField() {
        WorkflowDefinition plain = WorkflowDefinition.initial();
        assertThat(plain.notes()).isEmpty();
        assertThat(DefinitionJson.write(plain)).doesNotContain("notes");
    }

    @Test
    void repeatedIdsTooLongTextsAndOddColoursAreRefusedNamingTheNote() {
        String tooLong = "x".repeat(Note.TEXT_MAX_LENGTH + 1);
        assertThatThrownBy(() -> DefinitionJson.read(withNotes("""
                [{"id": "a", "text": "one", "position": {"x": 0, "y": 0}},
                 {"id": "a", "text": "two", "position": {"x": 0, "y": 0}},
                 {"id": "b", "text": "%s", "position": {"x": 0, "y": 0}},
                 {"id": "c", "text": "c", "position": {"x": 0, "y": 0}, "color": "url(evil)"}]""".formatted(tooLong))))
                .isInstanceOfSatisfying(DefinitionFormatException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::path, DefinitionProblem::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("$.notes[1].id",
                                        "must be unique among the notes: 'a' is there twice"),
                                org.assertj.core.groups.Tuple.tuple("$.notes[2].text",
                                        "must be at most 10000 characters, has 10001"),
                                org.assertj.core.groups.Tuple.tuple("$.notes[3].color",
                                        "must be #rrggbb or a colour name of lower-case letters, was 'url(evil)'")));
    }

    @Test
    void theSchemaDescribesNotes() {
        assertThat(DefinitionJson.schema()).contains("\"notes\"").contains("#/$defs/note").contains("\"Note\"");
    }
}
