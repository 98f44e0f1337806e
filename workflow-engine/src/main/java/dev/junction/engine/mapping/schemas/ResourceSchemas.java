package dev.junction.engine.mapping.schemas;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.SchemaCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * JSON Schemas read once from the classpath, each {@code junction/schemas/<id>.schema.json}: the canonical model
 * the engine ships ({@link ShippedSchemas}) and the remote shapes each connector ships beside its code.
 */
public final class ResourceSchemas implements SchemaCatalog {

    private final Map<String, Map<String, Object>> schemas = new TreeMap<>();

    private ResourceSchemas(ClassLoader loader, List<String> ids) {
        for (String id : ids) {
            String resource = "junction/schemas/" + id + ".schema.json";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> schema = (Map<String, Object>) PayloadJson.read(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                schemas.put(id, schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The schemas of these ids, read through {@code loader}. */
    public static ResourceSchemas of(ClassLoader loader, List<String> ids) {
        return new ResourceSchemas(loader, ids);
    }

    /**
     * The schemas an index lists ({@code junction/schemas/<index>}: one id per line), read through {@code loader}:
     * how a module names the schemas it ships without a second list in code.
     */
    public static ResourceSchemas indexed(ClassLoader loader, String index) {
        String resource = "junction/schemas/" + index;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<String> ids = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            return new ResourceSchemas(loader, ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Map<String, Object>> find(String id) {
        return Optional.ofNullable(schemas.get(id));
    }

    @Override
    public List<String> ids() {
        return List.copyOf(schemas.keySet());
    }
}
