package dev.junction.backend.mappings;

import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.FieldTrace;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingDefinitionException;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.MappingPreview;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.runs.LookupTables;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a mapping that is not saved on one sample record: the output, each target field's value, lineage and
 * pipeline steps, and every problem. A mapping that does not compile is an answer too ({@code compiled} false, its
 * definition problems listed), so an editor can show them beside the rules. Nothing is stored and nothing leaves the
 * process, so every signed-in role may preview (VIEWER and OPERATOR with their own samples).
 */
@Service
public class MappingPreviewService {

    private final MappingCompiler compiler;
    private final MappingEnvironment environment;

    MappingPreviewService(MappingCompiler compiler, MappingEnvironment environment) {
        this.compiler = compiler;
        this.environment = environment;
    }

    /** A preview, or the definition problems of a mapping that does not compile. */
    public record Answer(boolean compiled, Object output, List<FieldTrace> fields, List<MappingProblem> problems) {
        public Answer {
            fields = List.copyOf(fields);
            problems = List.copyOf(problems);
        }
    }

    @PreAuthorize("isAuthenticated()")
    public Answer preview(Map<?, ?> mapping, Object sample) {
        return preview(mapping, sample, environment);
    }

    /**
     * A preview where the given lookup tables answer before the stored ones: a template's tables before it is
     * installed (nothing is stored).
     */
    @PreAuthorize("isAuthenticated()")
    public Answer preview(Map<?, ?> mapping, Object sample, List<UnsavedLookupTable> tables) {
        return preview(mapping, sample, new MappingEnvironment(new UnsavedFirst(tables, environment.lookups()),
                environment.rates()));
    }

    /** A lookup table that is not stored: its name, its policy for a missing key, and its entries. */
    public record UnsavedLookupTable(String name, LookupTables.MissingKey missingKey, Map<String, Object> entries) {
        public UnsavedLookupTable {
            entries = Map.copyOf(entries);
        }
    }

    private record UnsavedFirst(List<UnsavedLookupTable> tables, LookupTables stored) implements LookupTables {

        @Override
        public Optional<Object> find(String table, String key) {
            return unsaved(table).map(found -> Optional.ofNullable(found.entries().get(key)))
                    .orElseGet(() -> stored.find(table, key));
        }

        @Override
        public MissingKey missingKeyPolicy(String table) {
            return unsaved(table).map(UnsavedLookupTable::missingKey).orElseGet(() -> stored.missingKeyPolicy(table));
        }

        private Optional<UnsavedLookupTable> unsaved(String table) {
            return tables.stream().filter(candidate -> candidate.name().equals(table)).findFirst();
        }
    }

    private Answer preview(Map<?, ?> mapping, Object sample, MappingEnvironment environment) {
        CompiledMapping compiled;
        try {
            compiled = compile(mapping);
        } catch (MappingDefinitionException e) {
            return new Answer(false, null, List.of(), e.problems());
        }
        MappingPreview preview = compiled.preview(sample, environment);
        return new Answer(true, preview.output(), preview.fields(), preview.problems());
    }

    /** The compiled mapping; throws {@link MappingDefinitionException} listing every problem when it does not compile. */
    @PreAuthorize("isAuthenticated()")
    public CompiledMapping compile(Map<?, ?> mapping) {
        return compiler.compile(MappingJson.read(mapping));
    }

    /** What the compiled mapping makes of a sample (for test cases). */
    public MappingPreview run(CompiledMapping compiled, Object sample) {
        return compiled.preview(sample, environment);
    }
}
