package dev.junction.engine.schema;

/**
 * What is known of every value a rule places before any record is mapped: its JSON type and the bounds of its length
 * (for text, in characters as the schema counts them), each null when not known. A function says it of its results
 * ({@code truncate}: text no longer than the target's maxLength); the compiler leaves out the checks of the target
 * field it proves (see {@link SchemaValidator.Check#given}).
 */
public record KnownValue(String type, Integer minLength, Integer maxLength) {

    /** Nothing is known: every check of the field runs. */
    public static final KnownValue NOTHING = new KnownValue(null, null, null);
    /** Text of any length. */
    public static final KnownValue TEXT = new KnownValue("string", null, null);
    /** A whole number. */
    public static final KnownValue INTEGER = new KnownValue("integer", null, null);

    /** Text of {@code minLength} to {@code maxLength} characters (either null: not known). */
    public static KnownValue text(Integer minLength, Integer maxLength) {
        return new KnownValue("string", minLength, maxLength);
    }
}
