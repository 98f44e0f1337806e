package dev.junction.backend.triggers;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.sandbox.client.SandboxClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks that check who sent them. HMAC-SHA256: a body signed with the HTTP sandbox connection's signing secret
 * starts a run, a forged or stale one is refused. Opayo Server notifications: the Opayo sandbox signs a notification of a real payment with the
 * sandbox connection's security key and posts it; the webhook checks the signature and starts a run. A forged one
 * starts nothing and is recorded.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifiedWebhookTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String NOTIFIED = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "position": {"x": 0, "y": 0},
                         "config": {"verification": {"kind": "opayo-server", "connection": "opayo-pi-sandbox",
                                                     "redirectUrl": "https://shop.example/thanks"}}},
             "nodes": [{"id": "note", "type": "script", "name": "Note", "position": {"x": 200, "y": 0},
                        "config": {"code": "return {status: trigger.Status, tx: trigger.VPSTxId};"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "note"}]}""";

    private static final String PAY = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "card", "type": "connector", "name": "Card", "position": {"x": 200, "y": 0},
                "config": {"connection": "opayo-pi-sandbox", "operation": "createCardIdentifier",
                           "input": {"cardholderName": "Ada Lovelace", "cardNumber": "4929000000006",
                                     "expiryDate": "1230", "securityCode": "123"}}},
               {"id": "pay", "type": "connector", "name": "Pay", "position": {"x": 400, "y": 0},
                "config": {"connection": "opayo-pi-sandbox", "operation": "createTransaction",
                           "input": {"transactionType": "Payment", "amount": 2500, "currency": "GBP",
                                     "vendorTxCode": "{{ trigger.order }}", "description": "Notified order",
                                     "customerFirstName": "Ada", "customerLastName": "Lovelace",
                                     "billingAddress": {"address1": "1 Test Street", "city": "London",
                                                        "postalCode": "EC1A 1BB", "country": "GB"},
                                     "paymentMethod": {"card": {
                                         "merchantSessionKey": "{{ nodes.card.merchantSessionKey }}",
                                         "cardIdentifier": "{{ nodes.card.cardIdentifier }}"}}}}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "card"},
                       {"from": "card", "fromPort": "out", "to": "pay"}]}""";

    private HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGenuineNotificationStartsARunAndAForgedOneIsRejectedAndRecorded() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi runs = new RunsApi(admin);
        String order = "JN-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode payment = runs.finished(runs.start(runs.published("Pay " + order, PAY),
                "{\"order\": \"" + order + "\"}"));
        assertThat(payment.get("run").get("status").asString()).as(payment.toString()).isEqualTo("succeeded");
        String transactionId = payment.get("steps").get(1).get("output").get("value").get("transactionId").asString();
        String workflow = runs.published("Opayo notifications " + order, NOTIFIED);
        String hook = RunsApi.read(admin.get("/api/v1/workflows/" + workflow + "/webhook").body()).get("url")
                .asString();
        SandboxClient sandbox = SandboxClient.withAuthorization("http://127.0.0.1:" + port + "/sandbox",
                admin.authorization());

        HttpResponse<String> notified = sandbox.opayoNotification(transactionId, hook);

        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(200);
        assertThat(notified.body()).contains("Status=OK");
        JsonNode started = RunsApi.read(admin.get("/api/v1/runs?workflowId=" + workflow).body()).get("items");
        assertThat(started).hasSize(1);
        assertThat(started.get(0).get("businessKey").asString()).isEqualTo(order);
        HttpResponse<String> repeated = sandbox.opayoNotification(transactionId, hook);
        assertThat(repeated.body()).as("Opayo repeats a notification it got no answer to").contains("Status=OK");
        assertThat(RunsApi.read(admin.get("/api/v1/runs?workflowId=" + workflow).body()).get("items"))
                .as("the repeat of the transaction's VPSTxId starts no second run").hasSize(1);
        JsonNode run = runs.finished(started.get(0).get("id").asString());
        assertThat(run.get("run").get("status").asString()).isEqualTo("succeeded");
        assertThat(run.toString()).contains(transactionId).doesNotContain("VPSSignature");

        HttpResponse<String> forged = post(hook, "application/x-www-form-urlencoded",
                "VPSProtocol=3.00&TxType=PAYMENT&VendorTxCode=" + order + "&VPSTxId=%7B" + transactionId
                        + "%7D&Status=OK&TxAuthNo=1&AVSCV2=ALL+MATCH&VPSSignature=0123456789ABCDEF0123456789ABCDEF");

        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body()).startsWith("Status=INVALID\r\nRedirectURL=https://shop.example/thanks\r\n");
        assertThat(RunsApi.read(admin.get("/api/v1/runs?workflowId=" + workflow).body()).get("items")).hasSize(1);
        assertThat(db.fetch("select details::text from audit_log where action = 'webhook.rejected' and entity_id = ?",
                workflow).formatJSON()).contains(order).contains("INVALID");
        assertThat(post(hook, "application/x-www-form-urlencoded", "Status=OK").body())
                .as("a notification without its fields").startsWith("Status=ERROR");
    }

    private static final String SIGNED = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "position": {"x": 0, "y": 0},
                         "config": {"verification": {"kind": "hmac-sha256", "connection": "http-sandbox",
                                                     "timestampHeader": "X-Timestamp"}}},
             "nodes": [{"id": "note", "type": "script", "name": "Note", "position": {"x": 200, "y": 0},
                        "config": {"code": "return {order: trigger.order};"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "note"}]}""";

    private HttpResponse<String> signed(String url, String body, String timestamp, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Timestamp", timestamp).header("X-Signature", "sha256=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedWebhookStartsARunAndAForgedOrStaleOneIsRefused() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Signed shop orders " + UUID.randomUUID(), SIGNED);
        String hook = RunsApi.read(admin.get("/api/v1/workflows/" + workflow + "/webhook").body()).get("url")
                .asString();
        String now = Long.toString(java.time.Instant.now().getEpochSecond());

        HttpResponse<String> good = signed(hook, "{\"order\": \"S-1\"}", now, "sandbox-webhook-secret");
        HttpResponse<String> forged = signed(hook, "{\"order\": \"S-2\"}", now, "not-the-secret");
        HttpResponse<String> stale = signed(hook, "{\"order\": \"S-3\"}",
                Long.toString(java.time.Instant.now().minusSeconds(3600).getEpochSecond()), "sandbox-webhook-secret");
        HttpResponse<String> unsigned = post(hook, "application/json", "{\"order\": \"S-4\"}");

        assertThat(good.statusCode()).as(good.body()).isEqualTo(202);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("does not match");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("stale");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("X-Signature").doesNotContain("sandbox-webhook-secret");
        assertThat(RunsApi.read(admin.get("/api/v1/runs?workflowId=" + workflow).body()).get("items")).hasSize(1);
        assertThat(db.fetchOne("select count(*) from audit_log where action = 'webhook.rejected' and entity_id = ?",
                workflow).get(0, Integer.class)).isEqualTo(3);
    }
}
