package dev.junction.connectors.idempotency;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an object a remote API already holds under a request's key differs from what the request asks for, field by
 * field. A connector that looks up before it creates answers what it found as this step's outcome only when
 * nothing differs; otherwise another request made it, and the key was reused.
 *
 * <p>Only what the request gives is compared: a field the request leaves out, or an extra field the remote adds
 * (ids, statuses, dates), is no difference. Maps compare by the request's keys, lists item by item, numbers by
 * value ({@code 5} = {@code 5.0} = {@code "5.00"} when both are numbers or numeric text).
 */
public final class RequestComparison {

    private final List<String> differences = new ArrayList<>();

    /** Compares one field; a field the request does not give ({@code requested} null) is not compared. */
    public RequestComparison field(String name, Object requested, Object found) {
        if (requested != null && !matches(requested, found)) {
            differences.add(name + ": this request has " + shown(requested) + ", the existing one "
                    + (found == null ? "has none" : shown(found)));
        }
        return this;
    }

    public boolean same() {
        return differences.isEmpty();
    }

    public List<String> differences() {
        return List.copyOf(differences);
    }

    /** The differences in one line, e.g. {@code amount: this request has 2000, the existing one 1000}. */
    public String describe() {
        return String.join("; ", differences);
    }

    static boolean matches(Object requested, Object found) {
        if (requested == null) {
            return true;
        }
        if (found == null) {
            return false;
        }
        if (requested instanceof Map<?, ?> wanted) {
            if (!(found instanceof Map<?, ?> held)) {
                return false;
            }
            return wanted.entrySet().stream().allMatch(entry -> matches(entry.getValue(), held.get(entry.getKey())));
        }
        if (requested instanceof List<?> wanted) {
            if (!(found instanceof List<?> held) || held.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                if (!matches(wanted.get(i), held.get(i))) {
                    return false;
                }
            }
            return true;
        }
        BigDecimal wantedNumber = number(requested);
        BigDecimal heldNumber = number(found);
        if (wantedNumber != null && heldNumber != null) {
            return wantedNumber.compareTo(heldNumber) == 0;
        }
        return requested.toString().equals(found.toString());
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number || value instanceof String text && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            try {
                return new BigDecimal(value.toString());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static String shown(Object value) {
        String text = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
