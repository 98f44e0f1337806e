package dev.junction.backend.templates;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ConnectionInput;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.db.workflows.WorkflowVersionRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The go-live checklist is handed the version it is about: a publish reads (and parses and validates) the version
 * once, the gate and the checklist take it from there; the checklist of a version just saved (what the designer shows
 * after a save) reads no version at all, and still reflects that version's problems and connections. Reads are
 * counted on the real repository (embedded PostgreSQL), per workflow.
 */
@SpringBootTest(classes = BackendTestApplication.class)
@Import(GoLiveChecklistReadsOnceTest.CountReads.class)
class GoLiveChecklistReadsOnceTest {

    /** The real repository, counting the versions read per workflow. */
    static class CountingVersionReads extends WorkflowVersionRepository {

        final Map<UUID, AtomicInteger> reads = new ConcurrentHashMap<>();

        CountingVersionReads(DSLContext db) {
            super(db);
        }

        @Override
        public Optional<WorkflowVersion> find(UUID workflowId, int version) {
            reads.computeIfAbsent(workflowId, id -> new AtomicInteger()).incrementAndGet();
            return super.find(workflowId, version);
        }

        int of(UUID workflowId) {
            AtomicInteger count = reads.remove(workflowId);
            return count == null ? 0 : count.get();
        }
    }

    @TestConfiguration
    static class CountReads {

        @Bean
        @Primary
        CountingVersionReads countingVersionReads(DSLContext db) {
            return new CountingVersionReads(db);
        }
    }

    @Autowired
    CountingVersionReads reads;
    @Autowired
    WorkflowService workflows;
    @Autowired
    WorkflowVersionService versions;
    @Autowired
    TemplateService templates;
    @Autowired
    ConnectionService connections;

    @BeforeEach
    void signInAsAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGatedPublishReadsTheVersionOnce() {
        UUID workflowId = saved("production", "return {};").workflowId();

        assertThatThrownBy(() -> versions.publish(workflowId, 2)).isInstanceOf(InvalidInputException.class)
                .satisfies(refused -> assertThat(((InvalidInputException) refused).problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("readiness.connections-tested"));

        assertThat(reads.of(workflowId)).as("versions read by one publish").isEqualTo(1);
    }

    @Test
    void anUngatedPublishReadsTheVersionOnce() {
        UUID workflowId = saved("sandbox", "return {};").workflowId();

        versions.publish(workflowId, 2);

        assertThat(reads.of(workflowId)).as("versions read by one publish").isEqualTo(1);
        assertThat(workflows.get(workflowId).publishedVersion()).isEqualTo(2);
    }

    @Test
    void theChecklistOfASavedVersionReadsNoVersionAndShowsThatVersion() {
        Saved version = saved("production", "return (;");
        UUID workflowId = version.workflowId();
        StoredDefinition saved = version.stored();
        String connection = version.connection();

        Readiness readiness = templates.readiness(saved);
        List<InvalidInputException.FieldProblem> refusals = versions.publishRefusals(saved);

        assertThat(reads.of(workflowId)).as("versions read to show the checklist of a saved version").isZero();
        assertThat(readiness.version()).isEqualTo(2);
        assertThat(readiness.gated()).isTrue();
        assertThat(readiness.gate()).contains("production connection " + connection);
        assertThat(readiness.items()).filteredOn(item -> item.key().equals("no-problems")).singleElement()
                .satisfies(item -> {
                    assertThat(item.done()).isFalse();
                    assertThat(item.hint()).startsWith("1 problem to fix, e.g. ");
                });
        assertThat(readiness.items()).filteredOn(item -> item.key().equals("connections-tested")).singleElement()
                .satisfies(item -> assertThat(item.hint()).isEqualTo("Test " + connection + "."));
        assertThat(refusals).extracting(InvalidInputException.FieldProblem::field)
                .containsExactly("readiness.connections-tested", "readiness.no-problems");
    }

    @Test
    void theChecklistOfTheLatestVersionReadsItOnce() {
        UUID workflowId = saved("sandbox", "return {};").workflowId();

        Readiness readiness = templates.readiness(workflowId);

        assertThat(reads.of(workflowId)).as("versions read by the REST read of the checklist").isEqualTo(1);
        assertThat(readiness.version()).isEqualTo(2);
        assertThat(readiness.gate()).isEqualTo("Sandbox only: not gating publish");
    }

    /** A workflow's version 2, just saved: a script of {@code code} and a connection in {@code environment}. */
    record Saved(UUID workflowId, String connection, StoredDefinition stored) {
    }

    /** {@link Saved}, with the reads of the save forgotten (only what the test does next is counted). */
    private Saved saved(String environment, String code) {
        String connection = connection(environment);
        UUID workflowId = workflows.create("Reads once " + UUID.randomUUID(), "").id();
        StoredDefinition stored = versions.save(workflowId, 1, definition(connection, code), "reads the shop");
        reads.of(workflowId);
        return new Saved(workflowId, connection, stored);
    }

    /** A new HTTP connection in {@code environment} (never tested, never called: loopback, port 9). */
    private String connection(String environment) {
        String id = "reads-" + environment + "-" + UUID.randomUUID().toString().substring(0, 8);
        connections.create(new ConnectionInput(id, id, "http", environment,
                Map.of("baseUrl", "http://127.0.0.1:9", "authKind", "none"), Map.of()));
        return id;
    }

    /** A manual trigger, a script, and a connector node on {@code connection}. */
    private static String definition(String connection, String code) {
        return """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "shape", "type": "script", "name": "Shape", "config": {"code": "%s"},
                            "position": {"x": 200, "y": 0}},
                           {"id": "read", "type": "connector", "name": "Read order", "position": {"x": 400, "y": 0},
                            "config": {"connection": "%s", "operation": "request",
                                       "input": {"method": "GET", "path": "/orders/1"}}}],
                 "edges": [{"from": "trigger", "to": "shape"}, {"from": "shape", "to": "read"}]}"""
                .formatted(code, connection);
    }
}
