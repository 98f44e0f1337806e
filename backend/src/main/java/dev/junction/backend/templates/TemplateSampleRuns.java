package dev.junction.backend.templates;

import dev.junction.backend.runs.RunService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.StepView;
import dev.junction.db.templates.SampleRunRepository;
import dev.junction.db.templates.StoredSampleRun;
import dev.junction.engine.json.PayloadJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A template's preview run on the sandbox sample (TPL-1): the template's latest version installed with the sandbox
 * connections and the template's sample-run parameters (else the defaults: {@link Template.SampleRunSetup}) as a draft
 * workflow named {@code Template sample · …}, a test run of it with the template's sample input (its unique fields
 * made unique for this run, so that the sample can run again) through the same engine and workers as any run, and — once the run has ended — the
 * workflow archived (hidden from the workflow list, its triggers never live; the run stays in the run history) and
 * the stored mappings and lookup tables its install created removed ({@link SampleCleanUp}). Its effects stay in the
 * sandbox simulators. Each sample run is stored (V37, {@code template_sample_runs}): the preview shows the latest of
 * the template's latest version, after a restart too, and a run still going when the app stopped is finished (and
 * cleaned up) when it is next refreshed.
 */
@Service
public class TemplateSampleRuns {

    /** How much of a step's output (as JSON text) a sample run keeps. */
    static final int OUTPUT_MAX_CHARACTERS = 4_000;
    /** How long {@link #run} waits for the run to end. */
    static final Duration WAIT = Duration.ofMinutes(3);
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "dead_lettered", "cancelled");
    private static final String MAY_RUN = "hasAnyRole('ADMIN', 'DESIGNER')";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TemplateService templates;
    private final RunService runs;
    private final SampleRunRepository store;
    private final SampleCleanUp cleanUp;

    TemplateSampleRuns(TemplateService templates, RunService runs, SampleRunRepository store, SampleCleanUp cleanUp) {
        this.templates = templates;
        this.runs = runs;
        this.store = store;
        this.cleanUp = cleanUp;
    }

    /** The latest sample run of the template's latest version (empty: none yet). */
    @PreAuthorize("isAuthenticated()")
    public Optional<SampleRun> latest(String templateId) {
        TemplateDetail detail = templates.get(templateId, null);
        return store.latest(templateId).map(stored -> JSON.readValue(stored.resultJson(), SampleRun.class))
                .filter(run -> run.templateVersion() == detail.template().version());
    }

    /** Installs the template's latest version for the sandbox and starts its sample run; answers it (running). */
    @PreAuthorize(MAY_RUN)
    public SampleRun start(String templateId) {
        Template template = templates.get(templateId, null).template();
        Instant now = Instant.now();
        Set<UUID> mappingsBefore = cleanUp.mappingIds();
        String run = UUID.randomUUID().toString().substring(0, 8);
        InstallResult installed = templates.install(new InstallRequest(template.id(), template.version(),
                "Template sample · " + template.name() + " · " + run, Map.of(), template.sampleRun().parameters(),
                null));
        List<UUID> createdMappings = installed.mappingIds().stream().filter(id -> !mappingsBefore.contains(id))
                .distinct().toList();
        UUID runId = runs.startTest(installed.workflowId(), installed.workflowVersion(),
                template.sampleRun().input(template.sampleInput(), run), null);
        SampleRun started = new SampleRun(template.id(), template.version(), runId, "running", now,
                CurrentUser.name(), List.of());
        store.insert(new StoredSampleRun(runId, template.id(), template.version(), installed.workflowId(),
                JSON.writeValueAsString(createdMappings), JSON.writeValueAsString(installed.lookupTables()),
                JSON.writeValueAsString(started), now.atOffset(ZoneOffset.UTC)));
        return started;
    }

    /**
     * The sample run as it is now: once it has ended, its steps, and its workflow archived (by the user who asks:
     * an admin or designer); still running, as it was started.
     */
    @PreAuthorize(MAY_RUN)
    public SampleRun refresh(SampleRun sample) {
        RunDetail detail = runs.get(sample.runId());
        String status = detail.run().status();
        if (!ENDED.contains(status)) {
            return sample;
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (templates.get(sample.templateId(), sample.templateVersion()).template().definition()
                .get("nodes") instanceof List<?> nodes) {
            nodes.forEach(node -> {
                if (node instanceof Map<?, ?> map) {
                    names.put(String.valueOf(map.get("id")), String.valueOf(map.get("name")));
                }
            });
        }
        Map<String, SampleRun.Step> steps = new LinkedHashMap<>();
        for (StepView step : detail.steps()) {
            Object output = step.output() == null ? null : step.output().value();
            String json = output == null ? "" : PayloadJson.write(output);
            boolean truncated = json.length() > OUTPUT_MAX_CHARACTERS
                    || step.output() != null && step.output().truncated();
            // a later attempt of the same node replaces an earlier one; the order is of each node's first attempt
            steps.put(step.nodeId(), new SampleRun.Step(step.nodeId(), names.getOrDefault(step.nodeId(),
                    step.nodeId()), step.status(), json.length() > OUTPUT_MAX_CHARACTERS
                    ? json.substring(0, OUTPUT_MAX_CHARACTERS) + "…" : output, truncated, step.errorClass(),
                    step.errorMessage()));
        }
        SampleRun ended = new SampleRun(sample.templateId(), sample.templateVersion(), sample.runId(), status,
                sample.startedAt(), sample.startedBy(), new ArrayList<>(steps.values()));
        store.find(sample.runId()).filter(stored -> stored.workflowId() != null).ifPresent(cleanUp::afterRun);
        store.finish(sample.runId(), JSON.writeValueAsString(ended));
        return ended;
    }

    /** Starts the template's sample run and waits until it has ended (at most {@link #WAIT}); answers it. */
    @PreAuthorize(MAY_RUN)
    public SampleRun run(String templateId) {
        SampleRun sample = start(templateId);
        Instant until = Instant.now().plus(WAIT);
        while (!sample.ended() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return sample;
            }
            sample = refresh(sample);
        }
        return sample;
    }
}
