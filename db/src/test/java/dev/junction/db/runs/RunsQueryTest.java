package dev.junction.db.runs;

import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunsQueryTest {

    private static final UUID WORKFLOW = UUID.fromString("0b8a4a3e-6f41-4f0b-9a59-3f1f2f6f4b11");

    @Test
    void anEmptyQueryIsThePlainRunsPath() {
        assertThat(RunsQuery.all().toPath()).isEqualTo("runs");
        assertThat(RunsQuery.all().isEmpty()).isTrue();
    }

    @Test
    void everyFilterGoesIntoThePathAndComesBack() {
        RunsQuery query = RunsQuery.ofStatuses(RunStatus.FAILED, RunStatus.DEAD_LETTERED).withWorkflow(WORKFLOW)
                .withVersion(3).withTrigger("webhook")
                .withTime(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"))
                .withConnection("sp-sandbox").withErrorClass("RateLimited").withCategory(ErrorCategory.RATE_LIMIT)
                .withBusinessKey("UK order 17&x=1").withView(UUID.fromString("11111111-2222-3333-4444-555555555555"));

        String path = query.toPath();

        assertThat(path).startsWith("runs?status=failed,dead_lettered&workflow=" + WORKFLOW + "&version=3")
                .contains("&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z", "&category=rate_limit",
                        "&businessKey=UK%20order%2017%26x%3D1");
        assertThat(RunsQuery.parse(path)).isEqualTo(query);
        assertThat(query.isEmpty()).isFalse();
    }

    @Test
    void statusesAndCategoriesParseCaseInsensitively() {
        RunsQuery query = RunsQuery.parse(Map.of("status", List.of("FAILED, Dead_Lettered"),
                "category", List.of("RATE_LIMIT")));

        assertThat(query.statuses()).containsExactlyInAnyOrder(RunStatus.FAILED, RunStatus.DEAD_LETTERED);
        assertThat(query.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
    }

    @Test
    void wrongParametersAreNamedAndLeftOut() {
        List<RunsQuery.Problem> problems = new ArrayList<>();

        RunsQuery query = RunsQuery.parse(Map.of("status", List.of("failed,exploded"), "workflow", List.of("x"),
                "version", List.of("0"), "from", List.of("yesterday"), "category", List.of("weather"),
                "businessKey", List.of("B-1")), problems);

        assertThat(query).isEqualTo(RunsQuery.ofStatuses(RunStatus.FAILED).withBusinessKey("B-1"));
        assertThat(problems).extracting(RunsQuery.Problem::parameter)
                .containsExactlyInAnyOrder("status", "workflow", "version", "from", "category");
        assertThatThrownBy(() -> RunsQuery.parse("status=exploded"))
                .isInstanceOf(RunsQuery.InvalidRunsQuery.class).hasMessageContaining("status: must be one or more of");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> RunsQuery.parse("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"))
                .hasMessageContaining("from: must not be after to").hasMessageContaining("to: must not be before");
    }

    @Test
    void theFilterCarriesEveryCondition() {
        RunFilter filter = RunsQuery.ofStatuses(RunStatus.FAILED).withWorkflow(WORKFLOW).withVersion(2)
                .withTrigger("schedule").withConnection("c1").withCategory(ErrorCategory.AUTH)
                .withBusinessKey("k").withTag(" Orders ").toFilter();

        assertThat(filter).isEqualTo(new RunFilter(WORKFLOW, Set.of(RunStatus.FAILED), "k", null, null, null, null,
                2, "schedule", "c1", ErrorCategory.AUTH, "orders"));
    }

    @Test
    void aTagIsReadLowerCaseAndABadOneIsNamed() {
        assertThat(RunsQuery.parse("runs?tag=UK-Orders").tag()).isEqualTo("uk-orders");
        assertThat(RunsQuery.all().withTag("uk").toPath()).isEqualTo("runs?tag=uk");
        assertThatThrownBy(() -> RunsQuery.parse("tag=two%20words"))
                .hasMessageContaining("tag: must be a tag: 1 to 40 letters, digits, '-' or '_', was 'two words'");
    }
}
