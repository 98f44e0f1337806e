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

    public ExpressionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
