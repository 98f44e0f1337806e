package dev.junction.connectors.amazon.sandbox;

import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's Login with Amazon: exchanges the sandbox refresh tokens for access tokens and checks the tokens
 * it issued. Each token announces {@code expires_in: 3600} as LWA does, but stops working after
 * {@link #tokenLifetime(Duration)} — so a test can make a token expire early, as a revoked or clock-skewed one would.
 */
final class SandboxLwa {

    /** The API areas (roles) a refresh token's seller authorised the application for. */
    enum Role { ORDERS, FULFILLMENT, REPORTS }

    private record Issued(String seller, Set<Role> roles, Instant expiresAt) {
    }

    /** What a token check found. */
    sealed interface Check {
        /** A token in force: whose it is (the seller id: the quota key, the owner of its orders) and what it may call. */
        record Valid(String seller, Set<Role> roles) implements Check {
        }

        record Rejected(String details) implements Check {
        }
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);

    void tokenLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Every token issued so far stops working now. */
    void expireIssuedTokens() {
        issued.replaceAll((token, grant) -> new Issued(grant.seller(), grant.roles(), Instant.now().minusSeconds(1)));
    }

    int exchanges() {
        return exchanges.get();
    }

    void reset() {
        issued.clear();
        exchanges.set(0);
        lifetime = Duration.ofHours(1);
    }

    /** {@code POST /auth/o2/token}: form-encoded (or JSON, as Amazon's own Java helper sends it). */
    void exchange(SimulatorExchange exchange) throws IOException {
        if (!exchange.method().equals("POST")) {
            refuse(exchange, 400, "invalid_request", "The token endpoint takes POST");
            return;
        }
        Map<String, String> fields = fields(exchange);
        String grantType = fields.getOrDefault("grant_type", "");
        if (!grantType.equals("refresh_token")) {
            refuse(exchange, 400, "unsupported_grant_type", "The sandbox supports grant_type=refresh_token only");
            return;
        }
        if (!SpApiSimulator.CLIENT_ID.equals(fields.get("client_id"))
                || !SpApiSimulator.CLIENT_SECRET.equals(fields.get("client_secret"))) {
            // UNCONFIRMED (api-contracts §1.2): LWA's HTTP status per error code; the sandbox answers 401 here
            refuse(exchange, 401, "invalid_client", "Client authentication failed");
            return;
        }
        Set<Role> roles = switch (fields.getOrDefault("refresh_token", "")) {
            case SpApiSimulator.REFRESH_TOKEN, SpApiSimulator.SECOND_SELLER_REFRESH_TOKEN -> Set.of(Role.values());
            case SpApiSimulator.REFRESH_TOKEN_WITHOUT_ORDERS_ROLE -> Set.of(Role.FULFILLMENT, Role.REPORTS);
            default -> null;
        };
        if (roles == null) {
            // UNCONFIRMED (api-contracts §1.2): the sandbox answers 400 for invalid_grant
            refuse(exchange, 400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
            return;
        }
        String token = "Atza|sandbox-" + UUID.randomUUID();
        issued.put(token, new Issued(SpApiSimulator.sellerOf(fields.get("refresh_token")), roles, Instant.now().plus(lifetime)));
        exchanges.incrementAndGet();
        exchange.responseHeader("Cache-Control", "no-store");
        exchange.respondJson(200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 3600,
                "refresh_token", fields.get("refresh_token")));
    }

    /** Checks an {@code x-amz-access-token} header as SP-API would. */
    Check check(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return new Check.Rejected("Access token is missing in the request header.");
        }
        Issued grant = issued.get(header.get());
        if (grant == null) {
            return new Check.Rejected("The access token you provided is revoked, malformed or invalid.");
        }
        if (!Instant.now().isBefore(grant.expiresAt())) {
            return new Check.Rejected("The access token you provided has expired.");
        }
        return new Check.Valid(grant.seller(), grant.roles());
    }

    private static Map<String, String> fields(SimulatorExchange exchange) throws IOException {
        String contentType = exchange.header("Content-Type").orElse("");
        Map<String, String> fields = new HashMap<>();
        if (contentType.startsWith("application/json")) {
            if (exchange.json() instanceof Map<?, ?> json) {
                json.forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
            }
        } else {
            for (Map.Entry<String, List<String>> field : exchange.form().entrySet()) {
                fields.put(field.getKey(), field.getValue().getFirst());
            }
        }
        return fields;
    }

    private static void refuse(SimulatorExchange exchange, int status, String error, String description)
            throws IOException {
        exchange.respondJson(status, Map.of("error", error, "error_description", description));
    }
}
