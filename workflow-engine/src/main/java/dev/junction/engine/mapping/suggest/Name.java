package dev.junction.engine.mapping.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * A field's name as words: its own ({@code leaf}: PostalCode → postal, code) and its parents' within the scope
 * ({@code context}: ShippingAddress → ship, address).
 */
record Name(String raw, List<String> leaf, List<String> context) {

    String leafPhrase() {
        return String.join(" ", leaf);
    }

    /** Parents' words and its own. */
    List<String> all() {
        List<String> all = new ArrayList<>(context);
        all.addAll(leaf);
        return all;
    }

    /**
     * The phrases a synonym may be written as: its own words first, then with its parents' words before them, once
     * without "id" ({@code productid.name} → product name) and once with every word.
     */
    List<String> phrases() {
        List<String> phrases = new ArrayList<>();
        phrases.add(leafPhrase());
        if (!context.isEmpty()) {
            List<String> withParent = new ArrayList<>(context.stream().filter(word -> !word.equals("id")).toList());
            withParent.addAll(leaf);
            phrases.add(String.join(" ", withParent));
            phrases.add(String.join(" ", all()));
        }
        return phrases;
    }
}
