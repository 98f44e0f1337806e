package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.schemas.ResourceSchemas;
import dev.junction.engine.mapping.schemas.ShippedSchemas;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A compiler over the shipped catalogues and a real GraalJS runtime, and resource loading, for tests. */
public final class MappingTestSupport {

    public static final ExpressionRuntime EXPRESSIONS = new ExpressionRuntime();
    /**
     * The canonical schemas and the connectors' remote shapes (connector-catalog's {@code vendor-schemas.txt}, on the
     * test classpath from that module's resources), as the backend puts them together.
     */
    public static final SchemaCatalog SCHEMAS = SchemaCatalog.of(ShippedSchemas.instance(),
            ResourceSchemas.indexed(MappingTestSupport.class.getClassLoader(), "vendor-schemas.txt"));
    public static final MappingCompiler COMPILER = new MappingCompiler(BuiltInFunctions.standard(),
            ShippedValueMaps.instance(), SCHEMAS, EXPRESSIONS);

    private MappingTestSupport() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String text) {
        return (Map<String, Object>) PayloadJson.read(text);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(String path) {
        try (InputStream in = MappingTestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is not on the classpath");
            }
            return (Map<String, Object>) PayloadJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
