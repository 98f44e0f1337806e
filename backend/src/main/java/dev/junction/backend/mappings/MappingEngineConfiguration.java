package dev.junction.backend.mappings;

import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.mapping.CurrencyRates;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.schemas.ShippedSchemas;
import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.runs.Mappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * The mapping engine in the application: the compiler over the built-in functions, the shipped value maps and
 * schemas, and the sandboxed expression runtime; what mappings read (lookup tables); and the map nodes' port.
 * Stored, versioned mappings and an editable rates table are not built yet: a map node runs mappings written inline,
 * and a stored mapping's id answers "no published mapping".
 */
@Configuration(proxyBeanMethods = false)
class MappingEngineConfiguration {

    @Bean
    MappingCompiler mappingCompiler(ExpressionRuntime expressions) {
        return new MappingCompiler(BuiltInFunctions.standard(), ShippedValueMaps.instance(), ShippedSchemas.instance(),
                expressions);
    }

    @Bean
    MappingEnvironment mappingEnvironment(LookupTables lookups) {
        return new MappingEnvironment(lookups, CurrencyRates.NONE);
    }

    @Bean
    Mappings mappings(MappingCompiler compiler, MappingEnvironment environment) {
        return Mappings.compiling(compiler, environment, mappingId -> Optional.empty());
    }
}
