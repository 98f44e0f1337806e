package dev.junction.connectors.sandbox.reconciliation;

import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The body of the simulators' {@code POST /_simulator/reconciliation-scenario}: {@code {"seed": 42, "orders": 40,
 * "endDate": "2026-12-06"}}, every field optional (seed 1, 40 orders, the settlement ending yesterday, UTC). Bad
 * fields are refused naming the field (the sandbox answers 400).
 */
public final class ScenarioRequest {

    public static final int DEFAULT_ORDERS = 40;

    private ScenarioRequest() {
    }

    public static ReconciliationScenario read(SimulatorExchange exchange) throws IOException {
        Object json = exchange.body().isBlank() ? Map.of() : exchange.json();
        if (!(json instanceof Map<?, ?> body)) {
            throw new IllegalArgumentException("the body must be a JSON object {seed, orders, endDate}");
        }
        long seed = 1;
        if (body.get("seed") != null) {
            if (!(body.get("seed") instanceof Number number)) {
                throw new IllegalArgumentException("seed: must be a whole number");
            }
            seed = number.longValue();
        }
        int orders = DEFAULT_ORDERS;
        if (body.get("orders") != null) {
            if (!(body.get("orders") instanceof Number number)) {
                throw new IllegalArgumentException("orders: must be a whole number between 12 and 200000");
            }
            orders = number.intValue();
        }
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        if (body.get("endDate") != null) {
            try {
                end = LocalDate.parse(String.valueOf(body.get("endDate")));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("endDate: must be a date yyyy-MM-dd, was '" + body.get("endDate")
                        + "'");
            }
        }
        return ReconciliationScenario.generate(seed, orders, end);
    }
}
