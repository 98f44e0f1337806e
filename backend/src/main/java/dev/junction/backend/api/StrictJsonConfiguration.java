package dev.junction.backend.api;

import dev.junction.engine.json.PayloadJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The REST API reads JSON strictly: an unknown field, a number or boolean where text is expected, text where a
 * number is expected ({@code "5"}), a number where true or false is expected, or a text holding the NUL character
 * (which PostgreSQL cannot store) is an error that names the field, not something silently dropped or converted.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .addModule(new SimpleModule("no-nul-text")
                        .addDeserializer(String.class, new NulFreeText())
                        .addDeserializer(JsonNode.class, new NulFreeJson()));
    }

    /** Text as Jackson reads it (with the coercion rules above), refused when it holds a NUL character. */
    private static final class NulFreeText extends StdDeserializer<String> {

        NulFreeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw new NulCharacterException(parser, "");
            }
            return text;
        }
    }

    /** A JSON-valued field (a workflow definition, a run's input), refused when any text in it holds NUL. */
    private static final class NulFreeJson extends StdDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private final ValueDeserializer<JsonNode> json =
                (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        NulFreeJson() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode node = json.deserialize(parser, context);
            JsonText.nulAt(PayloadJson.plain(node), "").ifPresent(path -> {
                throw new NulCharacterException(parser, path);
            });
            return node;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return (JsonNode) json.getNullValue(context);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return json.getAbsentValue(context);
        }
    }
}
