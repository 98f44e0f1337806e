package dev.junction.backend.reconciliation;

import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The journal lines the app's Dataverse simulator holds for one settlement, read the way a Dynamics user's tool
 * would: a token from the simulator's token endpoint, then {@code GET jnc_journallines?$filter=jnc_journal eq '…'}.
 */
public record DynamicsSandboxJournal(int port) {

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> lines(String settlementId) throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + port + "/sandbox/dataverse";
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=" + DataverseSimulator.CLIENT_ID + "&client_secret="
                + DataverseSimulator.CLIENT_SECRET + "&scope=" + URLEncoder.encode(base + "/.default",
                StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String accessToken = String.valueOf(((Map<String, Object>) PayloadJson.read(token.body())).get("access_token"));
        String filter = URLEncoder.encode("jnc_journal eq '" + settlementId + "'", StandardCharsets.UTF_8)
                .replace("+", "%20");
        HttpResponse<String> lines = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/data/v9.2/jnc_journallines?$filter=" + filter))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (lines.statusCode() != 200) {
            throw new AssertionError("the Dataverse simulator answered " + lines.statusCode() + ": " + lines.body());
        }
        return (List<Map<String, Object>>) ((Map<String, Object>) PayloadJson.read(lines.body())).get("value");
    }
}
