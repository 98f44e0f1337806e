package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.Rule;
import dev.junction.engine.mapping.model.SchemaReference;
import dev.junction.engine.mapping.model.Source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the mappings saved in this instance say: which target path each rule fills from which source path. A rule
 * of a mapping between the same two schemas is evidence for exactly that pair of paths (and its pipe is worth
 * reusing). A rule of any other mapping links two names: it is evidence for a pair with the same target name and a
 * source name like its source ({@code AddressLine1 → address1} speaks for {@code line1 → address1}), or the same
 * source name and a target name like its target; as strong as the names are alike. Each mapping counts once.
 */
final class SavedEvidence {

    /**
     * How many saved mappings map this pair, how alike their names are to it (1 for the same names), the pipe the
     * first of them uses, and an example for the reason.
     */
    record Count(int mappings, double strength, List<Map<String, Object>> pipe, String example) {
    }

    /** A rule of a mapping between other schemas: its target and source names. */
    private record Link(Name target, Name source, String example, int mapping) {
    }

    /** How alike a link's other name must be to count. */
    private static final double ALIKE = 0.7;

    static final SavedEvidence NONE = new SavedEvidence();

    private final Map<String, Set<Integer>> exact = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> exactPipes = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Synonyms synonyms;

    private SavedEvidence() {
        this.synonyms = null;
    }

    SavedEvidence(List<MappingDocument> saved, Map<String, ?> sourceSchema, Map<String, ?> targetSchema,
                  SchemaCatalog schemas, Synonyms synonyms) {
        this.synonyms = synonyms;
        for (int i = 0; i < saved.size(); i++) {
            MappingDocument mapping = saved.get(i);
            boolean samePair = sourceSchema.equals(schema(mapping.source(), schemas))
                    && targetSchema.equals(schema(mapping.target(), schemas));
            walk(mapping.rules(), "", "", i, samePair);
        }
    }

    /** Saved mappings between the same two schemas that fill {@code targetPath} from {@code sourcePath}. */
    Optional<Count> exact(String targetPath, String sourcePath) {
        String key = targetPath + "←" + sourcePath;
        Set<Integer> mappings = exact.get(key);
        return mappings == null ? Optional.empty()
                : Optional.of(new Count(mappings.size(), 1, exactPipes.getOrDefault(key, List.of()), key));
    }

    /**
     * Saved mappings of other schemas whose rules link names like these: the same target name and a source name at
     * least {@value #ALIKE} alike, or the other way round.
     */
    Optional<Count> byNames(Name target, Name source) {
        Set<Integer> mappings = new LinkedHashSet<>();
        double best = 0;
        String example = null;
        for (Link link : links) {
            boolean sameTarget = link.target().leaf().equals(target.leaf());
            boolean sameSource = link.source().leaf().equals(source.leaf());
            double strength = sameTarget && sameSource ? 1 : sameTarget ? alike(source, link.source())
                    : sameSource ? alike(target, link.target()) : 0;
            if (strength >= ALIKE) {
                mappings.add(link.mapping());
                if (strength > best) {
                    best = strength;
                    example = link.example() + (strength < 1 ? " (" + (sameTarget ? link.source().raw() + " ~ "
                            + source.raw() : link.target().raw() + " ~ " + target.raw()) + ")" : "");
                }
            }
        }
        return mappings.isEmpty() ? Optional.empty() : Optional.of(new Count(mappings.size(), best, List.of(),
                example));
    }

    private double alike(Name a, Name b) {
        return NameScore.of(a, b, synonyms).score();
    }

    private void walk(List<Rule> rules, String targetPrefix, String sourcePrefix, int mapping, boolean samePair) {
        for (Rule rule : rules) {
            String targetPath = targetPrefix + rule.target().strip();
            switch (rule) {
                case Rule.ForEachRule each -> resolve(sourcePrefix, each.forEach()).ifPresent(sourcePath -> {
                    record(targetPath, sourcePath, List.of(), mapping, samePair, false);
                    walk(each.rules(), targetPath + "[].", sourcePath + "[].", mapping, samePair);
                });
                case Rule.ValueRule value -> {
                    List<String> froms = switch (value.source()) {
                        case Source.Path path -> List.of(path.path());
                        case Source.Paths paths -> paths.paths();
                        default -> List.of();
                    };
                    List<Map<String, Object>> pipe = value.pipe().stream().map(MappingJson::write).toList();
                    for (String from : froms) {
                        resolve(sourcePrefix, from).ifPresent(sourcePath -> record(targetPath, sourcePath, pipe,
                                mapping, samePair, froms.size() == 1));
                    }
                }
            }
        }
    }

    private void record(String targetPath, String sourcePath, List<Map<String, Object>> pipe, int mapping,
                        boolean samePair, boolean keepPipe) {
        if (samePair) {
            String key = targetPath + "←" + sourcePath;
            exact.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(mapping);
            if (keepPipe) {
                exactPipes.putIfAbsent(key, pipe);
            }
            return;
        }
        Name target = name(targetPath);
        Name source = name(sourcePath);
        links.add(new Link(target, source, source.raw() + " → " + target.raw(), mapping));
    }

    /** A saved path's name with its parents ({@code order_details[].productid.productnumber}). */
    private Name name(String path) {
        return synonyms.splitter().name(List.of(path.replace("[]", "").split("\\.")));
    }

    /** A saved rule's source path as an absolute schema path; empty for $index and $parent. */
    private static Optional<String> resolve(String prefix, String from) {
        String path = from.strip().replaceAll("\\[\\d+]", "[]");
        if (path.startsWith("$root.")) {
            return Optional.of(path.substring("$root.".length()));
        }
        if (path.startsWith("$")) {
            return path.equals("$index") ? Optional.of("$index") : Optional.empty();
        }
        return Optional.of(prefix + path);
    }

    private static Object schema(SchemaReference side, SchemaCatalog schemas) {
        return switch (side) {
            case null -> null;
            case SchemaReference.ById id -> schemas.find(id.id()).orElse(null);
            case SchemaReference.Inline inline -> inline.schema();
        };
    }
}
