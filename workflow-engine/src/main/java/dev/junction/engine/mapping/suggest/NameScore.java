package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.EditDistance;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How alike two field names are, in [0, 1], with the reason and, when the synonym table says a source of this kind
 * feeds a target of that kind through a function (a full name → firstName), that function.
 *
 * <p>Same words after splitting: 1. Synonyms (one group of the table): 0.9. A derived pair: 0.8. Otherwise a
 * weighted Dice coefficient of the word sets (generic words such as id, code, name count half; a match on generic
 * words only counts half again; different digits halve it), of the names alone or with their parents' words
 * (× 0.9), with a string distance of the names as a tie-breaker (10%); halved when the table puts the two names in
 * different groups. Then the parents count a little: × (0.9 + 0.1
 * × the similarity of the parents' words), neutral (0.5) when only one side has parents.
 */
record NameScore(double score, String reason, String derivedFn) {

    static final double SAME = 1.0;
    static final double SYNONYM = 0.9;
    static final double DERIVED = 0.8;
    /** Alike words, but the table puts the names in different groups (state code ≠ state). */
    static final double DIFFERENT = 0.5;

    boolean isStrong() {
        return score >= 0.8;
    }

    static NameScore of(Name target, Name source, Synonyms synonyms) {
        double context = 0.9 + 0.1 * contextSimilarity(target, source, synonyms);
        if (!target.leaf().isEmpty() && target.leaf().equals(source.leaf())) {
            String reason = target.raw().equalsIgnoreCase(source.raw()) ? "same name: " + target.raw()
                    : "name match after splitting: " + target.leafPhrase();
            return new NameScore(SAME * context, reason, null);
        }
        Optional<String> targetConcept = synonyms.concept(target);
        Optional<String> sourceConcept = synonyms.concept(source);
        if (targetConcept.isPresent() && targetConcept.equals(sourceConcept)) {
            return new NameScore(SYNONYM * context, "synonym: " + source.raw() + " ↔ " + target.raw(), null);
        }
        if (targetConcept.isPresent() && sourceConcept.isPresent()) {
            Optional<String> fn = synonyms.derivedFunction(sourceConcept.get(), targetConcept.get());
            if (fn.isPresent()) {
                return new NameScore(DERIVED * context, "synonym: " + source.raw() + " is a " + sourceConcept.get()
                        + ", " + fn.get() + " gives the " + targetConcept.get(), fn.get());
            }
        }
        double words = Math.max(dice(target.leaf(), source.leaf(), synonyms),
                0.9 * dice(target.all(), source.all(), synonyms));
        if (words == 0) {
            return new NameScore(0, "no likeness", null);
        }
        double spelling = 1 - (double) EditDistance.between(String.join("", target.leaf()), String.join("", source.leaf()))
                / Math.max(1, Math.max(String.join("", target.leaf()).length(), String.join("", source.leaf()).length()));
        double score = (0.9 * words + 0.1 * spelling) * context;
        if (targetConcept.isPresent() && sourceConcept.isPresent()) {
            return new NameScore(score * DIFFERENT, String.format(java.util.Locale.ROOT, "similar names: %s ~ %s,"
                    + " but the synonym table tells %s from %s (%.2f)", source.raw(), target.raw(),
                    sourceConcept.get(), targetConcept.get(), score * DIFFERENT), null);
        }
        return new NameScore(score, String.format(java.util.Locale.ROOT, "similar names: %s ~ %s (%.2f)",
                source.raw(), target.raw(), score), null);
    }

    /** Weighted Dice coefficient of two word sets. */
    static double dice(List<String> a, List<String> b, Synonyms synonyms) {
        Set<String> left = new HashSet<>(a);
        Set<String> right = new HashSet<>(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        double overlap = 0;
        boolean onlyGeneric = true;
        for (String word : left) {
            if (right.contains(word)) {
                overlap += weight(word, synonyms);
                onlyGeneric &= synonyms.isGeneric(word);
            }
        }
        double total = left.stream().mapToDouble(w -> weight(w, synonyms)).sum()
                + right.stream().mapToDouble(w -> weight(w, synonyms)).sum();
        double dice = 2 * overlap / total;
        if (overlap > 0 && onlyGeneric) {
            dice /= 2;
        }
        Set<String> leftDigits = digits(left);
        Set<String> rightDigits = digits(right);
        if (!leftDigits.isEmpty() && !rightDigits.isEmpty() && !leftDigits.equals(rightDigits)) {
            dice /= 2;
        }
        return dice;
    }

    private static double weight(String word, Synonyms synonyms) {
        return synonyms.isGeneric(word) ? 0.5 : 1;
    }

    private static Set<String> digits(Set<String> words) {
        Set<String> digits = new HashSet<>();
        words.stream().filter(word -> word.chars().allMatch(Character::isDigit)).forEach(digits::add);
        return digits;
    }

    /** The parents' words alike: 1 when neither has parents, 0.5 when one has. */
    static double contextSimilarity(Name target, Name source, Synonyms synonyms) {
        if (target.context().isEmpty() && source.context().isEmpty()) {
            return 1;
        }
        if (target.context().isEmpty() || source.context().isEmpty()) {
            return 0.5;
        }
        return dice(target.context(), source.context(), synonyms);
    }
}
