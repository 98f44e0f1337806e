package dev.junction.ui.mappings.editor;

import dev.junction.backend.catalog.CatalogService;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.backend.mappings.ConnectionSampleService;
import dev.junction.backend.mappings.MappingPreviewService;
import dev.junction.backend.mappings.MappingRunSampleService;
import dev.junction.backend.mappings.MappingSampleService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.backend.mappings.MappingSuggestionService;
import dev.junction.backend.mappings.MappingTestCaseService;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The services a mapping editor page talks to, and the presenter of one stored mapping's editor over them. */
@Component
public class MappingEditorPresenters {

    final MappingService mappings;
    final MappingPreviewService previews;
    final MappingSuggestionService suggestions;
    final CatalogService catalog;
    final LookupTableService lookupTables;
    final ConnectionService connections;
    final MappingSampleService samples;
    final ConnectionSampleService connectionSamples;
    final MappingRunSampleService runSamples;
    final MappingTestCaseService testCases;

    MappingEditorPresenters(MappingService mappings, MappingPreviewService previews,
                            MappingSuggestionService suggestions, CatalogService catalog,
                            LookupTableService lookupTables, ConnectionService connections,
                            MappingSampleService samples, ConnectionSampleService connectionSamples,
                            MappingRunSampleService runSamples, MappingTestCaseService testCases) {
        this.mappings = mappings;
        this.previews = previews;
        this.suggestions = suggestions;
        this.catalog = catalog;
        this.lookupTables = lookupTables;
        this.connections = connections;
        this.samples = samples;
        this.connectionSamples = connectionSamples;
        this.runSamples = runSamples;
        this.testCases = testCases;
    }

    /** The editor of this mapping (throws NotFoundException when there is none). */
    public MappingEditorPresenter forMapping(UUID mappingId) {
        mappings.get(mappingId);
        return new MappingEditorPresenter(this, mappingId);
    }
}
