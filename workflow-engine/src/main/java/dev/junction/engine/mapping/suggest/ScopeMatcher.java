package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.ValueMapCatalog;
import dev.junction.engine.schema.JsonSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches the target fields of one scope (the record, or the elements of two lists) with its source fields: every
 * pair is scored (name × type fit, raised by saved mappings), then the best pairs are taken greedily, each target
 * once and each source once unless it may be shared; lists of objects are paired the same way, their elements
 * matched recursively into {@code forEach} suggestions.
 */
final class ScopeMatcher {

    static final double THRESHOLD = 0.5;
    private static final double ROOT_PENALTY = 0.85;
    private static final double INDEX_SCORE = 0.6;
    private static final double REUSE_PENALTY = 0.95;
    private static final double REQUIRED_BONUS = 0.02;
    /** How much of the remaining doubt one saved mapping of other schemas takes away (with names alike: less). */
    private static final double HISTORY_WEIGHT = 0.4;
    /** The least confidence saved mappings of other schemas give a pair of the very same names (one, and at most). */
    private static final double SAME_NAMES = 0.75;
    private static final double SAME_NAMES_MAX = 0.9;
    /** How far two lists' elements alone (names unlike) may carry their pairing. */
    private static final double ELEMENTS_ALONE = 0.8;
    private static final int MAX_DEPTH = 8;
    private static final Field INDEX = new Field("$index", "$index", new Name("$index", List.of("index"), List.of()),
            JsonSchema.of(Map.of("type", "integer")), Field.Kind.INDEX, false);

    /** One scope: its fields, and inside a forEach the record's fields ($root) and the position ($index). */
    record Scope(List<Field> sources, List<Field> targets, List<Field> roots, boolean element, int depth) {
    }

    private final Synonyms synonyms;
    private final SchemaFields fields;
    private final SavedEvidence evidence;
    private final ValueMapCatalog valueMaps;

    ScopeMatcher(Synonyms synonyms, SavedEvidence evidence, ValueMapCatalog valueMaps) {
        this.synonyms = synonyms;
        this.valueMaps = valueMaps;
        this.fields = new SchemaFields(synonyms.splitter());
        this.evidence = evidence;
    }

    List<Suggestion> suggest(JsonSchema source, JsonSchema target) {
        List<Field> sources = fields.fields(source, "");
        List<Field> roots = sources.stream().filter(field -> field.kind() == Field.Kind.LEAF)
                .map(field -> new Field("$root." + field.path(), field.schemaPath(), field.name(), field.schema(),
                        Field.Kind.ROOT, field.required())).toList();
        return match(new Scope(sources, fields.fields(target, ""), roots, false, 0));
    }

    private List<Suggestion> match(Scope scope) {
        List<Field> sourceLeaves = new ArrayList<>(scope.sources().stream().filter(Field::isLeaf).toList());
        if (scope.element()) {
            sourceLeaves.addAll(scope.roots());
            sourceLeaves.add(INDEX);
        }
        List<Field> currencies = new ArrayList<>(scope.sources());
        if (scope.element()) {
            currencies.addAll(scope.roots());
        }
        List<Candidate> leaves = new ArrayList<>();
        for (Field target : scope.targets()) {
            if (target.isLeaf()) {
                for (Field source : sourceLeaves) {
                    leaf(target, source, currencies).ifPresent(leaves::add);
                }
            }
        }
        List<Candidate> lists = new ArrayList<>();
        if (scope.depth() < MAX_DEPTH) {
            for (Field target : scope.targets()) {
                if (!target.isLeaf()) {
                    for (Field source : scope.sources()) {
                        if (!source.isLeaf()) {
                            list(target, source, scope).ifPresent(lists::add);
                        }
                    }
                }
            }
        }
        List<Suggestion> chosen = new ArrayList<>(choose(leaves));
        chosen.addAll(choose(lists));
        chosen.sort(Comparator.comparing(Suggestion::targetPath));
        return chosen;
    }

    private Optional<Candidate> leaf(Field target, Field source, List<Field> currencies) {
        NameScore name = source.kind() == Field.Kind.INDEX ? index(target) : NameScore.of(target.name(),
                source.name(), synonyms);
        TypeFit fit = source.kind() == Field.Kind.INDEX
                ? new TypeFit(1, List.of(Map.of("fn", "add", "args", List.of(1))), null, List.of())
                : TypeFit.of(target, source, name.derivedFn(), currencies, valueMaps);
        List<String> reasons = new ArrayList<>();
        if (name.score() > 0) {
            reasons.add(name.reason());
        }
        reasons.addAll(fit.reasons());
        double confidence = name.score() * fit.factor();
        if (source.kind() == Field.Kind.ROOT) {
            confidence *= ROOT_PENALTY;
            reasons.add("read from the whole record in each element");
        }
        if (target.required() && source.required() && confidence > 0) {
            confidence += REQUIRED_BONUS;
        }
        Optional<SavedEvidence.Count> exact = evidence.exact(target.schemaPath(), source.schemaPath());
        // a saved mapping's steps replace the fit's (and its value map) unless it had none and the types fit
        boolean savedSteps = exact.isPresent() && !(exact.get().pipe().isEmpty() && fit.factor() > 0);
        List<Map<String, Object>> pipe = savedSteps ? exact.get().pipe() : fit.pipe();
        if (exact.isPresent()) {
            int n = exact.get().mappings();
            confidence = Math.max(confidence, Math.min(0.98, 0.9 + 0.02 * (n - 1)));
            reasons.addFirst(saved(n) + " " + source.path() + " → " + target.path());
        } else if (fit.factor() > 0) {
            Optional<SavedEvidence.Count> named = evidence.byNames(target.name(), source.name());
            if (named.isPresent()) {
                int n = named.get().mappings();
                confidence = 1 - (1 - confidence) * Math.pow(1 - HISTORY_WEIGHT * named.get().strength(), n);
                if (named.get().strength() == 1) {
                    confidence = Math.max(confidence, Math.min(SAME_NAMES_MAX, SAME_NAMES + 0.05 * (n - 1)));
                }
                reasons.add(saved(n) + " " + named.get().example());
            }
        }
        if (confidence < THRESHOLD || (fit.factor() == 0 && exact.isEmpty())) {
            return Optional.empty();
        }
        boolean shareable = name.derivedFn() != null || exact.isPresent() || source.kind() != Field.Kind.LEAF;
        return Optional.of(new Candidate(target, source, Math.min(1, confidence), pipe,
                savedSteps ? null : fit.valueMap(), reasons, List.of(), shareable, name.isStrong()));
    }

