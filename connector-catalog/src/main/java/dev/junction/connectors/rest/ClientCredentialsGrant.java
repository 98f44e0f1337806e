package dev.junction.connectors.rest;

import dev.junction.connectors.auth.AccessToken;
import dev.junction.connectors.auth.OAuthTokenAnswers;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) at the connection's token URL: the client id and secret
 * by HTTP Basic (§2.3.1, which every server must accept), the scope when set. {@code invalid_client},
 * {@code unauthorized_client} and a 401 are {@code AuthenticationFailed}; {@code invalid_scope} is an
 * {@code InvalidSetting}; 429 and 5xx may pass when tried again. A token without {@code expires_in} is kept for
 * {@link #DEFAULT_LIFETIME_SECONDS}.
 */
final class ClientCredentialsGrant {

    static final long DEFAULT_LIFETIME_SECONDS = 600;

    private final RemoteHttp http;

    ClientCredentialsGrant(RemoteHttp http) {
        this.http = http;
    }

    AccessToken fetch(URI tokenUrl, String clientId, String clientSecret, String scope, Instant deadline)
            throws ConnectorException {
        String credentials = encode(clientId) + ":" + encode(clientSecret);
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + encode(scope));
        RemoteResponse response = http.send(HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)), deadline);
        if (!response.ok()) {
            throw OAuthTokenAnswers.refusal(response);
        }
        return OAuthTokenAnswers.token(response, DEFAULT_LIFETIME_SECONDS);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
