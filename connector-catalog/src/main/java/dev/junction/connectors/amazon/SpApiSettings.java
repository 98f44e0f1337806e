package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A connection's plain settings as the connector uses them: where SP-API and LWA are, the LWA client id, the
 * default marketplaces and how far back a first poll looks. Secrets are not held here; they are asked for when a
 * token is fetched.
 */
record SpApiSettings(String tokenKey, URI endpoint, URI tokenUrl, String clientId, List<String> marketplaceIds,
                     Duration orderLookback, Duration settlementLookback) {

    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String LWA_TOKEN_URL = "lwaTokenUrl";
    static final String LWA_CLIENT_ID = "lwaClientId";
    static final String LWA_CLIENT_SECRET = "lwaClientSecret";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String MARKETPLACE_IDS = "marketplaceIds";
    static final String ORDER_LOOKBACK_HOURS = "orderPollLookbackHours";
    static final String SETTLEMENT_LOOKBACK_DAYS = "settlementPollLookbackDays";

    static final String DEFAULT_TOKEN_URL = "https://api.amazon.com/auth/o2/token";
    static final Map<String, String> REGION_ENDPOINTS = Map.of(
            "na", "https://sellingpartnerapi-na.amazon.com",
            "eu", "https://sellingpartnerapi-eu.amazon.com",
            "fe", "https://sellingpartnerapi-fe.amazon.com");

    static SpApiSettings of(ConnectionAccess connection) throws ConnectorException {
        String region = connection.setting(REGION).orElse("eu");
        String regionEndpoint = REGION_ENDPOINTS.get(region);
        if (regionEndpoint == null && connection.setting(ENDPOINT).isEmpty()) {
            throw invalid("region", "'" + region + "' is not one of na, eu, fe");
        }
        URI endpoint = uri(ENDPOINT, connection.setting(ENDPOINT).orElse(regionEndpoint));
        URI tokenUrl = uri(LWA_TOKEN_URL, connection.setting(LWA_TOKEN_URL).orElse(DEFAULT_TOKEN_URL));
        String clientId = connection.setting(LWA_CLIENT_ID).or(() -> connection.secret(LWA_CLIENT_ID))
                .orElseThrow(() -> ConnectorException.permanentFailure("MissingSetting",
                        "the connection has no '" + LWA_CLIENT_ID + "' setting", null, null));
        List<String> marketplaces = connection.setting(MARKETPLACE_IDS).map(SpApiSettings::csv).orElse(List.of());
        Duration orderLookback = Duration.ofHours(number(connection, ORDER_LOOKBACK_HOURS, 24, 1, 24 * 30));
        Duration settlementLookback = Duration.ofDays(number(connection, SETTLEMENT_LOOKBACK_DAYS, 30, 1, 90));
        return new SpApiSettings(connection.id() + "@" + connection.revision(), endpoint, tokenUrl, clientId,
                marketplaces, orderLookback, settlementLookback);
    }

    static List<String> csv(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private static long number(ConnectionAccess connection, String name, long fallback, long min, long max)
            throws ConnectorException {
        String text = connection.setting(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw invalid(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, "'" + text + "' is not a whole number");
        }
    }

    private static URI uri(String name, String text) throws ConnectorException {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw invalid(name, "'" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(name, "'" + text + "' is not a URL");
        }
    }

    private static ConnectorException invalid(String name, String problem) {
        return ConnectorException.permanentFailure("InvalidSetting", "the setting '" + name + "' " + problem,
                null, null);
    }
}
