package dev.junction.engine.runs;

import dev.junction.engine.definition.WorkflowDefinition;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps parsed versions in memory: a version never changes once saved, so it is read and parsed once. Which version
 * is published changes, so that question always goes to the source.
 */
public final class CachingWorkflowSource implements WorkflowSource {

    private static final int MAX_VERSIONS = 5_000;

    private final WorkflowSource source;
    private final Map<String, WorkflowDefinition> versions = new ConcurrentHashMap<>();

    public CachingWorkflowSource(WorkflowSource source) {
        this.source = source;
    }

    @Override
    public Optional<WorkflowDefinition> version(UUID workflowId, int version) {
        String key = workflowId + "/" + version;
        WorkflowDefinition cached = versions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<WorkflowDefinition> loaded = source.version(workflowId, version);
        if (loaded.isPresent()) {
            if (versions.size() >= MAX_VERSIONS) {
                versions.clear();
            }
            versions.put(key, loaded.get());
        }
        return loaded;
    }

    @Override
    public Optional<Integer> publishedVersion(UUID workflowId) {
        return source.publishedVersion(workflowId);
    }
}
