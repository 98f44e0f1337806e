package dev.junction.connectors.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A path relative to the connection's base URL, such as {@code /orders/{orderId}/lines}: its placeholders are filled
 * from the step's {@code pathParams}, each value percent-encoded whole (a {@code /}, {@code ?} or {@code #} in a value
 * stays inside its segment). A template can never leave the base URL: absolute URLs, {@code //host},
 * {@code .}/{@code ..} segments (also percent-encoded), backslashes, queries and fragments are refused, as are the
 * values {@code .} and {@code ..}; the resolved URL is checked to be under the base URL once more.
 */
final class PathTemplate {

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_.-]*";
    private static final String LITERAL = "[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}";

    private PathTemplate() {
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the template. */
    static void check(String template) {
        if (template.isEmpty() || template.charAt(0) != '/') {
            throw new IllegalArgumentException(template.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")
                    ? "must be a path relative to the base URL, not an absolute URL ('" + template + "')"
                    : "must start with '/' (a path relative to the base URL), not '" + template + "'");
        }
        if (template.startsWith("//")) {
            throw new IllegalArgumentException("must not start with '//' (that would name another host)");
        }
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0 || !template.substring(i + 1, close).matches(NAME)) {
                    throw new IllegalArgumentException("has a malformed placeholder at position " + (i + 1)
                            + " (write {name} with letters, digits, _ . -)");
                }
                i = close + 1;
                continue;
            }
            if (c == '?' || c == '#') {
                throw new IllegalArgumentException("must not contain '" + c + "' (put query parameters in 'query')");
            }
            if (c == '%') {
                if (i + 2 >= template.length() || !template.substring(i, i + 3).matches(LITERAL)) {
                    throw new IllegalArgumentException("has a '%' that is not followed by two hex digits");
                }
                i += 3;
                continue;
            }
            if (!String.valueOf(c).matches(LITERAL)) {
                throw new IllegalArgumentException("must not contain '" + c + "' (encode it, or pass it in"
                        + " 'pathParams' through a {placeholder})");
            }
            i++;
        }
        for (String segment : template.split("/", -1)) {
            String decodedDots = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (decodedDots.equals(".") || decodedDots.equals("..")) {
                throw new IllegalArgumentException("must not contain '.' or '..' segments");
            }
        }
    }

    /** The raw (encoded) path: the template checked, each placeholder replaced by its encoded value. */
    static String expand(String template, Map<String, Object> params) {
        check(template);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                path.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            String name = template.substring(i + 1, close);
            Object value = params.get(name);
            if (value == null) {
                throw new IllegalArgumentException("needs pathParams." + name + " for {" + name + "}");
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("pathParams." + name + " must be text, a number or a boolean");
            }
            String text = String.valueOf(value);
            if (text.isEmpty() || text.equals(".") || text.equals("..")) {
                throw new IllegalArgumentException("pathParams." + name + " must not be empty, '.' or '..'");
            }
            path.append(encode(text));
            i = close + 1;
        }
        return path.toString();
    }

    /**
     * The URL of {@code rawPath} (and the encoded {@code rawQuery}, or null) under the base URL, refused when it
     * would not be on the base URL's scheme, host and port and under its path.
     */
    static URI resolve(URI base, String rawPath, String rawQuery) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        String text = base.getScheme() + "://" + base.getRawAuthority() + basePath + rawPath
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        URI uri = URI.create(text);
        URI normalized = uri.normalize();
        if (!base.getScheme().equals(uri.getScheme()) || !base.getRawAuthority().equals(uri.getRawAuthority())
                || !normalized.getRawPath().startsWith(basePath) || !normalized.getRawPath().equals(uri.getRawPath())) {
            throw new IllegalArgumentException("would leave the base URL " + base);
        }
        return uri;
    }

    /** The query string of the parameters, each name and value percent-encoded; a list repeats the name. */
    static String query(Map<String, Object> parameters) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            List<?> values = parameter.getValue() instanceof List<?> list ? list : List.of(parameter.getValue());
            for (Object value : values) {
                if (value == null) {
                    continue;
                }
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new IllegalArgumentException("query." + parameter.getKey()
                            + " must be text, a number, a boolean or a list of them");
                }
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(encode(parameter.getKey())).append('=').append(encode(String.valueOf(value)));
            }
        }
        return query.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
