package dev.junction.backend.expressions;

import dev.junction.engine.expressions.ExpressionRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The one GraalJS engine of this Junction node: users' expressions and scripts run in its sandboxed contexts. */
@Configuration(proxyBeanMethods = false)
class ExpressionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExpressionConfiguration.class);

    /**
     * @param maxAllocation what one evaluation of a user's expression or script may allocate
     *                      ({@code junction.scripts.max-allocation}, env {@code JUNCTION_SCRIPT_MAX_ALLOCATION})
     */
    @Bean(destroyMethod = "close")
    ExpressionRuntime expressionRuntime(@Value("${junction.scripts.max-allocation:64MB}") DataSize maxAllocation) {
        ExpressionRuntime runtime = new ExpressionRuntime(ExpressionRuntime.DEFAULT_STATEMENT_LIMIT,
                ExpressionRuntime.DEFAULT_TIME_LIMIT, maxAllocation.toBytes());
        // "Interpreted" means no optimizing compiler: expressions work, but run several times slower
        log.info("Expression runtime: GraalJS on the {} Truffle runtime; an evaluation may allocate {} MB",
                runtime.implementationName(), maxAllocation.toMegabytes());
        return runtime;
    }
}
