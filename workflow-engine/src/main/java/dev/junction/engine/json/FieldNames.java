package dev.junction.engine.json;

import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * The one owner of field-name identity. A field name that compiled mappings and workflows look up, or check for, is
 * the same object as the key of every record {@link PayloadJson} reads: both are the JVM's interned string of the
 * name. So a map lookup matches them by identity before comparing characters, and a required field is found in an
 * output by identity (measured, docs/benchmarks.md § Mappings). Anything that holds a field name for such lookups
 * takes it through {@link #of}; a JSON reader whose records meet them uses {@link #jsonFactory}.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /** The shared object of this field name. */
    public static String of(String name) {
        return name.intern();
    }

    /** The shared objects of the names of a dotted path ({@code billingAddress.address1}). */
    public static String[] segments(String dottedPath) {
        String[] names = dottedPath.split("\\.");
        for (int i = 0; i < names.length; i++) {
            names[i] = of(names[i]);
        }
        return names;
    }

    /**
     * A JSON factory whose parsers give property names as {@link #of} does (Jackson 2's default; Jackson 3 only
     * canonicalises them per factory). Jackson interns a name once, when it first enters its symbol table, not once
     * per document.
     */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES).build();
    }
}
