package dev.junction.backend.workflows;

import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What shows a version just saved (the designer page's go-live checklist after a save) gets the save's own reading
 * and validation of it, not a new one; only while it runs, and only for that version.
 */
@SpringBootTest(classes = BackendTestApplication.class)
class ShowingSavedVersionTest {

    private static final String DEFINITION = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [{"id": "toOrder", "type": "script", "name": "To order", "config": {"code": "return (;"},
                        "position": {"x": 250, "y": 0}}],
             "edges": [{"from": "trigger", "to": "toOrder"}]}""";

    @Autowired
    WorkflowService workflows;
    @Autowired
    WorkflowVersionService versions;

    UUID workflowId;

    @BeforeEach
    void aWorkflowOfADesigner() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dana",
                null, List.of(new SimpleGrantedAuthority("ROLE_DESIGNER"))));
        workflowId = workflows.create("Shown " + UUID.randomUUID(), "").id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void whileShowingASavedVersionReadingItAnswersTheSavesReading() {
        StoredDefinition saved = versions.save(workflowId, 1, DEFINITION, "a broken script");
        assertThat(saved.problems()).extracting(problem -> problem.nodeId()).containsExactly("toOrder");
        List<StoredDefinition> read = new ArrayList<>();

        versions.showingSaved(saved, () -> {
            read.add(versions.get(workflowId, 2));
            read.add(versions.latest(workflowId));
            read.add(versions.get(workflowId, 1));
        });

        assertThat(read.get(0)).isSameAs(saved);
        assertThat(read.get(1)).isSameAs(saved);
        assertThat(read.get(2)).isNotSameAs(saved); // another version is read as ever
        assertThat(read.get(2).version().version()).isEqualTo(1);
    }

    @Test
    void beforeAndAfterEveryReadReadsAndValidatesAgain() {
        StoredDefinition saved = versions.save(workflowId, 1, DEFINITION, "a broken script");
        versions.showingSaved(saved, () -> { });

        StoredDefinition again = versions.get(workflowId, 2);
        assertThat(again).isNotSameAs(saved);
        assertThat(again.definition()).isEqualTo(saved.definition());
        assertThat(again.problems()).isEqualTo(saved.problems());
        assertThat(versions.get(workflowId, 2)).isNotSameAs(again);
    }
}