    /** The element's position for a target that is a line number. */
    private NameScore index(Field target) {
        boolean lineNumber = synonyms.concept(target.name()).filter("line number"::equals).isPresent()
                && target.type().equals("integer");
        return lineNumber ? new NameScore(INDEX_SCORE, "line number from the element's position ($index + 1)", null)
                : new NameScore(0, "", null);
    }

    private Optional<Candidate> list(Field target, Field source, Scope scope) {
        Optional<JsonSchema> targetItems = target.schema().items();
        Optional<JsonSchema> sourceItems = source.schema().items();
        if (targetItems.isEmpty() || sourceItems.isEmpty()) {
            return Optional.empty();
        }
        List<Field> innerTargets = fields.fields(targetItems.get(), target.schemaPath() + "[].");
        List<Suggestion> inner = match(new Scope(fields.fields(sourceItems.get(), source.schemaPath() + "[]."),
                innerTargets, scope.roots(), true, scope.depth() + 1));
        if (inner.isEmpty()) {
            return Optional.empty();
        }
        NameScore name = NameScore.of(target.name(), source.name(), synonyms);
        List<String> reasons = new ArrayList<>();
        double nameScore = name.score();
        Optional<SavedEvidence.Count> exact = evidence.exact(target.schemaPath(), source.schemaPath());
        if (exact.isPresent()) {
            nameScore = Math.max(nameScore, 0.95);
            reasons.add(saved(exact.get().mappings()) + " map the elements of " + source.path() + " to "
                    + target.path());
        }
        if (name.score() > 0) {
            reasons.add(name.reason());
        }
        reasons.add("forEach: " + inner.size() + " of " + innerTargets.size() + " element fields matched");
        double confidence = Math.max(0.5 * nameScore + 0.5 * elements(inner), ELEMENTS_ALONE * elements(inner));
        if (confidence < THRESHOLD) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(target, source, confidence, List.of(), null, reasons, inner, false, false));
    }

    /**
     * How strongly the elements' matches say two lists belong together, in [0, 1]: each inner suggestion is
     * independent evidence of half its confidence (1 − Π (1 − c / 2)), so two sure matches say more than one.
     */
    private static double elements(List<Suggestion> inner) {
        double against = 1;
        for (Suggestion suggestion : inner) {
            against *= 1 - suggestion.confidence() / 2;
        }
        return 1 - against;
    }

    /**
     * The best candidates, greedily: each target once; each source once unless shared, or unless its name is the
     * target's or a synonym (then at a small cost) and the target it feeds already has another name (two targets of
     * one name are told apart by their parents, and the parents chose).
     */
    private static List<Suggestion> choose(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::confidence).reversed()
                .thenComparing(candidate -> candidate.target().schemaPath())
                .thenComparing(candidate -> candidate.source().schemaPath()));
        Map<String, Suggestion> byTarget = new HashMap<>();
        Map<String, Field> usedBy = new HashMap<>();
        List<Suggestion> chosen = new ArrayList<>();
        for (Candidate candidate : sorted) {
            String target = candidate.target().schemaPath();
            String source = candidate.source().schemaPath();
            if (byTarget.containsKey(target)) {
                continue;
            }
            double confidence = candidate.confidence();
            List<String> reasons = new ArrayList<>(candidate.reasons());
            Field other = usedBy.get(source);
            if (other != null && !candidate.shareable()) {
                boolean sameName = other.name().leaf().equals(candidate.target().name().leaf());
                if (!candidate.strongName() || sameName || confidence * REUSE_PENALTY < THRESHOLD) {
                    continue;
                }
                confidence *= REUSE_PENALTY;
                reasons.add("also used for " + other.path());
            }
            Suggestion suggestion = candidate.suggestion(confidence, reasons);
            byTarget.put(target, suggestion);
            usedBy.putIfAbsent(source, candidate.target());
            chosen.add(suggestion);
        }
        return chosen;
    }

    private static String saved(int n) {
        return n == 1 ? "1 saved mapping maps" : n + " saved mappings map";
    }
}
