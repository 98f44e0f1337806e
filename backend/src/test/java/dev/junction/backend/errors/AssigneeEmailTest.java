package dev.junction.backend.errors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.notifications.TestSmtp;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.audit.AuditLogRepository;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assigning an error group e-mails the new assignee (OPS-4 "assign with notification") through a real SMTP server
 * (GreenMail on a loopback port): the address is the user's own (set by an ADMIN, checked with a field error), the
 * mail carries a deep link to the group, nobody is e-mailed for assigning themselves, a user without an address is
 * named in the answer, and every notification is audited.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "junction.public-url=https://junction.shop.test/")
class AssigneeEmailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        TestSmtp.settings(properties, smtp);
    }

    private static final String FAILING = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
             "nodes": [{"id": "check", "type": "script", "name": "check", "position": {"x": 0, "y": 0},
                        "config": {"code": "throw new Error('order refused');"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "check"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    AuditLogRepository auditLog;

    @Test
    void theNewAssigneeGetsAnEmailWithALinkToTheGroupOnceAndNeverForAssigningThemselves() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi api = new RunsApi(admin);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ops = "ops-" + suffix;
        String quiet = "quiet-" + suffix;

        // an address that is none is refused naming the field, and creates nobody
        var bad = admin.post("/api/v1/users", "{\"username\": \"" + ops + "\", \"displayName\": \"Ops\","
                + " \"roles\": [\"OPERATOR\"], \"password\": \"ops-password-123\", \"email\": \"ops at shop\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("email").contains("name@example.com");
        assertThat(admin.get("/api/v1/users/" + ops).statusCode()).isEqualTo(404);
        var created = admin.post("/api/v1/users", "{\"username\": \"" + ops + "\", \"displayName\": \"Ops\","
                + " \"roles\": [\"OPERATOR\"], \"password\": \"ops-password-123\", \"email\": \"Ops@Shop.TEST\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(RunsApi.read(created.body()).get("email").asString()).isEqualTo("Ops@shop.test");
        var badChange = admin.send("PUT", "/api/v1/users/" + ops, "{\"email\": \"a@b@c\"}");
        assertThat(badChange.statusCode()).isEqualTo(400);
        assertThat(badChange.body()).contains("email");
        assertThat(RunsApi.read(admin.get("/api/v1/users/" + ops).body()).get("email").asString())
                .as("a refused change changes nothing").isEqualTo("Ops@shop.test");
        assertThat(admin.post("/api/v1/users", "{\"username\": \"" + quiet + "\", \"displayName\": \"Quiet\","
                + " \"roles\": [\"OPERATOR\"], \"password\": \"quiet-password-123\"}").statusCode()).isEqualTo(201);

        String workflow = api.published("Assign mail " + suffix, FAILING);
        String run = api.start(workflow, "{}");
        assertThat(api.finished(run).get("run").get("status").asString()).isIn("failed", "dead_lettered");
        JsonNode groups = RunsApi.read(admin.get("/api/v1/errors/groups?workflow=" + workflow).body());
        String id = groups.get("items").get(0).get("id").asString();
        int before = smtp.getReceivedMessages().length;

        var assigned = admin.send("PUT", "/api/v1/errors/groups/" + id + "/assignee",
                "{\"assignee\": \"" + ops + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        JsonNode answer = RunsApi.read(assigned.body());
        assertThat(answer.get("assignee").asString()).isEqualTo(ops);
        assertThat(answer.get("assigneeEmail").get("outcome").asString()).isEqualTo("sent");
        assertThat(answer.get("assigneeEmail").get("to").asString()).isEqualTo("Ops@shop.test");

        assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[before];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Ops@shop.test");
        assertThat(mail.getSubject()).contains("assigned to you").contains("Assign mail " + suffix);
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("https://junction.shop.test/errors?group=" + id).contains("admin assigned you")
                .contains("order refused");

        // assigning it to the same user again, to oneself, or to a user without an address sends nothing
        JsonNode again = RunsApi.read(admin.send("PUT", "/api/v1/errors/groups/" + id + "/assignee",
                "{\"assignee\": \"" + ops + "\"}").body());
        assertThat(again.get("assigneeEmail").get("outcome").asString()).isEqualTo("none");
        JsonNode self = RunsApi.read(admin.send("PUT", "/api/v1/errors/groups/" + id + "/assignee",
                "{\"assignee\": \"admin\"}").body());
        assertThat(self.get("assignee").asString()).isEqualTo("admin");
        assertThat(self.get("assigneeEmail").get("outcome").asString()).isEqualTo("none");
        JsonNode noAddress = RunsApi.read(admin.send("PUT", "/api/v1/errors/groups/" + id + "/assignee",
                "{\"assignee\": \"" + quiet + "\"}").body());
        assertThat(noAddress.get("assignee").asString()).as("assigned all the same").isEqualTo(quiet);
        assertThat(noAddress.get("assigneeEmail").get("outcome").asString()).isEqualTo("not_sent");
        assertThat(noAddress.get("assigneeEmail").get("reason").asString()).contains("has no e-mail address");
        assertThat(smtp.getReceivedMessages()).hasSize(before + 1);

        assertThat(auditLog.forEntity(ErrorGroupService.ENTITY, id, 10))
                .extracting(entry -> entry.actor() + " " + entry.action())
                .containsExactly("admin error_group.assignee_not_notified", "admin error_group.assigned",
                        "admin error_group.assigned", "admin error_group.assigned",
                        "admin error_group.assignee_notified", "admin error_group.assigned");
        assertThat(auditLog.forEntity("user", ops, 10)).extracting(entry -> entry.action())
                .contains("user.created");
    }
}
