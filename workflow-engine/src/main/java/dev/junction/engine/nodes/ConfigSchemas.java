package dev.junction.engine.nodes;

import dev.junction.engine.schema.Schemas;

import java.util.List;
import java.util.Map;

/** The pieces node kinds' config schemas share. */
final class ConfigSchemas {

    private ConfigSchemas() {
    }

    /** A non-blank text field. */
    static Map<String, Object> text(String title, String description) {
        return Schemas.titled(title, Schemas.with(Schemas.string(description), "minLength", 1));
    }

    /** A non-blank JavaScript expression. */
    static Map<String, Object> expression(String title, String description) {
        return Schemas.expression(text(title, description));
    }

    /** An ISO 8601 duration. */
    static Map<String, Object> duration(String title, String description) {
        return Schemas.titled(title, Schemas.pattern(description, "^P"));
    }

    /** A connection, the id of one of the installation's connections. */
    static Map<String, Object> connection() {
        return text("Connection", "The id of a connection.");
    }

    /** An operation's input: an object of fields whose texts may hold {{ expression }}, or one {{ expression }}. */
    static Map<String, Object> input() {
        return Schemas.expression(Schemas.titled("Input", Schemas.with(Schemas.anyObject("The operation's input:"
                + " an object of fields (values may be {{ expression }}), or one {{ expression }} giving the whole"
                + " object."), "type", List.of("object", "string"))));
    }

    /** The config schema of a kind: titled, described, with its examples. */
    static Map<String, Object> config(NodeKind kind, Schemas.ObjectBuilder fields, List<Map<String, Object>> examples) {
        return fields.title(kind.title()).description(kind.description()).keyword("examples", List.copyOf(examples))
                .build();
    }
}
