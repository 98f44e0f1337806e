package dev.junction.backend.alerts.channels;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.Polling;
import dev.junction.db.embedded.EmbeddedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes (two Spring application contexts, both dispatchers running) on one PostgreSQL: every outbox row is
 * POSTed exactly once; rows a dead node claimed are sent by the other once the claim's lease ends; nodes stopped
 * mid-way leave the rest pending, and a restarted node sends them.
 */
class TwoNodesOneDatabaseDeliveryTest {

    private static final String SECRET = "two-nodes-signing-secret";

    @Test
    void eachNotificationIsDeliveredOnceAcrossNodesAndPendingRowsSurviveARestart() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startFresh(false);
             LoopbackReceiver receiver = new LoopbackReceiver()) {
            ConfigurableApplicationContext first = node(database);
            ConfigurableApplicationContext second = node(database);
            assertThat(second.getBean(dev.junction.backend.database.DatabaseServer.class).description())
                    .as("the second node uses the first one's database").startsWith("external PostgreSQL at");
            DSLContext db = first.getBean(DSLContext.class);
            ChannelTestSupport support = new ChannelTestSupport(ApiClient.anonymous(port(first))
                    .as("admin", "test-admin-password"), db);
            UUID channel = support.channel("webhook", "Cluster hook", Map.of("url", receiver.url("/cluster")),
                    Map.of("signingSecret", SECRET));

            insert(db, channel, 200);
            waitUntil(() -> count(db, "sent") == 200, "200 rows sent");

            assertThat(receiver.received()).hasSize(200);
            assertThat(keys(receiver)).hasSize(200).allSatisfy((key, posts) -> assertThat(posts).isEqualTo(1));
            for (LoopbackReceiver.Received post : receiver.received()) {
                assertThat(ChannelTestSupport.validSignature(SECRET, post)).isTrue();
            }
            double byFirst = sent(first);
            double bySecond = sent(second);
            assertThat(byFirst + bySecond).as("first %s, second %s", byFirst, bySecond).isEqualTo(200);
            assertThat(byFirst).as("both dispatchers took part").isPositive();
            assertThat(bySecond).as("both dispatchers took part").isPositive();

            // rows a node claimed (attempt counted, lease of 2 s) before it died: the others send them after the lease
            db.execute("insert into alert_notifications (channel_id, reason, message, attempts, next_attempt_at)"
                    + " select ?::uuid, 'firing', '{\"summary\": \"claimed\"}'::jsonb, 1, now() + interval '2 seconds'"
                    + " from generate_series(1, 5)", channel.toString());
            waitUntil(() -> count(db, "sent") == 205, "the dead node's rows sent after its lease");
            assertThat(keys(receiver)).hasSize(205).allSatisfy((key, posts) -> assertThat(posts).isEqualTo(1));
            assertThat(db.resultQuery("select count(*) from alert_notifications where attempts = 2").fetchOne(0,
                    Integer.class)).as("the dead node's rows, sent at their second attempt").isEqualTo(5);

            // both nodes stop mid-way: what they did not send stays pending, and a restarted node sends it
            receiver.pause(30);
            insert(db, channel, 100);
            waitUntil(() -> receiver.received().size() >= 215, "some of the 100 sent");
            second.close();
            first.close();
            try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(),
                    database.password())) {
                DSLContext plain = org.jooq.impl.DSL.using(connection);
                assertThat(count(plain, "failed")).isZero();
                assertThat(count(plain, "pending")).as("left pending by the stopped nodes").isPositive();
                assertThat(count(plain, "sent") + count(plain, "pending")).isEqualTo(305);
            }
            receiver.pause(0);
            ConfigurableApplicationContext restarted = node(database);
            try {
                DSLContext again = restarted.getBean(DSLContext.class);
                waitUntil(() -> count(again, "sent") == 305, "all 305 sent after the restart");
                Map<String, Integer> keys = keys(receiver);
                assertThat(keys).hasSize(305);
                int resent = receiver.received().size() - 305;
                assertThat(resent).as("at least once: only a send in flight when a node stopped may repeat")
                        .isBetween(0, 2);
            } finally {
                restarted.close();
            }
        }
    }

    private static ConfigurableApplicationContext node(EmbeddedDatabase database) {
        return new SpringApplicationBuilder(BackendTestApplication.class).run(
                "--junction.db.url=" + database.jdbcUrl(), "--junction.db.user=" + database.user(),
                "--junction.db.password=" + database.password(), "--server.port=0",
                "--junction.alerts.dispatch.interval=20ms", "--junction.alerts.dispatch.batch-size=5",
                "--junction.alerts.dispatch.lease=3s");
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static void insert(DSLContext db, UUID channel, int rows) {
        db.execute("insert into alert_notifications (channel_id, reason, message) select ?::uuid, 'firing',"
                + " jsonb_build_object('alertId', gen_random_uuid(), 'ruleName', 'Cluster rule', 'severity',"
                + " 'warning', 'state', 'firing', 'reason', 'firing', 'summary', 'Failure ' || n, 'link',"
                + " 'runs', 'occurrences', 1) from generate_series(1, ?) n", channel.toString(), rows);
    }

    private static int count(DSLContext db, String state) {
        Record row = db.resultQuery("select count(*) from alert_notifications where state = ?", state).fetchOne();
        return row.get(0, Integer.class);
    }

    private static Map<String, Integer> keys(LoopbackReceiver receiver) {
        Map<String, Integer> posts = new HashMap<>();
        receiver.received().forEach(post -> posts.merge(post.header("Idempotency-Key"), 1, Integer::sum));
        return posts;
    }

    private static double sent(ConfigurableApplicationContext node) {
        var counter = node.getBean(MeterRegistry.class).find("junction.alert.notifications").tag("outcome", "sent")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void waitUntil(BooleanSupplier condition, String what) {
        Polling.until(what, Duration.ofSeconds(90), Duration.ofMillis(50), condition);
    }
}
