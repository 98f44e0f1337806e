package dev.junction.ui.inbox;

import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.runs.RunsQuery;
import dev.junction.engine.runs.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A group's "open these runs" link is the runs list narrowed to its workflow, error class and failed statuses. */
class ErrorGroupLinkTest {

    @Test
    void theLinkNarrowsTheRunsListToTheGroup() {
        UUID workflow = UUID.fromString("0b6f3c7e-2a51-4c1e-9a59-3f8d1d2c4e10");
        ErrorGroup group = new ErrorGroup(UUID.randomUUID(), workflow, "Orders", "send", "RateLimited", "rate_limit",
                "retry after <n> s", "retry after 3 s", UUID.randomUUID(), 30, 30, 30, 0, null, null, "open", null,
                List.of(), null, null, null);

        String link = ErrorGroupDialog.runsList(group);

        assertThat(link).isEqualTo("runs?status=failed,dead_lettered&workflow=" + workflow + "&errorClass=RateLimited");
        RunsQuery query = RunsQuery.parse(link);
        assertThat(query.workflow()).isEqualTo(workflow);
        assertThat(query.statuses()).containsExactlyInAnyOrder(RunStatus.FAILED, RunStatus.DEAD_LETTERED);
        assertThat(query.errorClass()).isEqualTo("RateLimited");
    }
}
