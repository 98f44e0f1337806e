package dev.junction.connectors.dataverse.sandbox;

import dev.junction.connectors.sandbox.SimulatorExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The {@code Prefer} preferences of a request (api-contracts §3.2), and the {@code Preference-Applied} answer. */
record Prefer(OptionalInt maxPageSize, boolean trackChanges, boolean annotations, boolean returnRepresentation) {

    static Prefer of(SimulatorExchange exchange) {
        OptionalInt maxPageSize = OptionalInt.empty();
        boolean trackChanges = false;
        boolean annotations = false;
        boolean representation = false;
        for (String preference : exchange.header("Prefer").orElse("").split(",")) {
            String value = preference.trim();
            if (value.startsWith("odata.maxpagesize=")) {
                int size;
                try {
                    size = Integer.parseInt(value.substring("odata.maxpagesize=".length()));
                } catch (NumberFormatException e) {
                    throw ODataError.badQuery("Invalid odata.maxpagesize preference '" + value + "'.");
                }
                if (size < 1 || size > 5000) {
                    throw ODataError.badQuery("odata.maxpagesize must be between 1 and 5000.");
                }
                maxPageSize = OptionalInt.of(size);
            } else if (value.equals("odata.track-changes")) {
                trackChanges = true;
            } else if (value.startsWith("odata.include-annotations=")) {
                annotations = true;
            } else if (value.equals("return=representation")) {
                representation = true;
            }
        }
        return new Prefer(maxPageSize, trackChanges, annotations, representation);
    }

    Optional<String> applied(boolean tracking) {
        List<String> applied = new ArrayList<>();
        maxPageSize.ifPresent(size -> applied.add("odata.maxpagesize=" + size));
        if (tracking && trackChanges) {
            applied.add("odata.track-changes");
        }
        if (annotations) {
            applied.add("odata.include-annotations=\"*\"");
        }
        return applied.isEmpty() ? Optional.empty() : Optional.of(String.join(",", applied));
    }

    void applied(SimulatorExchange exchange, boolean tracking) {
        applied(tracking).ifPresent(value -> exchange.responseHeader("Preference-Applied", value));
    }
}
