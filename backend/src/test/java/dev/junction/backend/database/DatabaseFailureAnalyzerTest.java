package dev.junction.backend.database;

import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start against an external PostgreSQL that is not there fails with a short report, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFailureAnalyzerTest {

    @Test
    void anUnreachableExternalDatabaseIsReportedByItsUrlAndSetting(CapturedOutput output) {
        String url = "jdbc:postgresql://localhost:1/junction";

        assertThatThrownBy(() -> SpringApplication.run(BackendTestApplication.class,
                "--junction.db.url=" + url, "--spring.datasource.hikari.connection-timeout=2000"))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Junction could not connect to the PostgreSQL at " + url)
                .contains("check JUNCTION_DB_URL, JUNCTION_DB_USER and JUNCTION_DB_PASSWORD")
                .doesNotContain("\tat org.postgresql");
    }
}
