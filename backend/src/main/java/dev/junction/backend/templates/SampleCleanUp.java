package dev.junction.backend.templates;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.db.templates.SampleRunRepository;
import dev.junction.db.templates.StoredSampleRun;
import dev.junction.engine.json.PayloadJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a template's sample run leaves once it has ended: its workflow archived (out of the list; its run stays in the
 * history), and the stored mappings and lookup tables its install created removed — unless a template was installed
 * into another workflow since the sample started (that install may have reused them: a mapping of the same
 * definition, a lookup table of the same name; they are then that installation's and stay), or a published workflow
 * uses one by now (its removal is refused; it stays).
 */
@Component
class SampleCleanUp {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCleanUp.class);

    private final MappingService mappings;
    private final LookupTableService lookupTables;
    private final WorkflowService workflows;
    private final SampleRunRepository store;

    SampleCleanUp(MappingService mappings, LookupTableService lookupTables, WorkflowService workflows,
                  SampleRunRepository store) {
        this.mappings = mappings;
        this.lookupTables = lookupTables;
        this.workflows = workflows;
        this.store = store;
    }

    /** The ids of the stored mappings there are now (to tell which ones an install created). */
    Set<UUID> mappingIds() {
        return mappings.list().stream().map(StoredMapping::id).collect(Collectors.toSet());
    }

    /** Archives the sample's workflow and removes what its install created (see the class comment). */
    void afterRun(StoredSampleRun run) {
        try {
            workflows.delete(run.workflowId()); // it has a run: archived, the run kept
        } catch (NotFoundException alreadyGone) {
            return; // another refresh of the same sample run did this
        }
        if (store.installedSince(run.startedAt(), run.workflowId())) {
            LOG.info("Sample run {} of template {}: its mappings and lookup tables are kept, as a template was"
                    + " installed since it started", run.runId(), run.templateId());
            return;
        }
        for (Object id : (List<?>) PayloadJson.read(run.createdMappingsJson())) {
            try {
                mappings.delete(UUID.fromString(String.valueOf(id)));
            } catch (ConflictException | NotFoundException kept) {
                LOG.info("Sample run {}: mapping {} kept: {}", run.runId(), id, kept.getMessage());
            }
        }
        for (Object name : (List<?>) PayloadJson.read(run.createdLookupTablesJson())) {
            try {
                lookupTables.delete(String.valueOf(name));
            } catch (ConflictException | NotFoundException kept) {
                LOG.info("Sample run {}: lookup table {} kept: {}", run.runId(), name, kept.getMessage());
            }
        }
    }
}
