package dev.junction.connectors.auth;

import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensTest {

    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final AccessTokens tokens = new AccessTokens(Clock.fixed(now, ZoneOffset.UTC));
    private final AtomicInteger fetches = new AtomicInteger();

    private AccessToken fresh(Duration life) {
        return new AccessToken("token-" + fetches.incrementAndGet(), now.plus(life));
    }

    @Test
    void keepsATokenUntilShortlyBeforeItExpires() throws ConnectorException {
        assertThat(tokens.token("c1", () -> fresh(Duration.ofHours(1)))).isEqualTo("token-1");
        assertThat(tokens.token("c1", () -> fresh(Duration.ofHours(1)))).isEqualTo("token-1");
        assertThat(tokens.token("c2", () -> fresh(Duration.ofHours(1)))).as("another connection").isEqualTo("token-2");

        AccessTokens nearlyExpired = new AccessTokens(Clock.fixed(now, ZoneOffset.UTC));
        nearlyExpired.token("c1", () -> fresh(Duration.ofSeconds(90)));
        assertThat(nearlyExpired.token("c1", () -> fresh(Duration.ofHours(1))))
                .as("inside the refresh margin").isEqualTo("token-4");
    }

    @Test
    void aRejectedTokenIsFetchedAnewButOneRefreshedMeanwhileIsKept() throws ConnectorException {
        String first = tokens.token("c1", () -> fresh(Duration.ofHours(1)));
        tokens.invalidate("c1", first);
        String second = tokens.token("c1", () -> fresh(Duration.ofHours(1)));
        tokens.invalidate("c1", first);

        assertThat(second).isEqualTo("token-2");
        assertThat(tokens.token("c1", () -> fresh(Duration.ofHours(1)))).isEqualTo("token-2");
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tokens.token("c1", () -> {
                        sleep();
                        return fresh(Duration.ofHours(1));
                    });
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("token-1");
            }
        }
        assertThat(fetches).hasValue(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
