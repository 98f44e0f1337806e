package dev.junction.backend.templates;

import java.util.Map;

/**
 * Create or change a draft installation: each field null keeps what the draft has (templateId: needed on create).
 * {@code testInput}: the wizard's test input as edited (a JSON object, the trigger's payload).
 */
public record DraftInput(String templateId, Integer templateVersion, String step, String workflowName,
                         Map<String, String> connections, Map<String, Object> parameters,
                         Map<String, Object> testInput) {
}
