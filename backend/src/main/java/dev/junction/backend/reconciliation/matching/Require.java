package dev.junction.backend.reconciliation.matching;

import java.util.Currency;

/** Argument checks naming the field and the expectation. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required (non-blank text)");
        }
        return value;
    }

    static String currency(String value, String field) {
        text(value, field);
        try {
            Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": must be an ISO 4217 currency code, was '" + value + "'");
        }
        return value;
    }
}
