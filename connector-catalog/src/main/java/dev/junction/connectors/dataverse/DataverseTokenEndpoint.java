package dev.junction.connectors.dataverse;

import dev.junction.connectors.auth.AccessToken;
import dev.junction.connectors.auth.OAuthTokenAnswers;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The OAuth 2.0 client-credentials grant against the Microsoft identity platform (api-contracts §3.1): the client
 * id and secret for a token with the scope {@code <organisation URL>/.default}. {@code invalid_client} and
 * {@code unauthorized_client} are permanent {@code AuthenticationFailed}; a wrong tenant or scope is a permanent
 * {@code InvalidSetting}; 429 and 5xx are retryable. The secret goes only into the form body.
 */
final class DataverseTokenEndpoint {

    private final RemoteHttp http;

    DataverseTokenEndpoint(RemoteHttp http) {
        this.http = http;
    }

    AccessToken fetch(DataverseSettings settings, String clientSecret, Instant deadline) throws ConnectorException {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode(settings.scope());
        RemoteResponse response = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)), deadline);
        if (!response.ok()) {
            throw OAuthTokenAnswers.refusal(response);
        }
        return OAuthTokenAnswers.token(response, 0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
