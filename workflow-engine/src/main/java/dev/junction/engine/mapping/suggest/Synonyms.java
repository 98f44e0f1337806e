package dev.junction.engine.mapping.suggest;

import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The domain's synonym table ({@code junction/suggest/synonyms.json}): groups of names that mean the same field
 * (zip, postcode, PostalCode), the words names are cut into, generic words, and sources that feed another kind of
 * target through a function (a full name → firstName). Every name is compared after {@link NameSplitter}.
 */
final class Synonyms {

    private static final String RESOURCE = "/junction/suggest/synonyms.json";
    private static final Synonyms STANDARD = load(RESOURCE);

    /** A source concept that feeds a target concept through a function without arguments (full name → firstName). */
    record Derived(String from, String to, String fn) {
    }

    private final NameSplitter splitter;
    private final Set<String> genericWords;
    private final Map<String, String> conceptByPhrase;
    private final List<Derived> derived;

    private Synonyms(NameSplitter splitter, Set<String> genericWords, Map<String, String> conceptByPhrase,
                     List<Derived> derived) {
        this.splitter = splitter;
        this.genericWords = Set.copyOf(genericWords);
        this.conceptByPhrase = Map.copyOf(conceptByPhrase);
        this.derived = List.copyOf(derived);
    }

    static Synonyms standard() {
        return STANDARD;
    }

    /**
     * The same words without the groups and derived pairs: names compared by their words alone (to measure what the
     * table adds).
     */
    Synonyms withoutGroups() {
        return new Synonyms(splitter, genericWords, Map.of(), List.of());
    }

    NameSplitter splitter() {
        return splitter;
    }

    boolean isGeneric(String word) {
        return genericWords.contains(word);
    }

    /** The concept (its group's first name) of the first of the name's phrases that a group lists. */
    Optional<String> concept(Name name) {
        return name.phrases().stream().map(conceptByPhrase::get).filter(java.util.Objects::nonNull).findFirst();
    }

    Optional<String> concept(String rawName) {
        return concept(splitter.name(List.of(rawName)));
    }

    /** The function that turns a source of one concept into a target of another, if the table has one. */
    Optional<String> derivedFunction(String sourceConcept, String targetConcept) {
        return derived.stream().filter(d -> d.from().equals(sourceConcept) && d.to().equals(targetConcept))
                .map(Derived::fn).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Synonyms load(String resource) {
        Map<String, Object> json;
        try (InputStream in = Synonyms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            json = (Map<String, Object>) PayloadJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> vocabulary = new HashSet<>(strings(((Map<String, Object>) json.get("vocabulary")).get("words")));
        Set<String> stopWords = new HashSet<>(strings(json.get("stopWords")));
        Map<String, List<String>> wordSynonyms = new HashMap<>();
        ((Map<String, Object>) ((Map<String, Object>) json.get("wordSynonyms")).get("entries")).forEach((word, to) ->
                wordSynonyms.put(word, List.of(((String) to).split(" "))));
        Map<String, Object> addresses = (Map<String, Object>) json.get("addressPrefixes");
        Map<String, List<String>> prefixes = new HashMap<>();
        ((Map<String, Object>) addresses.get("entries")).forEach((word, to) ->
                prefixes.put(word, List.of(((String) to).split(" "))));
        NameSplitter splitter = new NameSplitter(vocabulary, stopWords, wordSynonyms, prefixes,
                new HashSet<>(strings(addresses.get("addressWords"))));

        Map<String, String> conceptByPhrase = new LinkedHashMap<>();
        for (Object group : (List<Object>) json.get("groups")) {
            List<String> names = strings(group);
            String concept = splitter.name(List.of(names.getFirst())).leafPhrase();
            for (String member : names) {
                String phrase = splitter.name(List.of(member)).leafPhrase();
                String earlier = conceptByPhrase.putIfAbsent(phrase, concept);
                if (earlier != null && !earlier.equals(concept)) {
                    throw new IllegalStateException(resource + ": '" + member + "' (" + phrase + ") is in the groups of '"
                            + earlier + "' and '" + concept + "'");
                }
            }
        }
        List<Derived> derived = new ArrayList<>();
        for (Object entry : (List<Object>) ((Map<String, Object>) json.get("derived")).get("entries")) {
            Map<String, Object> d = (Map<String, Object>) entry;
            derived.add(new Derived(conceptOf(conceptByPhrase, splitter, (String) d.get("from"), resource),
                    conceptOf(conceptByPhrase, splitter, (String) d.get("to"), resource), (String) d.get("fn")));
        }
        Set<String> generic = new HashSet<>(strings(((Map<String, Object>) json.get("genericWords")).get("words")));
        return new Synonyms(splitter, generic, conceptByPhrase, derived);
    }

    private static String conceptOf(Map<String, String> conceptByPhrase, NameSplitter splitter, String name,
                                    String resource) {
        String concept = conceptByPhrase.get(splitter.name(List.of(name)).leafPhrase());
        if (concept == null) {
            throw new IllegalStateException(resource + ": derived entry names '" + name + "', which no group lists");
        }
        return concept;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
