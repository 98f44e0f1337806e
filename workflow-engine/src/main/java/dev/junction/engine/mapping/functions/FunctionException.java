package dev.junction.engine.mapping.functions;

/** A function could not work with what it was given; the message says what it expected and what came. */
public class FunctionException extends RuntimeException {

    private final String code;

    public FunctionException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A short machine-readable kind, e.g. {@code UnknownCurrency}, {@code LookupKeyMissing}, {@code Unmapped}. */
    public String code() {
        return code;
    }
}
