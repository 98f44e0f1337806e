package dev.junction.backend.api;

/** The request clashes with the current state, e.g. a name already in use (answered as 409). */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
