package dev.junction.backend.templates;

import dev.junction.backend.mappings.MappingPreviewService;
import dev.junction.db.lookups.LookupTable;
import dev.junction.engine.runs.LookupTables;

import java.util.List;
import java.util.Map;

/**
 * One version of a workflow template: what it is for (markdown {@code description}), the connections it needs
 * ({@link Requirement}, one per connection), the values an installer chooses ({@link Parameter}), the workflow
 * definition with placeholders — {@code ${requirement.<key>}} where a connection id goes, {@code ${parameter.<key>}}
 * where a parameter's value goes (a whole string that is one placeholder becomes the value itself, typed; inside a
 * longer text it is written as text), {@code ${mapping.<key>}} where a stored mapping's id goes — a sample trigger
 * input, the stored mappings and lookup tables it needs, and how its sample run on the sandbox differs from an
 * install ({@link SampleRunSetup}). Bundled ones live under
 * {@code backend/src/main/resources/templates/}; admins upload newer versions or new templates over REST.
 */
public record Template(String id, int version, String name, String description, List<String> connectors,
                       List<Requirement> requirements, List<Parameter> parameters, Map<String, Object> definition,
                       Map<String, Object> sampleInput, List<TemplateMapping> mappings,
                       List<TemplateLookupTable> lookupTables, SampleRunSetup sampleRun) {

    public Template {
        sampleRun = sampleRun == null ? SampleRunSetup.NONE : sampleRun;
        connectors = connectors == null ? List.of() : List.copyOf(connectors);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        sampleInput = sampleInput == null ? Map.of() : sampleInput;
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        lookupTables = lookupTables == null ? List.of() : List.copyOf(lookupTables);
    }

    /**
     * The sample input for one more run: its {@link SampleRunSetup#uniqueFields} made unique (e.g. {@code SHOP-1001}
     * becomes {@code SHOP-1001-3f9a2c1b}), so that a second run is not refused as a duplicate order.
     */
    public Map<String, Object> freshSampleInput() {
        return sampleRun.input(sampleInput, java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * One connection the workflow needs: {@code key} (what the definition's {@code ${requirement.<key>}} names),
     * the {@code connector} type (e.g. {@code amazon-sp-api}), a {@code label} and {@code why} it is needed.
     */
    public record Requirement(String key, String connector, String label, String why) {
    }

    /**
     * A value chosen at install: {@code type} is {@code string}, {@code integer}, {@code number}, {@code boolean},
     * {@code enum} (one of {@code options}) or {@code cron} (Quartz, seconds first); {@code defaultValue} is used when
     * the installer gives none; {@code required} parameters without a default must be given.
     */
    public record Parameter(String key, String label, String type, List<String> options, Object defaultValue,
                            String description, Boolean required) {

        public Parameter {
            options = options == null ? List.of() : List.copyOf(options);
            required = Boolean.TRUE.equals(required);
        }
    }

    /** A stored mapping the template installs (reused when one of that name with the same definition exists). */
    public record TemplateMapping(String key, String name, String description, Map<String, Object> definition) {
    }

    /** A lookup table the template installs with its default entries (kept as it is when one of that name exists). */
    public record TemplateLookupTable(String name, String description, String missingKey, String keyLabel,
                                      String valueLabel, Map<String, Object> entries) {

        /** The table as installing it would store it, for previews before the template is installed. */
        public MappingPreviewService.UnsavedLookupTable unsaved() {
            return new MappingPreviewService.UnsavedLookupTable(name, LookupTable.policy(
                    missingKey == null ? "error" : missingKey).orElse(LookupTables.MissingKey.ERROR), entries);
        }
    }

    /**
     * How the template's sample run on the sandbox (the gallery's preview, the wizard's default test input) differs
     * from an install: {@code parameters} given to the sample's install instead of the defaults (e.g. a 1-second
     * cancellation window and shipment check instead of 10 and 15 minutes, so the sample ends in seconds), and
     * {@code uniqueFields}, top-level text fields of the sample input made unique for each run (a suffix such as
     * {@code -3f9a2c1b} appended: an order id the payment provider or Amazon refuses to see twice).
     */
    public record SampleRunSetup(Map<String, Object> parameters, List<String> uniqueFields) {

        public static final SampleRunSetup NONE = new SampleRunSetup(Map.of(), List.of());

        public SampleRunSetup {
            parameters = parameters == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
            uniqueFields = uniqueFields == null ? List.of() : List.copyOf(uniqueFields);
        }

        /** {@code sampleInput} with each unique field's text suffixed by {@code -<run>}. */
        public Map<String, Object> input(Map<String, Object> sampleInput, String run) {
            if (uniqueFields.isEmpty()) {
                return sampleInput;
            }
            Map<String, Object> input = new java.util.LinkedHashMap<>(sampleInput);
            uniqueFields.forEach(field -> {
                if (input.get(field) instanceof String text) {
                    input.put(field, text + "-" + run);
                }
            });
            return input;
        }
    }
}
