package dev.junction.engine.expressions;

/** A user's expression or script could not be compiled or run; the message says why, for a person to fix it. */
public class ExpressionException extends RuntimeException {

    /** Why an expression failed. */
    public enum Kind {
        /** It does not parse. */
        SYNTAX,
        /** It threw (a TypeError, a thrown value, …). */
        RUNTIME,
        /** It ran too long: the statement limit or the time limit was reached. */
        LIMIT,
        /** It allocated more memory than one evaluation may (see {@link ExpressionRuntime#DEFAULT_ALLOCATION_LIMIT}). */
        MEMORY,
        /** Its result is too large or of a kind that cannot leave the sandbox. */
        OUTPUT
    }

    private final Kind kind;
    private final Integer position;

    public ExpressionException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** {@code position}: where in the user's text it went wrong (0-based character offset), when known. */
    public ExpressionException(Kind kind, String message, Integer position) {
        super(message);
        this.kind = kind;
        this.position = position;
    }

    /** Where in the user's text (0-based character offset) a syntax error is; null when not known. */
    public Integer position() {
        return position;
    }

    public Kind kind() {
        return kind;
    }
}
