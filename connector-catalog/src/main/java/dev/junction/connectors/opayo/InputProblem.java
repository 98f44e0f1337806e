package dev.junction.connectors.opayo;

/** One thing wrong with a request to Opayo, named by its dotted property path ({@code billingAddress.city}). */
public record InputProblem(String property, String message) {

    @Override
    public String toString() {
        return property + ": " + message;
    }
}
