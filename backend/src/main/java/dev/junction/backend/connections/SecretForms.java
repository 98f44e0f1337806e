package dev.junction.backend.connections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms a secret takes on the wire, which a remote side may echo back: the value itself, URL-encoded (form
 * encoding with {@code +} and percent encoding with {@code %20}), and base64 in the standard and the URL-safe
 * alphabet, with or without padding — also where the secret is only part of what was encoded, as in
 * {@code Basic base64(user:password)}: for each of the three byte alignments the secret can start at, the run of
 * base64 characters that depends on the secret's bytes alone is a form of it.
 */
final class SecretForms {

    /** Forms shorter than this would blank ordinary words; secrets that short are refused when stored. */
    static final int SHORTEST = 4;

    /**
     * A part of a base64 encoding shorter than this is not masked: a run that short could be anything (a whole
     * encoding of a secret is always masked).
     */
    static final int SHORTEST_PART = 6;

    /** An {@code Authorization} value (or an echo of one): the scheme stays, the credentials go. */
    static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(Basic|Bearer)(\\s+)([A-Za-z0-9._~+/-]+=*)");

    private SecretForms() {
    }

    /** Every form of every secret, longest first (so that a longer form is blanked before a part of it). */
    static List<String> of(List<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < SHORTEST) {
                continue;
            }
            for (String encoded : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"))) {
                forms.add(encoded);
                forms.addAll(base64(encoded.getBytes(StandardCharsets.UTF_8)));
            }
        }
        forms.removeIf(form -> form.length() < SHORTEST);
        return forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * The base64 characters that depend only on {@code bytes}, for each alignment (0, 1 or 2 bytes before them),
     * in both alphabets; the whole padded and unpadded encoding for alignment 0.
     */
    private static List<String> base64(byte[] bytes) {
        Set<String> forms = new LinkedHashSet<>();
        String whole = Base64.getEncoder().encodeToString(bytes);
        forms.add(whole);
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        for (int before = 0; before < 3; before++) {
            byte[] shifted = new byte[before + bytes.length];
            System.arraycopy(bytes, 0, shifted, before, bytes.length);
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int skip = before == 0 ? 0 : before + 1; // the characters that also carry the bytes before
            int remainder = shifted.length % 3;
            int end = unpadded.length() - (remainder == 0 ? 0 : 1); // the last one also carries the bytes after
            if (end - skip >= SHORTEST_PART) {
                String core = unpadded.substring(skip, end);
                forms.add(core);
                forms.add(core.replace('+', '-').replace('/', '_'));
            }
        }
        return List.copyOf(forms);
    }
}
