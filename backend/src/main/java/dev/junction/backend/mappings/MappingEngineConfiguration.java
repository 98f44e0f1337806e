package dev.junction.backend.mappings;

import dev.junction.connectors.schema.VendorSchemas;
import dev.junction.db.rates.CurrencyRateRepository;
import dev.junction.engine.expressions.ExpressionRuntime;
import dev.junction.engine.mapping.CurrencyRates;
import dev.junction.engine.mapping.MappingCompiler;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.schemas.ShippedSchemas;
import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.runs.Mappings;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The mapping engine in the application: the compiler over the built-in functions, the shipped value maps and
 * schemas, and the sandboxed expression runtime; what mappings read (lookup tables, exchange rates); and the map
 * nodes' port.
 */
@Configuration(proxyBeanMethods = false)
class MappingEngineConfiguration {

    /** The schemas mappings may name: the engine's canonical model and the remote shapes the connectors ship. */
    @Bean
    SchemaCatalog mappingSchemas() {
        return SchemaCatalog.of(ShippedSchemas.instance(), VendorSchemas.catalog());
    }

    @Bean
    MappingCompiler mappingCompiler(ExpressionRuntime expressions, SchemaCatalog mappingSchemas) {
        return new MappingCompiler(BuiltInFunctions.standard(), ShippedValueMaps.instance(), mappingSchemas,
                expressions);
    }

    @Bean
    CurrencyRateRepository currencyRates(DSLContext db) {
        return new CurrencyRateRepository(db);
    }

    @Bean
    MappingEnvironment mappingEnvironment(LookupTables lookups, CurrencyRates rates) {
        return new MappingEnvironment(lookups, rates);
    }

    /** Map nodes run inline mappings, or a stored mapping's published version (read each time: publishing applies). */
    @Bean
    Mappings mappings(MappingCompiler compiler, MappingEnvironment environment, MappingService stored) {
        return Mappings.compiling(compiler, environment, stored::published);
    }
}
