package dev.junction.engine.mapping.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts field names into comparable words: at camelCase / PascalCase humps, snake_case and kebab-case separators and
 * between letters and digits; lower case; glued lower-case words cut at known words ({@code isocurrencycode} → iso
 * currency code); a plural s dropped; spelling variants made one word ({@code buyer} → customer); stop words
 * dropped. A snake_case prefix that stands for an address ({@code shipto_city}) becomes the name's parent when the
 * rest is a part of an address ({@code shipping_total} stays one name).
 */
final class NameSplitter {

    private static final int MIN_GLUED = 5;

    private final Set<String> vocabulary;
    private final Set<String> stopWords;
    private final Map<String, List<String>> wordSynonyms;
    private final Map<String, List<String>> addressPrefixes;
    private final Set<String> addressWords;

    NameSplitter(Set<String> vocabulary, Set<String> stopWords, Map<String, List<String>> wordSynonyms,
                 Map<String, List<String>> addressPrefixes, Set<String> addressWords) {
        this.vocabulary = Set.copyOf(vocabulary);
        this.stopWords = Set.copyOf(stopWords);
        this.wordSynonyms = Map.copyOf(wordSynonyms);
        this.addressPrefixes = Map.copyOf(addressPrefixes);
        this.addressWords = Set.copyOf(addressWords);
    }

    /** The raw pieces of a name, lower-cased, before any vocabulary: {@code SellerSKU} → seller, sku. */
    static List<String> split(String raw) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, parts);
                continue;
            }
            if (!current.isEmpty()) {
                char previous = current.charAt(current.length() - 1);
                boolean hump = Character.isLowerCase(previous) && Character.isUpperCase(c);
                boolean digits = Character.isDigit(previous) != Character.isDigit(c);
                boolean acronymEnd = Character.isUpperCase(previous) && Character.isUpperCase(c)
                        && i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1));
                if (hump || digits || acronymEnd) {
                    flush(current, parts);
                }
            }
            current.append(c);
        }
        flush(current, parts);
        return parts;
    }

    private static void flush(StringBuilder current, List<String> parts) {
        if (!current.isEmpty()) {
            parts.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }

    /** The comparable words of a name: {@code shipto_postalcode} → ship, postal, code. */
    List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        for (String part : split(raw)) {
            for (String piece : wordSynonyms.getOrDefault(part, glued(part))) {
                String stemmed = stem(piece);
                words.addAll(wordSynonyms.getOrDefault(stemmed, List.of(stemmed)));
            }
        }
        List<String> meaningful = words.stream().filter(word -> !stopWords.contains(word)).toList();
        return meaningful.isEmpty() ? words : meaningful;
    }

    /** A name at the end of a path of parent names (all within one scope). */
    Name name(List<String> segments) {
        String raw = segments.getLast();
        List<String> context = new ArrayList<>();
        for (String parent : segments.subList(0, segments.size() - 1)) {
            context.addAll(words(parent));
        }
        List<String> leaf = words(raw);
        int underscore = raw.replaceFirst("^_+", "").indexOf('_');
        if (underscore > 0) {
            String trimmed = raw.replaceFirst("^_+", "");
            List<String> prefix = words(trimmed.substring(0, underscore));
            List<String> rest = words(trimmed.substring(underscore + 1));
            List<String> address = addressPrefixes.get(String.join(" ", prefix));
            if (address != null && rest.stream().anyMatch(addressWords::contains)) {
                context.addAll(address);
                leaf = rest;
            }
        }
        return new Name(raw, List.copyOf(leaf), List.copyOf(context));
    }

    /** A glued lower-case word cut into known words, fewest pieces first; itself when it cannot be cut so. */
    List<String> glued(String word) {
        if (word.length() < MIN_GLUED || vocabulary.contains(word) || !word.chars().allMatch(Character::isLetter)) {
            return List.of(word);
        }
        int n = word.length();
        int[] pieces = new int[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(pieces, Integer.MAX_VALUE);
        pieces[0] = 0;
        for (int end = 2; end <= n; end++) {
            for (int start = 0; start <= end - 2; start++) {
                if (pieces[start] != Integer.MAX_VALUE && pieces[start] + 1 < pieces[end]
                        && vocabulary.contains(word.substring(start, end))) {
                    pieces[end] = pieces[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (pieces[n] == Integer.MAX_VALUE) {
            return List.of(word);
        }
        List<String> cut = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            cut.addFirst(word.substring(from[end], end));
        }
        return cut;
    }

    /** Drops a plural: items → item, categories → category; status, address, gross stay. */
    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
